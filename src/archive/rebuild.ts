/**
 * `banmian build --from-pdf OLD.pdf`: rebuilds an issue from the manifest and sources attached to
 * its archive PDF. They are written to a fresh private temporary folder (never next to the user's
 * files), built from there like any manifest, and the folder is removed afterwards.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BanmianError } from '../errors.js';
import { buildIssue, type BuildOptions, type BuildReport } from '../pipeline.js';
import { defaultOutput } from '../output/paths.js';
import { readEmbeddedFiles, type EmbeddedFile } from './read.js';
import { MANIFEST_DESCRIPTION } from './sources.js';

export async function buildFromPdf(pdfPath: string, options: BuildOptions = {}): Promise<BuildReport> {
  const files = await readEmbeddedFiles(await readFile(pdfPath)).catch((error: unknown) => {
    throw new BanmianError('unreadable-pdf', 'input', `cannot read ${pdfPath} as a PDF: ${String(error)}`, { file: pdfPath });
  });
  const manifest = files.find((f) => f.description === MANIFEST_DESCRIPTION);
  if (!manifest) {
    throw new BanmianError('no-attached-manifest', 'input', `${pdfPath} has no attached Banmian manifest`, { file: pdfPath }, 'only PDFs built with --profile archive can be rebuilt');
  }
  const output = options.output ?? defaultOutput(manifest.name);
  if (path.resolve(output) === path.resolve(pdfPath)) {
    throw new BanmianError('overwrite-source', 'input', `rebuilding ${pdfPath} would overwrite it`, { file: pdfPath }, 'name another output with -o');
  }
  const folder = await mkdtemp(path.join(tmpdir(), 'banmian-rebuild-'));
  try {
    for (const file of files) await writeInside(folder, file, pdfPath);
    const report = await buildIssue(path.join(folder, manifest.name), { ...options, output });
    return { ...report, manifest: pdfPath };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Writes one attachment under `folder`; a name that could leave it is refused (the PDF is input). */
async function writeInside(folder: string, file: EmbeddedFile, pdfPath: string): Promise<void> {
  const parts = file.name.split('/');
  const unsafe = parts.some((p) => p === '' || p === '.' || p === '..' || /[\\\0:]/.test(p));
  if (unsafe) {
    throw new BanmianError('unsafe-path', 'input', `attachment name "${file.name}" in ${pdfPath} is not a plain relative path`, { file: pdfPath });
  }
  const target = path.join(folder, ...parts);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, file.data, { flag: 'wx' });
}
