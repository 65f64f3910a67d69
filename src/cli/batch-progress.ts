/**
 * Progress of a batch on stderr: on a terminal a bar (issues done and failed, pages per second,
 * time left) with failures logged above it; elsewhere one plain line per finished issue, so logs
 * and CI output stay readable.
 */
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { BatchOutcome } from '../batch/run.js';
import { coloursFor } from './colour.js';
import { formatSeconds } from './format.js';
import { firstLineOf } from '../report/failure.js';

export interface BatchProgress {
  settled(outcome: BatchOutcome): void;
  stop(): void;
}

export function batchProgress(total: number, quiet: boolean): BatchProgress {
  const started = performance.now();
  const counts = { done: 0, failed: 0, pages: 0 };
  const count = (outcome: BatchOutcome): void => {
    counts.done += 1;
    if (outcome.result.kind === 'failed') counts.failed += 1;
    if (outcome.result.kind === 'built') counts.pages += outcome.result.report.pages;
  };
  const pagesPerSecond = (): string => (counts.pages / Math.max(0.001, (performance.now() - started) / 1000)).toFixed(1);
  if (process.stderr.isTTY) return barProgress(total, counts, count, pagesPerSecond);
  return {
    settled(outcome) {
      count(outcome);
      if (!quiet) process.stderr.write(`[${counts.done}/${total}] ${describeOutcome(outcome)}\n`);
    },
    stop() {},
  };
}

function barProgress(
  total: number,
  counts: { readonly done: number; readonly failed: number },
  count: (outcome: BatchOutcome) => void,
  pagesPerSecond: () => string,
): BatchProgress {
  const c = coloursFor(process.stderr);
  const bars = new cliProgress.MultiBar(
    {
      stream: process.stderr,
      format: `{bar} {value}/{total} issues | ${c.red('{failed} failed')} | {pps} pages/s | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 8,
    },
    cliProgress.Presets.shades_classic,
  );
  const bar = bars.create(total, 0, { failed: 0, pps: '0.0' });
  return {
    settled(outcome) {
      count(outcome);
      if (outcome.result.kind === 'failed') bars.log(`${c.red(describeOutcome(outcome))}\n`);
      bar.update(counts.done, { failed: counts.failed, pps: pagesPerSecond() });
    },
    stop() {
      bars.stop();
    },
  };
}

function describeOutcome({ manifest, output, result }: BatchOutcome): string {
  const name = path.relative('.', manifest);
  switch (result.kind) {
    case 'built':
      return `built ${name} → ${output} (${result.report.pages} p, ${formatSeconds(result.report.timingsMs.total)})`;
    case 'skipped':
      return `skipped ${name} (unchanged)`;
    case 'failed':
      return `failed ${name}: ${firstLineOf(result.message)}`;
  }
}
