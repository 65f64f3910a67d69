/**
 * `banmian batch`: rebuild folders or globs of issues in parallel, skipping the unchanged ones,
 * going on past failures; a summary table at the end. Exit 2 if any issue was bad input, else 1
 * if any could not be laid out, 130 if interrupted.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { expandManifests } from '../batch/expand.js';
import { runBatch, type BatchOutcome } from '../batch/run.js';
import type { RenderProfile } from '../render/page-boxes.js';
import { batchProgress } from './batch-progress.js';
import { coloursFor, type Colours } from './colour.js';
import { plural } from '../report/plural.js';
import { formatSeconds, formatTable } from './format.js';
import { printJsonReport } from './report.js';

interface BatchFlags {
  readonly output: string;
  readonly profile: RenderProfile;
  readonly jobs?: number;
  readonly force?: boolean;
  readonly json?: boolean;
}

const INTERRUPTED = 130;

export async function batchCommand(paths: string[], flags: BatchFlags): Promise<void> {
  const started = performance.now();
  const manifests = await expandManifests(paths);
  const controller = new AbortController();
  // The first Ctrl-C stops cleanly; a second one falls through to node's default and kills.
  const interrupt = (): void => controller.abort();
  process.once('SIGINT', interrupt);
  const progress = batchProgress(manifests.length, flags.json === true);
  const run = await runBatch(
    {
      manifests,
      outDir: flags.output,
      profile: flags.profile,
      jobs: flags.jobs ?? availableParallelism(),
      force: flags.force === true,
      signal: controller.signal,
    },
    (outcome) => progress.settled(outcome),
  ).finally(() => {
    progress.stop();
    process.off('SIGINT', interrupt);
  });
  const status = run.interrupted ? INTERRUPTED : exitStatus(run.outcomes);
  if (flags.json) {
    printJsonReport('batch', status, run.outcomes.map(jsonEntry), started);
  } else {
    printSummary(run.outcomes, manifests.length, performance.now() - started, coloursFor(process.stdout));
    for (const { result } of run.outcomes) if (result.kind === 'failed') process.stderr.write(`banmian: ${result.message}\n`);
    if (run.interrupted) process.stderr.write(`banmian: interrupted; ${run.outcomes.length} of ${manifests.length} issues finished, no partial PDF left behind\n`);
  }
  process.exitCode = status;
}

function exitStatus(outcomes: readonly BatchOutcome[]): number {
  return outcomes.reduce((worst, { result }) => (result.kind === 'failed' ? Math.max(worst, result.failure.status) : worst), 0);
}

function printSummary(outcomes: readonly BatchOutcome[], total: number, ms: number, c: Colours): void {
  const tally = { built: 0, skipped: 0, failed: 0, pages: 0 };
  const rows = outcomes.map(({ manifest, output, result, cached }) => {
    tally[result.kind] += 1;
    const name = path.relative('.', manifest);
    switch (result.kind) {
      case 'built':
        tally.pages += result.report.pages;
        return [name, c.green('built'), String(result.report.pages), formatSeconds(result.report.timingsMs.total), output];
      case 'skipped':
        return [name, c.dim('skipped'), cached ? String(cached.pages) : '', '', `${output} (unchanged)`];
      case 'failed':
        // The full message, with file and line, follows the table.
        return [name, c.red('failed'), '', '', result.failure.errors[0]?.message ?? ''];
    }
  });
  const table = formatTable([['issue', 'result', 'pages', 'time', 'output'], ...rows], [2, 3]);
  const rate = tally.pages > 0 ? `, ${(tally.pages / (ms / 1000)).toFixed(1)} pages/s` : '';
  const skipped = tally.skipped > 0 ? `${tally.skipped} skipped as unchanged (--force rebuilds them)` : '0 skipped';
  process.stdout.write(
    `${table}\n${plural(total, 'issue')} in ${formatSeconds(ms)}: ${tally.built} built, ${skipped}, ${tally.failed} failed${rate}\n`,
  );
}

function jsonEntry({ manifest, output, result, cached }: BatchOutcome): unknown {
  switch (result.kind) {
    case 'built':
      return { ok: true, result: 'built', errors: [], ...result.report };
    case 'skipped':
      return { manifest, ok: true, result: 'skipped', output, pages: cached?.pages, articles: cached?.articles, warnings: [], errors: [] };
    case 'failed':
      return { result: 'failed', ...result.failure };
  }
}
