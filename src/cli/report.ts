/**
 * The `--json` report shared by build, check and batch: one object on stdout with the command,
 * the exit status, one entry per issue (pages, articles, warnings, errors, timings) and the run's
 * total time. Errors are structured so a script can point at the file and line.
 */
import { isBanmianError } from '../errors.js';
import { describeFailure } from './failure.js';

export interface ErrorEntry {
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly field?: string;
  readonly hint?: string;
  /** for layout errors located on a page */
  readonly page?: number;
  readonly article?: string;
}

/** An issue that could not be built or checked at all. */
export interface FailedEntry {
  readonly manifest: string;
  readonly ok: false;
  readonly status: 1 | 2;
  readonly warnings: readonly never[];
  readonly errors: readonly ErrorEntry[];
}

export function failedEntry(manifest: string, error: unknown): FailedEntry {
  return { manifest, ok: false, status: describeFailure(error).status, warnings: [], errors: [errorEntry(error)] };
}

export function errorEntry(error: unknown): ErrorEntry {
  if (!isBanmianError(error)) return { code: 'internal', message: describeFailure(error).message };
  return { code: error.code, message: error.message, ...error.location, ...(error.hint ? { hint: error.hint } : {}) };
}

export function printJsonReport(command: string, status: number, issues: readonly unknown[], startedMs: number): void {
  const report = { command, status, issues, timingsMs: { total: Math.round(performance.now() - startedMs) } };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}
