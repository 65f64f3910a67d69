/**
 * Reading a built PDF back with npm libraries only (pdf-lib, sharp), so `npm test` needs no
 * poppler: page boxes, image XObjects with their colour space and pixels, fonts, colour operators.
 * The poppler commands of issue 4 (pdfinfo -box, pdfimages -list, pdffonts) must agree with these.
 */
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef } from 'pdf-lib';
import sharp from 'sharp';

export type Box = [number, number, number, number];

export interface PageBoxes {
  media: Box;
  bleed?: Box;
  trim?: Box;
}

export interface PdfImage {
  width: number;
  height: number;
  colourSpace: string;
  filter: string;
  /** the stored stream (a JPEG for DCTDecode) */
  bytes: Uint8Array;
}

export async function load(pdf: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(pdf, { updateMetadata: false });
}

export function pageBoxes(doc: PDFDocument): PageBoxes[] {
  return doc.getPages().map((page) => {
    const box = (key: string): Box | undefined => {
      const array = page.node.lookupMaybe(PDFName.of(key), PDFArray);
      return array ? (array.asArray().map((n) => (n as PDFNumber).asNumber()) as Box) : undefined;
    };
    const media = box('MediaBox');
    if (!media) throw new Error('page without MediaBox');
    return { media, bleed: box('BleedBox'), trim: box('TrimBox') };
  });
}

/** Every image XObject of the file, in object order. */
export function images(doc: PDFDocument): PdfImage[] {
  const found: PdfImage[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || object.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const dict = object.dict;
    found.push({
      width: dict.lookup(PDFName.of('Width'), PDFNumber).asNumber(),
      height: dict.lookup(PDFName.of('Height'), PDFNumber).asNumber(),
      colourSpace: String(dict.get(PDFName.of('ColorSpace'))),
      filter: String(dict.get(PDFName.of('Filter'))),
      bytes: object.contents,
    });
  }
  return found;
}

/** Every content stream, inflated, as text. */
export function contents(doc: PDFDocument): string[] {
  const found: string[] = [];
  for (const page of doc.getPages()) {
    const refs = page.node.get(PDFName.of('Contents'));
    const list = refs instanceof PDFArray ? refs.asArray() : [refs];
    for (const ref of list) {
      const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
      if (stream instanceof PDFRawStream) found.push(inflateSync(stream.contents).toString('latin1'));
    }
  }
  return found;
}

/** The catalog's trailer Info entries as PDF source text (`/False`, `(PDF/X-1:2001)` …). */
export function info(doc: PDFDocument): Map<string, string> {
  const dict = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  return new Map(dict.entries().map(([key, value]) => [key.decodeText(), String(value instanceof PDFRef ? doc.context.lookup(value) : value)]));
}

/**
 * Highest total ink (C+M+Y+K, in percent) of a CMYK JPEG. libvips undoes the Adobe inversion on
 * load; with a CMYK pipeline it hands the stored separations over unconverted (checked against
 * poppler's `pdfimages -tiff` decode: same maximum).
 */
export async function maxTotalInk(jpeg: Uint8Array): Promise<number> {
  const { data, info: raw } = await sharp(jpeg).pipelineColourspace('cmyk').toColourspace('cmyk').raw().toBuffer({ resolveWithObject: true });
  if (raw.channels !== 4) throw new Error(`expected 4 channels, got ${raw.channels}`);
  let max = 0;
  for (let i = 0; i < data.length; i += 4) {
    const sum = (data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0) + (data[i + 3] ?? 0);
    if (sum > max) max = sum;
  }
  return (max / 255) * 100;
}
