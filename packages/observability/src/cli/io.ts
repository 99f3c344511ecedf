import { InvalidArgumentError } from 'commander';

/** Where the CLI writes and what it reads: injectable so tests run it in process. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** The real process streams and environment. */
export const processIo = (): CliIo => ({
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
});

/** Collects `--var key=value` options into an object; anything else is a usage error (exit code 2). */
export function collectVariable(entry: string, previous: Record<string, string> = {}): Record<string, string> {
  const eq = entry.indexOf('=');
  if (eq <= 0) throw new InvalidArgumentError('expected key=value.');
  return { ...previous, [entry.slice(0, eq)]: entry.slice(eq + 1) };
}

/** Parses a flag that must be a whole number of at least 1; anything else is a usage error (exit code 2). */
export function positiveInteger(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError('expected a whole number of at least 1.');
  return value;
}

/** Formats rows as an aligned plain-text table. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
