/**
 * RGB → CMYK separation of print photos through the output profile, at JavaScript speed.
 *
 * libvips separates through lcms at about 2–3 megapixels a second with a LUT-based output
 * profile: 0.5–0.8 s for one photo at print size, paid again whenever a layout change gives the
 * photo a new size. Instead, the profile's sRGB → CMYK transform is sampled once per profile
 * (one small image of grid colours through sharp, the same lcms transform) and applied to each
 * photo's pixels by tetrahedral interpolation — what lcms itself does inside an optimised
 * transform. An interpolated colour is a weighted mean of four grid colours of its cell, and each
 * channel is rounded up by at most 2/5 of a level, so its total ink exceeds the darkest of them by
 * at most one level: the profile's ink limit holds.
 */
import { memoByFileVersion } from '../file-version.js';
import { loadSharp } from './sharp-library.js';

/** Grid points per channel: 255 = 51 × 5, so every grid colour is an exact 8-bit value. */
const GRID = 52;
const STEP = 255 / (GRID - 1);
/** Names the method in the prepared-photo cache key: a cached JPEG is only reused for the same separation. */
export const SEPARATION_METHOD = `tetrahedral-${GRID}`;

/** The sampled transform: GRID³ CMYK colours, red slowest, blue fastest. */
export interface SeparationTable {
  readonly cmyk: Uint8Array;
}

/** Sampled once per process for each version of a profile: one replaced while `watch` runs is sampled anew. */
const profileTable = memoByFileVersion(sampleTable);
let builtinTable: Promise<SeparationTable> | undefined;

/** The separation of `cmykProfile` (an ICC file), or of libvips' built-in CMYK profile when none is given. */
export async function separationTable(cmykProfile: string | undefined): Promise<SeparationTable> {
  if (cmykProfile) return profileTable(cmykProfile);
  if (!builtinTable) {
    builtinTable = sampleTable(undefined);
    builtinTable.catch(() => (builtinTable = undefined));
  }
  return builtinTable;
}

async function sampleTable(cmykProfile: string | undefined): Promise<SeparationTable> {
  // Loaded here, not with the module: the photo cache imports this module for its method name.
  const sharp = await loadSharp();
  const rgb = Buffer.alloc(GRID ** 3 * 3);
  let at = 0;
  for (let r = 0; r < GRID; r += 1) {
    for (let g = 0; g < GRID; g += 1) {
      for (let b = 0; b < GRID; b += 1) {
        rgb[at++] = r * STEP;
        rgb[at++] = g * STEP;
        rgb[at++] = b * STEP;
      }
    }
  }
  const grid = sharp(rgb, { raw: { width: GRID * GRID, height: GRID, channels: 3 } }).toColourspace('cmyk');
  if (cmykProfile) grid.withIccProfile(cmykProfile, { attach: false });
  const cmyk = await grid.raw().toBuffer();
  return { cmyk: new Uint8Array(cmyk.buffer, cmyk.byteOffset, cmyk.length) };
}

/** Per 8-bit value: the grid cell below it and how far into the cell it lies (0–5 levels). */
const CELL = new Uint8Array(256);
const FIFTHS = new Uint8Array(256);
for (let v = 0; v < 256; v += 1) {
  CELL[v] = Math.min(Math.floor(v / STEP), GRID - 2);
  FIFTHS[v] = v - (CELL[v] ?? 0) * STEP;
}

/** Separate interleaved 8-bit RGB pixels into interleaved 8-bit CMYK, written to `out` when given. */
export function separate(rgb: Uint8Array, table: SeparationTable, out: Uint8Array = new Uint8Array(Math.floor(rgb.length / 3) * 4)): Uint8Array {
  const lut = table.cmyk;
  const pixels = Math.floor(rgb.length / 3);
  // Offsets of a cell's neighbours along red, green and blue in the table.
  const dr = GRID * GRID * 4;
  const dg = GRID * 4;
  const db = 4;
  for (let p = 0; p < pixels; p += 1) {
    const r = rgb[p * 3] as number;
    const g = rgb[p * 3 + 1] as number;
    const b = rgb[p * 3 + 2] as number;
    const base = (CELL[r] as number) * dr + (CELL[g] as number) * dg + (CELL[b] as number) * db;
    const fr = FIFTHS[r] as number;
    const fg = FIFTHS[g] as number;
    const fb = FIFTHS[b] as number;
    // The tetrahedron of the cell that holds the colour: walk from the cell's origin to its far
    // corner along the axes in order of decreasing distance; the weights are the differences.
    let a1: number, a2: number, w1: number, w2: number, w3: number;
    if (fr >= fg && fg >= fb) {
      a1 = dr; a2 = dr + dg; w1 = fr - fg; w2 = fg - fb; w3 = fb;
    } else if (fr >= fb && fb >= fg) {
      a1 = dr; a2 = dr + db; w1 = fr - fb; w2 = fb - fg; w3 = fg;
    } else if (fb >= fr && fr >= fg) {
      a1 = db; a2 = db + dr; w1 = fb - fr; w2 = fr - fg; w3 = fg;
    } else if (fb >= fg && fg >= fr) {
      a1 = db; a2 = db + dg; w1 = fb - fg; w2 = fg - fr; w3 = fr;
    } else if (fg >= fb && fb >= fr) {
      a1 = dg; a2 = dg + db; w1 = fg - fb; w2 = fb - fr; w3 = fr;
    } else {
      a1 = dg; a2 = dg + dr; w1 = fg - fr; w2 = fr - fb; w3 = fb;
    }
    const w0 = STEP - w1 - w2 - w3;
    const far = dr + dg + db;
    for (let c = 0; c < 4; c += 1) {
      const at = base + c;
      const sum = w0 * (lut[at] as number) + w1 * (lut[at + a1] as number) + w2 * (lut[at + a2] as number) + w3 * (lut[at + far] as number);
      out[p * 4 + c] = (sum + 2) / STEP; // rounded to the nearest level (Uint8Array truncates)
    }
  }
  return out;
}

/** A TIFF file in memory and the pixel area inside it, still to be filled. */
export interface CmykTiff {
  readonly file: Buffer;
  /** width × height × 4 bytes of interleaved CMYK, a view into `file` */
  readonly pixels: Uint8Array;
}

/**
 * A minimal baseline TIFF for interleaved 8-bit CMYK pixels (one uncompressed strip,
 * PhotometricInterpretation 5 = separated): sharp reads raw buffers only as RGB, a TIFF keeps
 * the pixels CMYK through to the JPEG encoder. One allocation: the caller fills `pixels`.
 */
export function cmykTiff(width: number, height: number): CmykTiff {
  const SHORT = 3;
  const LONG = 4;
  const pixelBytes = width * height * 4;
  const entries: readonly (readonly [tag: number, type: number, count: number, value: number])[] = [
    [256, LONG, 1, width], // ImageWidth
    [257, LONG, 1, height], // ImageLength
    [258, SHORT, 4, 0], // BitsPerSample: 8,8,8,8 (stored after the directory)
    [259, SHORT, 1, 1], // Compression: none
    [262, SHORT, 1, 5], // PhotometricInterpretation: separated (CMYK)
    [273, LONG, 1, 0], // StripOffsets (the pixels follow the header)
    [277, SHORT, 1, 4], // SamplesPerPixel
    [278, LONG, 1, height], // RowsPerStrip
    [279, LONG, 1, pixelBytes], // StripByteCounts
    [284, SHORT, 1, 1], // PlanarConfiguration: interleaved
  ];
  const directoryAt = 8;
  const bitsAt = directoryAt + 2 + entries.length * 12 + 4;
  const pixelsAt = bitsAt + 8;
  const file = Buffer.alloc(pixelsAt + pixelBytes);
  file.write('II', 0, 'latin1');
  file.writeUInt16LE(42, 2);
  file.writeUInt32LE(directoryAt, 4);
  file.writeUInt16LE(entries.length, directoryAt);
  entries.forEach(([tag, type, count, value], i) => {
    const at = directoryAt + 2 + i * 12;
    const stored = tag === 258 ? bitsAt : tag === 273 ? pixelsAt : value;
    file.writeUInt16LE(tag, at);
    file.writeUInt16LE(type, at + 2);
    file.writeUInt32LE(count, at + 4);
    if (type === SHORT && count === 1) file.writeUInt16LE(stored, at + 8);
    else file.writeUInt32LE(stored, at + 8);
  });
  for (let i = 0; i < 4; i += 1) file.writeUInt16LE(8, bitsAt + i * 2);
  return { file, pixels: file.subarray(pixelsAt) };
}
