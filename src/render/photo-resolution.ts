/**
 * Print-plant resolution rules for photos at their placed size (bleed included): below 200 ppi
 * the build report warns, below 100 ppi the print build fails (pdf-print-notes.md C1).
 */
import path from 'node:path';
import { BanmianError } from '../errors.js';
import type { IssueFrames } from '../layout/frames.js';
import { PT_PER_INCH } from '../units.js';
import { placedImages } from './placement.js';

export const WARN_BELOW_PPI = 200;
export const FAIL_BELOW_PPI = 100;

export interface ResolutionWarning {
  readonly code: 'low-resolution-photo';
  readonly message: string;
  readonly page: number;
  readonly article?: string;
}

/** Checks every placed photo of a print build. Returns the warnings; throws for the first photo below FAIL_BELOW_PPI. */
export function checkPrintResolution(frames: IssueFrames): ResolutionWarning[] {
  const warnings: ResolutionWarning[] = [];
  for (const page of frames.pages) {
    for (const { image: item, rect: placed } of placedImages(page, frames.bleedMm, true)) {
      // Scaled to cover its box: the side with fewer pixels per inch decides.
      const ppi = Math.floor(Math.min(item.pixelWidth / (placed.width / PT_PER_INCH), item.pixelHeight / (placed.height / PT_PER_INCH)));
      if (ppi >= WARN_BELOW_PPI) continue;
      const what = `photo ${path.basename(item.file)} on page ${page.number} (${item.article}) is ${ppi} ppi at its placed size`;
      if (ppi < FAIL_BELOW_PPI) {
        throw new BanmianError(
          'low-resolution-photo',
          'input',
          `${what}; print needs at least ${FAIL_BELOW_PPI} (${WARN_BELOW_PPI} for good results)`,
          { file: item.file },
          'use a larger original, or give the photo fewer columns',
        );
      }
      warnings.push({ code: 'low-resolution-photo', message: `${what}; print wants ${WARN_BELOW_PPI}`, page: page.number, article: item.article });
    }
  }
  return warnings;
}
