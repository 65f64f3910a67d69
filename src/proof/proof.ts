/**
 * Proofs of an issue: the PDF `build` would write, drawn page by page as PNG files
 * (DIR/NAME-p01.png …) and optionally a contact sheet (DIR/NAME-sheet.png).
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../output/atomic-write.js';
import { layOut, renderIssue } from '../pipeline.js';
import { yamlStem } from '../manifest/yaml-names.js';
import type { RenderProfile } from '../render/page-boxes.js';
import { contactSheet } from './contact-sheet.js';
import { rasterisePdf } from './rasterise.js';

export interface ProofOptions {
  readonly outDir: string;
  readonly dpi: number;
  readonly profile: RenderProfile;
  readonly sheet: boolean;
}

export interface ProofFile {
  readonly file: string;
  readonly width: number;
  readonly height: number;
}

export interface ProofReport {
  readonly pages: readonly ProofFile[];
  readonly sheet: ProofFile | undefined;
}

export async function proofIssue(manifest: string, options: ProofOptions): Promise<ProofReport> {
  const name = yamlStem(manifest);
  // Exactly the PDF `build` would write, kept in memory.
  const { pdf } = await renderIssue(await layOut(manifest), options.profile);
  const pngs = await rasterisePdf(new Uint8Array(pdf), options.dpi);
  const pages: ProofFile[] = [];
  for (const [i, page] of pngs.entries()) {
    const file = path.join(options.outDir, pageFileName(name, i + 1));
    await writeFileAtomic(file, page.png);
    pages.push({ file, width: page.width, height: page.height });
  }
  await removeStalePages(options.outDir, name, pages.length);
  let sheet: ProofFile | undefined;
  if (options.sheet) {
    const file = path.join(options.outDir, `${name}-sheet.png`);
    const { png, width, height } = await contactSheet(pngs);
    await writeFileAtomic(file, png);
    sheet = { file, width, height };
  }
  return { pages, sheet };
}

function pageFileName(name: string, page: number): string {
  return `${name}-p${String(page).padStart(2, '0')}.png`;
}

/** Pages left over from a longer version of the issue would pass for current proofs. */
async function removeStalePages(dir: string, name: string, count: number): Promise<void> {
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-p(\\d+)\\.png$`);
  for (const entry of await readdir(dir)) {
    const page = Number(pattern.exec(entry)?.[1] ?? 0);
    if (page > count) await rm(path.join(dir, entry), { force: true });
  }
}
