/**
 * Renders laid-out frames to a PDF with pdfkit. Dumb on purpose: every position comes from the
 * frames; this module chooses page boxes, colours and image pixels per profile and draws.
 *
 * Deterministic: no clock (dates from frames.date), fixed object order, and the trailer /ID is a
 * hash of the inputs instead of pdfkit's MD5 of the Info dictionary (equal for two issues with
 * equal Info).
 */
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { FrameItem, ImageBox, IssueFrames, PageFrame } from '../layout/frames.js';
import { prepareImage } from '../images/prepare.js';
import { drawGlyphRun } from './glyph-run.js';
import { addRegistrationColour, drawPrintMarks } from './marks.js';
import { pageBoxes, type RenderProfile } from './page-boxes.js';

export type { RenderProfile } from './page-boxes.js';

export interface RenderOptions {
  readonly profile: RenderProfile;
}

type Doc = PDFKit.PDFDocument;
/** pdfkit's PDFImage (JPEG/PNG); `openImage` exists since 0.13 but not in @types/pdfkit 0.17. */
interface Image {
  readonly width: number;
  readonly height: number;
}

/** CMYK 100 K for print (one plate, no misregistration); plain RGB black on screen. */
const PRINT_BLACK: [number, number, number, number] = [0, 0, 0, 100];
const SCREEN_BLACK: [number, number, number] = [0, 0, 0];

export async function renderPdf(frames: IssueFrames, options: RenderOptions): Promise<Buffer> {
  const { profile } = options;
  const jpegs = await prepareImages(frames, profile);
  const date = issueDate(frames.date);

  const doc = new PDFDocument({
    autoFirstPage: false,
    // No default Helvetica: it would be an unused, unembedded font (checked: 0.20.2 accepts null).
    font: null as unknown as string,
    info: {
      Title: frames.title,
      Author: frames.publication,
      Subject: `${frames.publication} ${frames.issueLabel} ${frames.date}`,
      Creator: 'Banmian',
      CreationDate: date,
      ModDate: date,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  if (profile === 'print') addRegistrationColour(doc);
  const images = new Map<string, Image>();
  const openImage = (doc as unknown as { openImage(src: Buffer): Image }).openImage.bind(doc);
  for (const [key, jpeg] of jpegs) images.set(key, openImage(jpeg));

  for (const page of frames.pages) renderPage(doc, frames, page, profile, images);

  setDocumentId(doc, frames, profile, jpegs);
  doc.end();
  return done;
}

function renderPage(doc: Doc, frames: IssueFrames, page: PageFrame, profile: RenderProfile, images: Map<string, Image>): void {
  const boxes = pageBoxes(page.widthPt, page.heightPt, frames.bleedMm, profile);
  doc.addPage({ size: [boxes.mediaWidth, boxes.mediaHeight], margin: 0 });
  const dict = doc.page.dictionary.data as Record<string, unknown>;
  // pdfkit writes /UserUnit 1 on every page: a PDF 1.6 key in a 1.3 file. 1 is the default, so
  // dropping it changes nothing and keeps strict PDF/X-1a checkers quiet.
  delete dict.UserUnit;
  if (boxes.trimBox && boxes.bleedBox) {
    dict.TrimBox = [...boxes.trimBox];
    dict.BleedBox = [...boxes.bleedBox];
  }
  // From here on, frame (0,0) is the trim corner.
  doc.translate(boxes.offset, boxes.offset);
  if (profile === 'print') {
    const label = `${frames.publication}  ${frames.issueLabel}  ${frames.date}  第 ${page.number} 版`;
    drawPrintMarks(doc, { widthPt: page.widthPt, heightPt: page.heightPt, bleedPt: boxes.bleedPt, slugPt: boxes.slugPt }, label);
  }
  const ink = profile === 'print' ? PRINT_BLACK : SCREEN_BLACK;
  doc.fillColor(ink).strokeColor(ink);
  for (const item of page.items) drawItem(doc, item, images);
}

function drawItem(doc: Doc, item: FrameItem, images: Map<string, Image>): void {
  switch (item.kind) {
    case 'glyphs':
      drawGlyphRun(doc, item);
      return;
    case 'rule':
      doc.lineWidth(item.widthPt).moveTo(item.x1, item.y1).lineTo(item.x2, item.y2).stroke();
      return;
    case 'image': {
      const image = images.get(imageKey(item));
      if (!image) throw new Error(`image not prepared: ${item.file}`);
      // pdfkit's image() takes an opened image (it checks width/height); the types only know sources.
      doc.image(image as unknown as Buffer, item.x, item.y, { width: item.width, height: item.height });
      return;
    }
    default: {
      const unknown: never = item;
      throw new Error(`unknown frame item ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * One JPEG per distinct (file, placed size): a photo reused at the same size (a logo on every page)
 * is embedded once; at another size (a teaser) it gets its own crop and resolution.
 */
async function prepareImages(frames: IssueFrames, profile: RenderProfile): Promise<Map<string, Buffer>> {
  const boxes = new Map<string, ImageBox>();
  for (const page of frames.pages) {
    for (const item of page.items) {
      if (item.kind === 'image' && !boxes.has(imageKey(item))) boxes.set(imageKey(item), item);
    }
  }
  const jpegs = new Map<string, Buffer>();
  // Sequential: sharp is memory-hungry on big photos, and order must not depend on timing.
  for (const [key, box] of boxes) {
    jpegs.set(key, await prepareImage(box.file, { widthPt: box.width, heightPt: box.height }, profile));
  }
  return jpegs;
}

function imageKey(box: ImageBox): string {
  return `${box.file}|${box.width.toFixed(1)}x${box.height.toFixed(1)}`;
}

/** UTC midnight of the issue date: the PDF dates must not depend on the clock or time zone. */
function issueDate(iso: string): Date {
  const date = new Date(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(date.getTime())) {
    throw new Error(`frames.date must be YYYY-MM-DD, got "${iso}"`);
  }
  return date;
}

/**
 * pdfkit computes /ID in its constructor as MD5 of the Info values (PDFSecurity.generateFileID) and
 * writes `doc._id` in the trailer at the end, so we replace it before `end()`: 16 bytes of the
 * SHA-256 of everything the output depends on (frames, profile, prepared image pixels).
 */
function setDocumentId(doc: Doc, frames: IssueFrames, profile: RenderProfile, jpegs: Map<string, Buffer>): void {
  // Image paths are left out (their pixels are hashed instead), so a checkout elsewhere gives the same bytes.
  const hash = createHash('sha256').update(JSON.stringify(frames, (k, v: unknown) => (k === 'file' ? undefined : v)));
  hash.update(`\0${profile}`);
  for (const jpeg of jpegs.values()) hash.update('\0jpeg\0').update(jpeg);
  (doc as unknown as { _id: Uint8Array })._id = hash.digest().subarray(0, 16);
}
