/// <reference types="node" />
/**
 * Prepares a placed photo for one output profile with sharp: crop to the frame's aspect (cover,
 * centred), downsample to the profile's resolution (never upsample), encode as JPEG that pdfkit
 * passes through untouched. Print gets CMYK separated with the output profile (PDF/X-1a allows no
 * RGB, and the profile's separation keeps newsprint's total ink limit; see separation.ts), email a
 * small sRGB file.
 */
import type { RenderProfile } from '../render/page-boxes.js';
import { PT_PER_INCH } from '../units.js';
import { cmykTiff, separate, separationTable } from './separation.js';
import { loadSharp } from './sharp-library.js';

interface ImageSettings {
  /** maximum effective resolution at the placed size */
  readonly ppi: number;
  readonly quality: number;
  readonly cmyk: boolean;
  readonly mozjpeg: boolean;
}

const SETTINGS: Record<RenderProfile, ImageSettings> = {
  print: { ppi: 300, quality: 90, cmyk: true, mozjpeg: false },
  email: { ppi: 150, quality: 75, cmyk: false, mozjpeg: true },
  // archive: full resolution, but RGB so that it stays viewable and device-independent
  archive: { ppi: 300, quality: 85, cmyk: false, mozjpeg: false },
};

export interface PlacedSize {
  readonly widthPt: number;
  readonly heightPt: number;
}

/**
 * Returns JPEG bytes for an image placed at `placed` (pt) in the given profile. `cmykProfile` is
 * the ICC output profile print photos are separated with (without it, libvips' built-in CMYK
 * profile, which reaches 280 % total ink).
 */
export async function prepareImage(file: string, placed: PlacedSize, profile: RenderProfile, cmykProfile?: string): Promise<Buffer> {
  const settings = SETTINGS[profile];
  const sharp = await loadSharp();
  const meta = await sharp(file).metadata();
  const { width: srcW, height: srcH } = meta.autoOrient;
  const [outW, outH] = targetPixels(srcW, srcH, placed, settings.ppi);
  // Grey photos stay one channel: converting them to CMYK would print them in four inks.
  const grey = meta.space === 'b-w' || meta.space === 'grey16';
  const image = sharp(file)
    .autoOrient()
    .flatten({ background: '#ffffff' }) // JPEG has no alpha: composite on paper white
    .resize(outW, outH, { fit: 'cover', position: 'centre' })
    .toColourspace(grey ? 'b-w' : 'srgb');
  const jpeg = { quality: settings.quality, mozjpeg: settings.mozjpeg };
  if (!settings.cmyk || grey) return image.jpeg(jpeg).toBuffer();
  const [rgb, table] = await Promise.all([image.raw().toBuffer(), separationTable(cmykProfile)]);
  const tiff = cmykTiff(outW, outH);
  separate(rgb, table, tiff.pixels);
  // The PDF/X output intent carries the profile once: the JPEG gets none.
  return sharp(tiff.file).pipelineColourspace('cmyk').toColourspace('cmyk').jpeg(jpeg).toBuffer();
}

/** Pixel size of the output: the frame's aspect, at most `ppi` at the placed size and at most the source crop. */
function targetPixels(srcW: number, srcH: number, placed: PlacedSize, ppi: number): [number, number] {
  const aspect = placed.widthPt / placed.heightPt;
  const cropW = Math.min(srcW, srcH * aspect); // widest crop of the source with the frame's aspect
  const width = Math.max(1, Math.round(Math.min(cropW, (placed.widthPt / PT_PER_INCH) * ppi)));
  const height = Math.max(1, Math.round(width / aspect));
  return [width, height];
}
