/**
 * `banmian check`: the build without the writing. A report a sub-editor can act on: each problem
 * with its page, article and place, and what to do. Exit 1 when an issue cannot be laid out.
 */
import { checkIssue, OVERSET_HINT, oversetAmount, type CheckReport, type CheckWarning } from '../pipeline.js';
import type { RenderProfile } from '../render/page-boxes.js';
import { coloursFor, type Colours } from './colour.js';
import { issueFailure, type DebugOption } from './failure.js';
import { plural } from '../report/plural.js';
import { failedEntry, type ErrorEntry, type FailedEntry } from '../report/failure.js';
import { printJsonReport } from './report.js';

interface CheckFlags {
  readonly profile: RenderProfile;
  readonly json?: boolean;
}

export async function checkCommand(manifests: string[], flags: CheckFlags, command: DebugOption): Promise<void> {
  const started = performance.now();
  const c = coloursFor(process.stdout);
  const entries: (ReturnType<typeof checkEntry> | FailedEntry)[] = [];
  let status = 0;
  for (const manifest of manifests) {
    const issueStarted = performance.now();
    try {
      const report = await checkIssue(manifest, { profile: flags.profile });
      entries.push(checkEntry(report, performance.now() - issueStarted));
      if (!report.ok) status = Math.max(status, 1);
      if (!flags.json) process.stdout.write(describe(report, c));
    } catch (error) {
      status = Math.max(status, issueFailure(error, flags.json, command));
      entries.push(failedEntry(manifest, error));
    }
  }
  if (flags.json) printJsonReport('check', status, entries, started);
  process.exitCode = status;
}

function checkEntry(report: CheckReport, ms: number) {
  const errors: ErrorEntry[] = [
    ...report.overset.map((o) => ({
      code: 'overset',
      page: o.page,
      article: o.article,
      message: oversetAmount(o),
      hint: OVERSET_HINT,
    })),
  ];
  return { ...report, errors, timingsMs: { total: Math.round(ms) } };
}

function describe(report: CheckReport, c: Colours): string {
  const size = `${plural(report.pages, 'page')}, ${plural(report.articles, 'article')}`;
  const verdict = !report.ok
    ? c.red(`cannot be laid out (${plural(report.overset.length, 'error')})`)
    : report.warnings.length > 0
      ? c.yellow(`ok with ${plural(report.warnings.length, 'warning')}`)
      : c.green('ok');
  const lines = [`${report.manifest}: ${verdict}, ${size}`];
  for (const o of report.overset) {
    lines.push(`  ${c.red('error')} page ${o.page}, “${o.article}”: ${oversetAmount(o)}`, `    ${c.dim(`hint: ${OVERSET_HINT}`)}`);
  }
  for (const w of report.warnings) lines.push(...warning(w, c));
  return `${lines.join('\n')}\n`;
}


function warning(w: CheckWarning, c: Colours): string[] {
  const place = [w.page === undefined ? '' : `page ${w.page}`, w.article ? `“${w.article}”` : '', w.where ?? ''].filter(Boolean).join(', ');
  const line = `  ${c.yellow('warning')} ${place ? `${place}: ` : ''}${w.message}`;
  return w.hint ? [line, `    ${c.dim(`hint: ${w.hint}`)}`] : [line];
}
