/**
 * Reading a font file for a build: every table but the glyph outlines. `glyf` is 97 % of a Noto
 * CJK face (14 of 15 MB), and nothing but the PDF subset needs it: parsing, shaping and metrics
 * read cmap, hmtx, vmtx, GSUB, GPOS and the small tables. (fontkit reads a glyph's bounding box
 * from `glyf` for metrics the font's `vmtx` gives anyway, and for mark positioning only in a font
 * without GPOS.) So the outlines stay on disk, and the subset reads the glyphs a document uses
 * from the file. A build then reads about 0.5 MB per face instead of 10–15 MB, and holds that much
 * less. Only a font our own subsetter copies is read this way: fontkit's subsetter, used for the
 * others, reads outlines from memory.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { BanmianError } from '../errors.js';
import { versionOf } from '../file-version.js';
import { readHorizontalMetrics, type HorizontalMetrics } from './advances.js';
import { directoryBytes, readSfnt, SFNT_HEADER_BYTES, type SfntFile } from './sfnt.js';
import { TrueTypeSubset } from './subset.js';

/** The bytes [start, end) of a font file. */
export type ByteReader = (start: number, end: number) => Uint8Array;

/** A font file as read, with its tables located and its metrics read once. */
export interface FontBytes {
  /** the file's bytes at their own offsets, the outlines left as zeros when `outlines` reads them */
  readonly data: Buffer;
  /** undefined for a file that is not a single sfnt font (fontkit reads it) */
  readonly sfnt: SfntFile | undefined;
  /** from hmtx, for a plain TrueType font (the subset copies them) */
  readonly metrics: HorizontalMetrics | undefined;
  /** reads outline bytes from the file; undefined when `data` holds the whole file */
  readonly outlines: ByteReader | undefined;
}

const EMPTY = new Uint8Array(0);

/** A whole font file in memory. */
export function fontInMemory(data: Buffer): FontBytes {
  const sfnt = readSfnt(data);
  return { data, sfnt, metrics: sfnt && readHorizontalMetrics(sfnt), outlines: undefined };
}

/** The font in `file` without its outlines when our subsetter will copy them, else the whole file. */
export async function readFontWithoutOutlines(file: string): Promise<FontBytes> {
  const handle = await open(file, 'r');
  try {
    const info = await handle.stat();
    const data = Buffer.alloc(info.size); // zero pages cost no memory until written
    const readRange = async (offset: number, length: number): Promise<void> => {
      const { bytesRead } = await handle.read(data, offset, length, offset);
      if (bytesRead !== length) throw new Error(`font file ${file} changed while it was read`);
    };
    await readRange(0, Math.min(info.size, SFNT_HEADER_BYTES));
    const tableCount = info.size >= SFNT_HEADER_BYTES ? data.readUInt16BE(4) : 0;
    await readRange(0, Math.min(info.size, directoryBytes(tableCount)));
    const sfnt = readSfnt(data);
    if (sfnt?.tables.has('glyf')) {
      for (const [tag, { offset, length }] of sfnt.tables) if (tag !== 'glyf') await readRange(offset, length);
      const metrics = readHorizontalMetrics(sfnt);
      if (TrueTypeSubset.canCopy(sfnt, metrics)) return { data, sfnt, metrics, outlines: fileReader(file, versionOf(file, info)) };
    }
    await readRange(0, info.size);
    return fontInMemory(data);
  } finally {
    await handle.close();
  }
}

/**
 * Reads ranges of `file` on demand, each once per process (a warm process keeps the glyphs it
 * has embedded before). The file is opened at the first read, when a PDF is written, and stays
 * open for the life of the process. A file that is no longer the `version` whose tables were read
 * (fonts reinstalled meanwhile) is refused, not mixed with them; the process has the old font
 * parsed, so only a new process can use the new one.
 */
function fileReader(file: string, version: string): ByteReader {
  let fd: number | undefined;
  const read = new Map<number, Uint8Array>();
  return (start, end) => {
    if (end === start) return EMPTY; // an empty glyph starts where the next one does
    let bytes = read.get(start);
    if (bytes === undefined || bytes.length !== end - start) {
      if (fd === undefined) {
        const opened = openSync(file, 'r');
        if (versionOf(file, fstatSync(opened)) !== version) {
          closeSync(opened);
          throw new BanmianError('font-changed', 'input', `font file ${file} changed after this process read it`, { file }, 'run the command again (a watching process: restart it)');
        }
        fd = opened;
      }
      bytes = Buffer.alloc(end - start);
      if (readSync(fd, bytes, 0, bytes.length, start) !== bytes.length) throw new Error(`font file ${file} is shorter than its tables say`);
      read.set(start, bytes);
    }
    return bytes;
  };
}
