/**
 * What became of an issue that failed, as data for every front end (the CLI, batch workers, the
 * `--json` report): a BanmianError in one or two lines with its exit status and its place in the
 * input; anything else is a bug, said so plainly.
 */
import { isBanmianError } from '../errors.js';

export function describeFailure(error: unknown): { message: string; status: 1 | 2 } {
  if (isBanmianError(error)) return { message: error.format(), status: error.exitStatus };
  const message = error instanceof Error ? error.message : String(error);
  return { message: `internal error: ${message} (this is a bug in banmian; rerun with --debug and report it)`, status: 1 };
}

/** A message's first line: what a one-line report (a progress line, watch's log) shows of it. */
export function firstLineOf(message: string): string {
  return message.split('\n', 1)[0] ?? '';
}

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

function errorEntry(error: unknown): ErrorEntry {
  if (!isBanmianError(error)) return { code: 'internal', message: describeFailure(error).message };
  return { code: error.code, message: error.message, ...error.location, ...(error.hint ? { hint: error.hint } : {}) };
}
