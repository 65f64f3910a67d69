/**
 * PDF → one PNG per page, in-process: pdf.js (through pdf-parse, already a dependency) draws on a
 * native canvas. Loaded on first use, so commands other than `proof` do not pay for it.
 */
import { BanmianError } from '../errors.js';
import { PT_PER_INCH } from '../units.js';
import { loadSharp } from '../images/sharp-library.js';

export interface PagePng {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export async function rasterisePdf(pdf: Uint8Array, dpi: number): Promise<PagePng[]> {
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: pdf });
  try {
    const shot = await parser.getScreenshot({ scale: dpi / PT_PER_INCH, imageDataUrl: false, imageBuffer: true });
    return await Promise.all(shot.pages.map(async ({ data }) => opaque(data)));
  } catch (error) {
    throw new BanmianError('rasterise-failed', 'layout', `could not render the PDF to images: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await parser.destroy();
  }
}

/** Paper is white: dropping the canvas's alpha channel makes the files about 40% smaller. */
async function opaque(png: Uint8Array): Promise<PagePng> {
  const sharp = await loadSharp();
  const { data, info } = await sharp(png).flatten({ background: '#ffffff' }).png({ compressionLevel: 9 }).toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height };
}
