/**
 * The CMYK output profile of the print profile: photos are separated with it, and the PDF/X
 * output intent embeds it, so the file says which printing condition its numbers are for.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { BanmianError } from '../errors.js';
import { memoByFileVersion } from '../file-version.js';

export interface OutputProfile {
  /** absolute path of a CMYK output ICC profile */
  readonly file: string;
  /** OutputCondition text of the intent */
  readonly condition: string;
}

/**
 * Shipped default, derived with ArgyllCMS (icc/README.md, scripts/make-newsprint-icc.sh): its
 * separation keeps total ink at or below this many percent.
 */
export const DEFAULT_PROFILE_INK_PERCENT = 240;

/** icc/ at the project root: two levels above src/render/ and dist/render/ alike. */
export function defaultOutputProfile(): OutputProfile {
  return {
    file: fileURLToPath(new URL('../../icc/banmian-newsprint-240.icc', import.meta.url)),
    condition: `Newsprint, total ink limit ${DEFAULT_PROFILE_INK_PERCENT}% (Banmian derived profile)`,
  };
}

/** The plant's profile when the template names one; else the default, if it meets the template's ink limit. */
export function outputProfileFor(template: { readonly iccProfile?: string; readonly maxInkPercent: number; readonly file: string }): OutputProfile {
  if (template.iccProfile) return { file: template.iccProfile, condition: path.basename(template.iccProfile) };
  if (template.maxInkPercent < DEFAULT_PROFILE_INK_PERCENT) {
    throw new BanmianError(
      'ink-limit',
      'input',
      `the template allows ${template.maxInkPercent}% total ink, but Banmian's built-in newsprint profile separates up to ${DEFAULT_PROFILE_INK_PERCENT}%`,
      { file: template.file, field: 'maxInkPercent' },
      "name your printing plant's CMYK ICC profile in the template (iccProfile: plant.icc)",
    );
  }
  return defaultOutputProfile();
}

/**
 * A profile file's bytes deflated as pdfkit deflates a stream (zlib's defaults), once per process
 * and profile version: a warm process embeds it without compressing 150 KB again.
 */
export const deflatedProfile = memoByFileVersion(async (file) => deflateSync(await readFile(file)));
