/** What the batch sends to a worker and gets back: plain data, since errors do not survive the thread boundary. */
import type { BuildReport } from '../pipeline.js';
import type { RenderProfile } from '../render/page-boxes.js';
import { describeFailure, failedEntry, type FailedEntry } from '../report/failure.js';

export interface BatchTask {
  /** absolute path of the manifest */
  readonly manifest: string;
  readonly output: string;
  readonly profile: RenderProfile;
  /** the fingerprint of the last good build into this output, unless --force */
  readonly previousKey: string | undefined;
}

export type BatchResult =
  | { readonly kind: 'built'; readonly report: BuildReport; readonly key: string }
  | { readonly kind: 'skipped'; readonly key: string }
  | { readonly kind: 'failed'; readonly failure: FailedEntry; readonly message: string };

/** An issue that failed: in its worker, or with its worker (a worker that died fails its issue). */
export function failedResult(manifest: string, error: unknown): BatchResult {
  return { kind: 'failed', failure: failedEntry(manifest, error), message: describeFailure(error).message };
}
