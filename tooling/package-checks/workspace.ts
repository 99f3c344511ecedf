import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(__dirname, '..', '..');

export interface WorkspacePackage {
  readonly dir: string;
  readonly name: string;
  readonly manifest: Record<string, unknown>;
}

/** Every publishable package under packages/. */
export const packages: readonly WorkspacePackage[] = fs
  .readdirSync(path.join(root, 'packages'))
  .map((folder) => path.join(root, 'packages', folder))
  .filter((dir) => fs.existsSync(path.join(dir, 'package.json')))
  .map((dir) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    return { dir, name: manifest['name'] as string, manifest };
  });

/** Runs a command and returns its output; on failure the error carries stdout and stderr. */
export function run(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  try {
    return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
}

export const bin = (name: string): string => path.join(root, 'node_modules', '.bin', name);
