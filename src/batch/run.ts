/**
 * Build many issues on a pool of worker threads. Every issue ends built, skipped (unchanged since
 * the last build into the same folder) or failed; one failure never stops the others. Aborting
 * (Ctrl-C) terminates the workers, removes the temporaries of the PDFs being written and keeps
 * the cache of what did finish.
 */
import { rm } from 'node:fs/promises';
import { temporaryPath } from '../output/atomic-write.js';
import { outputsInFolder } from '../output/paths.js';
import type { RenderProfile } from '../render/page-boxes.js';
import { BuildCache, type CacheEntry } from './cache.js';
import { failedResult, type BatchResult, type BatchTask } from './task.js';

export interface BatchOptions {
  /** absolute manifest paths */
  readonly manifests: readonly string[];
  readonly outDir: string;
  readonly profile: RenderProfile;
  readonly jobs: number;
  readonly force: boolean;
  readonly signal: AbortSignal;
}

export interface BatchOutcome {
  readonly manifest: string;
  readonly output: string;
  readonly result: BatchResult;
  /** for a skipped issue, what the PDF from last time holds */
  readonly cached: CacheEntry | undefined;
}

export interface BatchRun {
  /** in the order of the manifests; issues not finished when aborted are missing */
  readonly outcomes: readonly BatchOutcome[];
  readonly interrupted: boolean;
}

export async function runBatch(options: BatchOptions, onSettled: (outcome: BatchOutcome) => void): Promise<BatchRun> {
  const outputs = outputsInFolder(options.manifests, options.outDir, 'batch them into different output folders with -o');
  const cache = await BuildCache.open(options.outDir);
  const threads = Math.max(1, Math.min(options.jobs, options.manifests.length));
  // Loaded here: a static import would be hoisted to the bundled CLI's first line (rolldown.config.js).
  const { Piscina } = await import('piscina');
  const pool = new Piscina<BatchTask, BatchResult>({
    // From this folder (dist/batch) and from the bundled CLI's (dist/cli) alike.
    filename: new URL('../batch/worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
  });
  const writing = new Set<string>();
  const outcomes = new Map<string, BatchOutcome>();
  let interrupted = false;
  const runOne = async (manifest: string, output: string): Promise<void> => {
    const previous = cache.get(manifest);
    const task: BatchTask = { manifest, output, profile: options.profile, previousKey: options.force ? undefined : previous?.key };
    writing.add(output);
    const result = await pool.run(task, { signal: options.signal }).catch((error: unknown): BatchResult | undefined =>
      options.signal.aborted
        ? undefined
        : // A worker that died (out of memory, say) fails its issue, not the batch.
          failedResult(manifest, error),
    );
    if (!result) {
      interrupted = true;
      return;
    }
    writing.delete(output);
    remember(cache, manifest, output, result);
    const outcome = { manifest, output, result, cached: result.kind === 'skipped' ? previous : undefined };
    outcomes.set(manifest, outcome);
    onSettled(outcome);
  };
  try {
    await Promise.all(options.manifests.map((manifest, i) => runOne(manifest, outputs[i] as string)));
  } finally {
    await pool.destroy();
    // The workers are gone; whatever they were writing is a temporary beside its PDF.
    await Promise.all([...writing].map((output) => rm(temporaryPath(output), { force: true })));
    await cache.save();
  }
  return { outcomes: options.manifests.flatMap((m) => outcomes.get(m) ?? []), interrupted };
}

function remember(cache: BuildCache, manifest: string, output: string, result: BatchResult): void {
  if (result.kind === 'built') cache.set(manifest, { key: result.key, output, pages: result.report.pages, articles: result.report.articles });
  if (result.kind === 'failed') cache.delete(manifest);
}
