/// <reference types="pdfkit" />
/**
 * Printer's marks for the print profile: crop marks at the four trim corners and the page's
 * label (set by layout), all in the slug outside the BleedBox (PDF/X forbids marks inside it), in
 * the registration colour so they print on every plate. Coordinates are frame coordinates
 * (origin at the trim corner).
 */
import type { GlyphRun } from '../layout/frames.js';
import { mmToPt } from '../units.js';
import { drawGlyphRun } from './glyph-run.js';

/** Separation name every RIP treats as "all plates". */
const REGISTRATION = 'All';

const MARK_GAP_MM = 2;
const MARK_LENGTH_MM = 6;
const MARK_LINE_PT = 0.25;
/** Where the label starts: clear of the vertical crop marks at x = 0. */
const LABEL_LEFT_MM = 15;

export interface MarkGeometry {
  readonly widthPt: number;
  readonly heightPt: number;
  readonly bleedPt: number;
  readonly slugPt: number;
}

/** Adds the registration colour to a document; call once before drawing marks. */
export function addRegistrationColour(doc: PDFKit.PDFDocument): void {
  // addSpotColor exists in pdfkit 0.20 but not in @types/pdfkit 0.17.
  const spot = doc as unknown as { addSpotColor(name: string, c: number, m: number, y: number, k: number): void };
  spot.addSpotColor(REGISTRATION, 100, 100, 100, 100);
}

export function drawPrintMarks(doc: PDFKit.PDFDocument, page: MarkGeometry, label: readonly GlyphRun[]): void {
  const { widthPt: w, heightPt: h } = page;
  const near = page.bleedPt + mmToPt(MARK_GAP_MM);
  const far = near + mmToPt(MARK_LENGTH_MM);
  doc.save();
  doc.strokeColor(REGISTRATION).lineWidth(MARK_LINE_PT);
  for (const y of [0, h]) {
    doc.moveTo(-far, y).lineTo(-near, y); // left of the trim line
    doc.moveTo(w + near, y).lineTo(w + far, y); // right
  }
  for (const x of [0, w]) {
    doc.moveTo(x, -far).lineTo(x, -near); // above
    doc.moveTo(x, h + near).lineTo(x, h + far); // below
  }
  doc.stroke();
  doc.fillColor(REGISTRATION);
  // The label sits on the middle of the foot slug.
  for (const run of label) {
    const baseline = h + page.bleedPt + page.slugPt / 2 + run.sizePt * 0.35;
    drawGlyphRun(doc, { ...run, x: run.x + mmToPt(LABEL_LEFT_MM), baseline: run.baseline + baseline });
  }
  doc.restore();
}
