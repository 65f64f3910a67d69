/**
 * Page geometry. With printer's marks a page is trim + bleed + a slug for the crop marks and the
 * page label; without, it is the trim. Boxes are in PDF user space (origin at the
 * bottom-left of the MediaBox), which is what TrimBox/BleedBox must use.
 */
import { mmToPt, roundPt } from '../units.js';

export const PROFILES = ['print', 'email', 'archive'] as const;
export type RenderProfile = (typeof PROFILES)[number];

/** Slug beyond the bleed: room for 6 mm crop marks and the page label. */
const SLUG_MM = 10;

export type PdfBox = readonly [x0: number, y0: number, x1: number, y1: number];

export interface PageBoxes {
  readonly mediaWidth: number;
  readonly mediaHeight: number;
  /** translation from frame coordinates (origin at the trim corner) to pdfkit's top-left user space */
  readonly offset: number;
  readonly bleedPt: number;
  readonly slugPt: number;
  /** present with printer's marks only */
  readonly trimBox?: PdfBox;
  readonly bleedBox?: PdfBox;
}

export function pageBoxes(widthPt: number, heightPt: number, bleedMm: number, printerMarks: boolean): PageBoxes {
  if (!printerMarks) {
    return { mediaWidth: roundPt(widthPt), mediaHeight: roundPt(heightPt), offset: 0, bleedPt: 0, slugPt: 0 };
  }
  const bleedPt = roundPt(mmToPt(bleedMm));
  const slugPt = roundPt(mmToPt(SLUG_MM));
  const offset = roundPt(bleedPt + slugPt);
  const mediaWidth = roundPt(widthPt + 2 * offset);
  const mediaHeight = roundPt(heightPt + 2 * offset);
  // The margins are equal on all sides, so flipping y to PDF space does not move the boxes, but we
  // compute y from the bottom anyway so an asymmetric slug stays correct.
  const trimBottom = roundPt(mediaHeight - offset - heightPt);
  const trimBox: PdfBox = [offset, trimBottom, roundPt(offset + widthPt), roundPt(trimBottom + heightPt)];
  const bleedBox: PdfBox = [
    roundPt(trimBox[0] - bleedPt),
    roundPt(trimBox[1] - bleedPt),
    roundPt(trimBox[2] + bleedPt),
    roundPt(trimBox[3] + bleedPt),
  ];
  return { mediaWidth, mediaHeight, offset, bleedPt, slugPt, trimBox, bleedBox };
}
