import { createDefaultConfig, Environment, loadEnvironmentSettings } from '@dotmac/obs-config';
import { type Command, Option } from 'commander';
import type { CliIo } from './io.js';

interface ConfigShowOptions {
  readonly serviceName?: string;
  readonly environment?: Environment;
  readonly serviceVersion?: string;
}

/** `dotmac-obs config show`: the configuration resolved from the environment and flags, secrets redacted. */
export function addConfigCommands(program: Command, io: CliIo): void {
  const config = program.command('config').description('inspect the resolved configuration');
  config
    .command('show')
    .description('print the configuration resolved from OTEL_* variables, the preset and flags (secrets as ***)')
    .option('-s, --service-name <name>', 'service name (default: OTEL_SERVICE_NAME)')
    .addOption(
      new Option('-e, --environment <environment>', 'preset')
        .choices(Object.values(Environment))
        .default('development'),
    )
    .option('--service-version <version>', 'service version (default: OTEL_SERVICE_VERSION)')
    .action((options: ConfigShowOptions) => {
      const resolved = createDefaultConfig({
        ...(options.serviceName ? { serviceName: options.serviceName } : {}),
        ...(options.environment ? { environment: options.environment } : {}),
        ...(options.serviceVersion ? { serviceVersion: options.serviceVersion } : {}),
        env: io.env,
        onWarning: (message) => io.err(`warning: ${message}\n`),
      });
      const settings = loadEnvironmentSettings(io.env);
      // Both objects print through their redacting toJSON hooks.
      io.out(`${JSON.stringify({ otel: resolved, settings }, null, 2)}\n`);
    });
}
