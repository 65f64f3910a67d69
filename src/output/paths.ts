/**
 * Where PDFs go: `out/<manifest name>.pdf` by default, or a folder named with `-o`. Two manifests
 * of the same name would be written to the same file: that is refused before anything is built.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { BanmianError } from '../errors.js';
import { yamlStem } from '../manifest/yaml-names.js';

const DEFAULT_OUTPUT_FOLDER = 'out';

/** The PDF's file name for a manifest: `gongyi-2024-11-26.yaml` → `gongyi-2024-11-26.pdf`. */
function pdfFileName(manifest: string): string {
  return `${yamlStem(manifest)}.pdf`;
}

export function defaultOutput(manifest: string): string {
  return path.join(DEFAULT_OUTPUT_FOLDER, pdfFileName(manifest));
}

/** FOLDER/NAME.pdf for each manifest; refuses two manifests that would overwrite each other. */
export function outputsInFolder(manifests: readonly string[], folder: string, hint: string): string[] {
  const byOutput = new Map<string, string>();
  return manifests.map((manifest) => {
    const output = path.join(folder, pdfFileName(manifest));
    const other = byOutput.get(output);
    if (other) throw new BanmianError('duplicate-output', 'input', `${other} and ${manifest} would both be written to ${output}`, {}, hint);
    byOutput.set(output, manifest);
    return output;
  });
}

/** `build`'s outputs: `-o` names the PDF for one manifest; for several, or when it is a folder, the folder. */
export function buildOutputs(manifests: readonly string[], output: string | undefined): string[] {
  const single = manifests.length === 1 && output !== undefined && !output.endsWith('/') && !(existsSync(output) && statSync(output).isDirectory());
  if (single) return [output];
  return outputsInFolder(manifests, output ?? DEFAULT_OUTPUT_FOLDER, 'build them one at a time with -o FILE.pdf, or into different folders');
}
