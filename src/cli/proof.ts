/** `banmian proof`: PNG previews of every page, and optionally a contact sheet of the issue. */
import path from 'node:path';
import { proofIssue } from '../proof/proof.js';
import type { RenderProfile } from '../render/page-boxes.js';
import { plural } from '../report/plural.js';

interface ProofFlags {
  readonly output: string;
  readonly dpi: number;
  readonly profile: RenderProfile;
  readonly sheet?: boolean;
}

export async function proofCommand(manifest: string, flags: ProofFlags): Promise<void> {
  const report = await proofIssue(manifest, { outDir: flags.output, dpi: flags.dpi, profile: flags.profile, sheet: flags.sheet === true });
  const first = report.pages[0];
  const size = first ? ` at ${flags.dpi} dpi (${first.width}×${first.height} px)` : '';
  process.stdout.write(`${plural(report.pages.length, 'page')}${size} → ${path.join(flags.output, '')}\n`);
  for (const page of report.pages) process.stdout.write(`  ${page.file}\n`);
  if (report.sheet) process.stdout.write(`  ${report.sheet.file} (contact sheet, ${report.sheet.width}×${report.sheet.height} px)\n`);
}
