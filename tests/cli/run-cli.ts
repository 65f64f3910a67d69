/** Running the built `banmian` (dist/cli/launch.js and its bundle, made by `npm test`'s build step) as a user would. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The `banmian` bin. */
export const CLI = fileURLToPath(new URL('../../dist/cli/launch.js', import.meta.url));
const BUNDLE = fileURLToPath(new URL('../../dist/cli/banmian.cjs', import.meta.url));

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function assertBuilt(): void {
  if (!existsSync(CLI) || !existsSync(BUNDLE)) throw new Error('dist/cli is not built: run `npm run build` first (npm test does)');
}

export function banmian(args: readonly string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 300_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
