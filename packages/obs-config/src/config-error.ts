import { ObservabilityError } from './errors.js';
import { redactString } from './redact.js';

/** One problem found in a configuration: where (`tracingExporters[1].endpoint`, `OTEL_TRACES_SAMPLER_ARG`) and what. */
export interface ConfigIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Thrown when a configuration or an environment variable is invalid. Lists every problem at once,
 * each with its path and the fix; secrets (header values, API keys, URL credentials) never appear.
 */
export class ConfigError extends ObservabilityError {
  /** Every problem found, in input order. */
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    const safe = issues.map((issue) => Object.freeze({ path: issue.path, message: redactString(issue.message) }));
    const count = safe.length === 1 ? '1 problem' : `${safe.length} problems`;
    const lines = safe.map((issue) => `  - ${issue.path ? `${issue.path}: ` : ''}${issue.message}`);
    super('CONFIG_INVALID', `Invalid observability configuration (${count}):\n${lines.join('\n')}`);
    this.issues = Object.freeze(safe);
  }
}
