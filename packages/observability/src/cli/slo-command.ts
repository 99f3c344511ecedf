import fs from 'node:fs/promises';
import path from 'node:path';
import {
  type BusinessMetricSpec,
  DEFAULT_BUSINESS_METRICS,
  generatePrometheusRules,
  generatePrometheusRuleTests,
  toOpenSlo,
} from '@dotmac/obs-slo';
import type { Command } from 'commander';
import type { CliIo } from './io.js';

interface SpecOptions {
  readonly spec?: string;
  readonly out?: string;
  readonly runbookUrl?: string;
}

/**
 * `dotmac-obs slo rules|test-rules|openslo`: Prometheus rule files, their promtool tests or OpenSLO documents, from a
 * spec file or the default business metrics.
 */
export function addSloCommands(program: Command, io: CliIo): void {
  const slo = program.command('slo').description('SLO rules and tests for Prometheus, and OpenSLO documents');
  const withSpec = (command: Command) =>
    command
      .option('--spec <file>', 'JSON file with a list of BusinessMetricSpec (default: the default business metrics)')
      .option('-o, --out <file>', 'write to this file instead of stdout')
      .option('--runbook-url <url>', 'runbook_url annotation of the alerts');

  withSpec(slo.command('rules').description('write the Prometheus recording rules and burn-rate alerts (YAML)')).action(
    async (options: SpecOptions) => {
      const specs = await readSpecs(io, options.spec);
      await write(io, options.out, generatePrometheusRules(specs, runbook(options)));
    },
  );
  withSpec(
    slo
      .command('test-rules')
      .description('write a promtool test file that checks every alert fires when it should, and only then')
      .option('--rule-file <path>', 'the rule file the tests load, relative to the test file', 'slo-rules.yml'),
  ).action(async (options: SpecOptions & { readonly ruleFile: string }) => {
    const specs = await readSpecs(io, options.spec);
    const text = generatePrometheusRuleTests(specs, { ...runbook(options), ruleFiles: [options.ruleFile] });
    await write(io, options.out, text);
  });
  withSpec(
    slo
      .command('openslo')
      .description('write the specs as OpenSLO v1 SLO documents (YAML stream, one JSON-form document each)')
      .option('--service <name>', 'the OpenSLO service the SLOs belong to', 'service'),
  ).action(async (options: SpecOptions & { readonly service: string }) => {
    const documents = toOpenSlo(await readSpecs(io, options.spec), { service: options.service });
    await write(io, options.out, documents.map((doc) => `---\n${JSON.stringify(doc, null, 2)}\n`).join(''));
  });
}

const runbook = (options: SpecOptions) => (options.runbookUrl ? { runbookUrl: options.runbookUrl } : {});

async function readSpecs(io: CliIo, file: string | undefined): Promise<readonly BusinessMetricSpec[]> {
  if (!file) return DEFAULT_BUSINESS_METRICS;
  const text = await fs.readFile(path.resolve(io.cwd, file), 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(parsed)) throw new Error(`${file} must hold a JSON array of BusinessMetricSpec objects`);
  return parsed as BusinessMetricSpec[];
}

async function write(io: CliIo, out: string | undefined, text: string): Promise<void> {
  if (!out) {
    io.out(text);
    return;
  }
  const target = path.resolve(io.cwd, out);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, text);
  io.out(`wrote ${path.relative(io.cwd, target) || target}\n`);
}
