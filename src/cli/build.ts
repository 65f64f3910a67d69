/**
 * `banmian build`: one PDF per manifest, or rebuilt from an archive PDF with `--from-pdf`; goes on
 * past a failed issue, exits with the worst status.
 */
import { BanmianError } from '../errors.js';
import { buildOutputs } from '../output/paths.js';
import { buildIssue, type BuildReport } from '../pipeline.js';
import type { RenderProfile } from '../render/page-boxes.js';
import { issueFailure, type DebugOption } from './failure.js';
import { formatBytes } from './format.js';
import { failedEntry } from '../report/failure.js';
import { printJsonReport } from './report.js';
import { plural } from '../report/plural.js';

interface BuildFlags {
  readonly output?: string;
  readonly profile: RenderProfile;
  readonly json?: boolean;
  /** an archive PDF to rebuild from its attached manifest and sources */
  readonly fromPdf?: string;
}

export async function buildCommand(manifests: string[], flags: BuildFlags, command: DebugOption): Promise<void> {
  const started = performance.now();
  const entries: unknown[] = [];
  let status = 0;
  const { fromPdf } = flags;
  if ((fromPdf === undefined) === (manifests.length === 0)) {
    throw new BanmianError('build-input', 'input', 'build takes issue manifests or --from-pdf ARCHIVE.pdf, one of the two', {}, 'banmian build ISSUE.yaml, or banmian build --from-pdf OLD.pdf');
  }
  // One build per manifest, or the one from the archive PDF; each reported under its input.
  const builds: readonly { readonly input: string; readonly run: () => Promise<BuildReport> }[] =
    fromPdf === undefined
      ? buildOutputs(manifests, flags.output).map((output, i) => {
          const manifest = manifests[i] as string;
          return { input: manifest, run: () => buildIssue(manifest, { profile: flags.profile, output }) };
        })
      : [
          {
            input: fromPdf,
            run: async () => (await import('../archive/rebuild.js')).buildFromPdf(fromPdf, { profile: flags.profile, ...(flags.output === undefined ? {} : { output: flags.output }) }),
          },
        ];
  for (const { input, run } of builds) {
    try {
      const report = await run();
      entries.push({ ok: true, errors: [], ...report });
      if (!flags.json) process.stdout.write(`${summarise(report)}\n`);
    } catch (error) {
      status = Math.max(status, issueFailure(error, flags.json, command));
      entries.push(failedEntry(input, error));
    }
  }
  if (flags.json) printJsonReport('build', status, entries, started);
  process.exitCode = status;
}

function summarise(r: BuildReport): string {
  const pages = plural(r.pages, 'page');
  return `${r.output}  ${pages}, ${plural(r.articles, 'article')}, ${formatBytes(r.bytes)}, ${r.timingsMs.total} ms (${r.profile})`;
}
