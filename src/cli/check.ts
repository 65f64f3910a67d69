/** `banmian check`: the build without the writing; exit 1 when an issue cannot be laid out. */
import { checkIssue, oversetError, type CheckReport } from '../pipeline.js';
import { describeFailure } from './failure.js';

interface CheckFlags {
  readonly json?: boolean;
}

export async function checkCommand(manifests: string[], flags: CheckFlags): Promise<void> {
  const results: (CheckReport | { manifest: string; error: string; status: 1 | 2 })[] = [];
  let status = 0;
  for (const manifest of manifests) {
    try {
      const report = await checkIssue(manifest);
      results.push(report);
      if (!report.ok) status = Math.max(status, 1);
      if (!flags.json) process.stdout.write(`${describe(report)}\n`);
    } catch (error) {
      const failure = describeFailure(error);
      status = Math.max(status, failure.status);
      results.push({ manifest, error: failure.message, status: failure.status });
      if (!flags.json) process.stderr.write(`banmian: ${failure.message}\n`);
    }
  }
  if (flags.json) process.stdout.write(`${JSON.stringify({ command: 'check', status, issues: results }, null, 2)}\n`);
  process.exitCode = status;
}

function describe(report: CheckReport): string {
  if (report.ok) return `${report.manifest}: ok, ${report.pages} pages, ${report.articles} articles`;
  return `banmian: ${oversetError({ file: report.manifest }, report.overset).format()}`;
}
