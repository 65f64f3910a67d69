/**
 * Renders laid-out frames to a PDF with pdfkit. Dumb on purpose: every position comes from the
 * frames; this module follows the profile's spec (profile-spec.ts) for page boxes, colour,
 * navigation, attachments and the PDF standard, and draws.
 *
 * Deterministic: no clock (dates from frames.date), fixed object order, and the trailer /ID is a
 * hash of the inputs instead of pdfkit's MD5 of the Info dictionary (equal for two issues with
 * equal Info).
 */
import { createHash } from 'node:crypto';
import type { FrameItem, ImageBox, IssueFrames, PageFrame } from '../layout/frames.js';
import { cachedPreparedImage, storedPreparedImage } from '../images/cache.js';
import { attachFiles, type Attachment } from './attachments.js';
import { drawGlyphRun } from './glyph-run.js';
import { addRegistrationColour, drawPrintMarks } from './marks.js';
import { addPageOutline } from './outline.js';
import { defaultOutputProfile, deflatedProfile, type OutputProfile } from './output-profile.js';
import { pageBoxes, type RenderProfile } from './page-boxes.js';
import { addPdfaModifyDate } from './pdfa.js';
import { addPdfxOutputIntent, PDFX_INFO } from './pdfx.js';
import { placedImages, type Rect } from './placement.js';
import { DOCUMENT_LANGUAGE, PROFILE_SPECS, type ProfileSpec } from './profile-spec.js';
import { PooledDeflateDocument } from './stream-deflate.js';

export type { RenderProfile } from './page-boxes.js';
export type { Attachment } from './attachments.js';

export interface RenderOptions {
  readonly profile: RenderProfile;
  /** CMYK profiles: the profile photos are separated with and the output intent embeds */
  readonly outputProfile?: OutputProfile;
  /** profiles that attach sources: the files to embed */
  readonly attachments?: readonly Attachment[];
}

type Doc = PDFKit.PDFDocument;
/** pdfkit's PDFImage (JPEG/PNG); `openImage` exists since 0.13 but not in @types/pdfkit 0.17. */
interface Image {
  readonly width: number;
  readonly height: number;
}

/** An image as drawn: where, and which prepared JPEG. */
interface Placed extends Rect {
  readonly key: string;
  readonly file: string;
}

/** CMYK 100 K for print (one plate, no misregistration); plain RGB black on screen. */
const PRINT_BLACK: [number, number, number, number] = [0, 0, 0, 100];
const SCREEN_BLACK: [number, number, number] = [0, 0, 0];

export async function renderPdf(frames: IssueFrames, options: RenderOptions): Promise<Buffer> {
  const { profile } = options;
  const spec = PROFILE_SPECS[profile];
  const outputProfile = spec.colour === 'cmyk' ? (options.outputProfile ?? defaultOutputProfile()) : undefined;
  const attachments = spec.attachSources ? (options.attachments ?? []) : [];
  const placements = frames.pages.map((page) => placeImages(page, frames.bleedMm, spec));
  const jpegs = await prepareImages(placements.flat(), profile, outputProfile?.file);
  const icc = outputProfile ? await deflatedProfile(outputProfile.file) : undefined;
  const date = issueDate(frames.date);

  const doc = new PooledDeflateDocument({
    autoFirstPage: false,
    // No default Helvetica: it would be an unused, unembedded font (checked: 0.20.2 accepts null).
    font: null as unknown as string,
    pdfVersion: spec.pdfVersion,
    ...(spec.standard === 'PDF/A-3b' ? { subset: 'PDF/A-3b' as const } : {}),
    ...(spec.navigation ? { lang: DOCUMENT_LANGUAGE, displayTitle: true } : {}),
    info: {
      Title: frames.title,
      Author: frames.publication,
      Subject: `${frames.publication} ${frames.issueLabel} ${frames.date}`,
      Creator: 'Banmian',
      CreationDate: date,
      ModDate: date,
      ...(spec.standard === 'PDF/X-1a:2001' ? PDFX_INFO : {}),
    } as PDFKit.DocumentInfo,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  if (spec.printerMarks) addRegistrationColour(doc);
  const images = new Map<string, Image>();
  const openImage = (doc as unknown as { openImage(src: Buffer): Image }).openImage.bind(doc);
  for (const [key, jpeg] of jpegs) images.set(key, openImage(jpeg));

  frames.pages.forEach((page, i) => renderPage(doc, frames, page, spec, placements[i] ?? [], images));

  if (outputProfile && icc) addPdfxOutputIntent(doc, outputProfile, icc);
  if (spec.standard === 'PDF/A-3b') addPdfaModifyDate(doc, date);
  attachFiles(doc, attachments, date);
  useIdPlaceholder(doc);
  doc.end();
  return withContentId(await done);
}

function renderPage(doc: Doc, frames: IssueFrames, page: PageFrame, spec: ProfileSpec, placed: readonly Placed[], images: Map<string, Image>): void {
  const boxes = pageBoxes(page.widthPt, page.heightPt, frames.bleedMm, spec.printerMarks);
  doc.addPage({ size: [boxes.mediaWidth, boxes.mediaHeight], margin: 0 });
  const dict = doc.page.dictionary.data as Record<string, unknown>;
  // pdfkit writes /UserUnit 1 on every page: a PDF 1.6 key in a 1.3 file. 1 is the default, so
  // dropping it changes nothing and keeps strict PDF/X-1a checkers quiet.
  delete dict.UserUnit;
  if (boxes.trimBox && boxes.bleedBox) {
    dict.TrimBox = [...boxes.trimBox];
    dict.BleedBox = [...boxes.bleedBox];
  }
  if (spec.navigation) addPageOutline(doc, page, boxes.offset);
  // From here on, frame (0,0) is the trim corner.
  doc.translate(boxes.offset, boxes.offset);
  if (spec.printerMarks) {
    drawPrintMarks(doc, { widthPt: page.widthPt, heightPt: page.heightPt, bleedPt: boxes.bleedPt, slugPt: boxes.slugPt }, page.slug);
  }
  const ink = spec.colour === 'cmyk' ? PRINT_BLACK : SCREEN_BLACK;
  doc.fillColor(ink).strokeColor(ink);
  // placeImages keeps the page's order of images, so the n-th image item is placed[n].
  let nextImage = 0;
  for (const item of page.items) {
    if (item.kind !== 'image') drawItem(doc, item);
    else drawImage(doc, placed[nextImage++], images);
  }
}

function drawImage(doc: Doc, image: Placed | undefined, images: Map<string, Image>): void {
  const opened = image && images.get(image.key);
  if (!image || !opened) throw new Error(`image not prepared: ${image?.file ?? '(missing placement)'}`);
  // pdfkit's image() takes an opened image (it checks width/height); the types only know sources.
  doc.image(opened as unknown as Buffer, image.x, image.y, { width: image.width, height: image.height });
}

function drawItem(doc: Doc, item: Exclude<FrameItem, ImageBox>): void {
  switch (item.kind) {
    case 'glyphs':
      drawGlyphRun(doc, item);
      return;
    case 'rule':
      doc.lineWidth(item.widthPt).moveTo(item.x1, item.y1).lineTo(item.x2, item.y2).stroke();
      return;
    default: {
      const unknown: never = item;
      throw new Error(`unknown frame item ${JSON.stringify(unknown)}`);
    }
  }
}

/** The page's photos where they are drawn: with printer's marks, edge photos run into the bleed. */
function placeImages(page: PageFrame, bleedMm: number, spec: ProfileSpec): Placed[] {
  return placedImages(page, bleedMm, spec.printerMarks).map(({ image, rect }) => ({
    ...rect,
    file: image.file,
    key: `${image.file}|${rect.width.toFixed(1)}x${rect.height.toFixed(1)}`,
  }));
}

/**
 * One JPEG per distinct (file, placed size): a photo reused at the same size (a logo on every page)
 * is embedded once; at another size (a teaser) it gets its own crop and resolution.
 */
async function prepareImages(placed: readonly Placed[], profile: RenderProfile, cmykProfile: string | undefined): Promise<Map<string, Buffer>> {
  const distinct = [...new Map(placed.map((image) => [image.key, image])).values()];
  const sizeOf = (image: Placed) => ({ widthPt: image.width, heightPt: image.height });
  // Photos prepared before are read side by side. Preparing is sequential (sharp is memory-hungry
  // on big photos), and the map keeps the placements' order, which names the images in the PDF.
  const stored = await Promise.all(distinct.map((image) => storedPreparedImage(image.file, sizeOf(image), profile, cmykProfile)));
  const jpegs = new Map<string, Buffer>();
  for (const [i, image] of distinct.entries()) {
    jpegs.set(image.key, stored[i] ?? (await cachedPreparedImage(image.file, sizeOf(image), profile, cmykProfile)));
  }
  return jpegs;
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
 * pdfkit computes /ID in its constructor as MD5 of the Info values (PDFSecurity.generateFileID),
 * equal for two issues with equal Info. We write a placeholder instead and, once the file is
 * complete, put in the first 16 bytes of the SHA-256 of the file itself: an ID that changes with
 * every byte of content and costs one pass over the output (hashing the frames cost ten times more).
 */
const ID_PLACEHOLDER = new Uint8Array(16);

function useIdPlaceholder(doc: Doc): void {
  (doc as unknown as { _id: Uint8Array })._id = ID_PLACEHOLDER;
}

function withContentId(pdf: Buffer): Buffer {
  const placeholder = Buffer.from(ID_PLACEHOLDER).toString('hex');
  const trailerId = `/ID [<${placeholder}> <${placeholder}>]`;
  const at = pdf.lastIndexOf(trailerId);
  if (at < 0) throw new Error('pdfkit wrote no /ID placeholder in the trailer');
  const id = createHash('sha256').update(pdf).digest().subarray(0, 16).toString('hex');
  pdf.write(`/ID [<${id}> <${id}>]`, at, 'latin1');
  return pdf;
}
