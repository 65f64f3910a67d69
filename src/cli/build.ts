/** `banmian build`: one PDF per manifest; goes on past a failed issue, exits with the worst status. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildIssue, defaultOutput, type BuildReport } from '../pipeline.js';
import type { RenderProfile } from '../render/page-boxes.js';
import { describeFailure } from './failure.js';
import { formatBytes } from './format.js';

interface BuildFlags {
  readonly output?: string;
  readonly profile: RenderProfile;
  readonly json?: boolean;
}

export async function buildCommand(manifests: string[], flags: BuildFlags, command: { optsWithGlobals(): { debug?: boolean } }): Promise<void> {
  const debug = command.optsWithGlobals().debug === true;
  const reports: (BuildReport | { manifest: string; error: string; status: 1 | 2 })[] = [];
  let status = 0;
  for (const manifest of manifests) {
    try {
      const report = await buildIssue(manifest, { profile: flags.profile, output: outputFor(manifest, manifests.length, flags.output) });
      reports.push(report);
      if (!flags.json) process.stdout.write(`${summarise(report)}\n`);
    } catch (error) {
      const failure = describeFailure(error);
      status = Math.max(status, failure.status);
      reports.push({ manifest, error: failure.message, status: failure.status });
      if (!flags.json) {
        process.stderr.write(`banmian: ${failure.message}\n`);
        if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
      }
    }
  }
  if (flags.json) process.stdout.write(`${JSON.stringify({ command: 'build', status, issues: reports }, null, 2)}\n`);
  process.exitCode = status;
}

/** `-o` names the PDF for one manifest; for several, or when it is a folder, the folder. */
function outputFor(manifest: string, count: number, output: string | undefined): string {
  const defaultPath = defaultOutput(manifest);
  if (output === undefined) return defaultPath;
  const isFolder = count > 1 || output.endsWith('/') || (existsSync(output) && statSync(output).isDirectory());
  return isFolder ? path.join(output, path.basename(defaultPath)) : output;
}

function summarise(r: BuildReport): string {
  const pages = `${r.pages} page${r.pages === 1 ? '' : 's'}`;
  return `${r.output}  ${pages}, ${r.articles} articles, ${formatBytes(r.bytes)}, ${r.timingsMs.total} ms (${r.profile})`;
}
