import { ConfigError } from '@dotmac/obs-config';
import { Command, CommanderError } from 'commander';
import { addConfigCommands } from './config-command.js';
import { addDashboardCommands } from './dashboards-command.js';
import { type CliIo, processIo } from './io.js';
import { addSloCommands } from './slo-command.js';

/**
 * Runs `dotmac-obs` with the given arguments and returns the exit code: 0 on success, 1 when the command failed
 * (one clear line on stderr, or a dashboard that could not be provisioned), 2 for a usage error.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const program = new Command('dotmac-obs')
    .description('DotMac Observability: SLO rules, dashboards and configuration from the command line')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run with --help for usage)');
  addConfigCommands(program, io);
  addSloCommands(program, io);
  // Subcommands inherit exitOverride, the output streams and showHelpAfterError from the program.
  const dashboards = addDashboardCommands(program, io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return dashboards.failed() ? 1 : 0;
  } catch (error) {
    // --help and --version end with exit code 0; usage errors, and a command missing its subcommand, with 2.
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    io.err(`dotmac-obs: ${oneLine(error)}\n`);
    return 1;
  }
}

function oneLine(error: unknown): string {
  if (error instanceof ConfigError)
    return `invalid configuration: ${error.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('; ');
}
