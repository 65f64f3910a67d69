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
import { readHorizontalMetrics } from './advances.js';
import { readSfnt } from './sfnt.js';
import { TrueTypeSubset } from './subset.js';

/** The bytes [start, end) of a font file. */
export type ByteReader = (start: number, end: number) => Uint8Array;

export interface FontBytes {
  /** the file's bytes at their own offsets, the outlines left as zeros when `outlines` reads them */
  readonly data: Buffer;
  /** reads outline bytes from the file; undefined when `data` holds the whole file */
  readonly outlines: ByteReader | undefined;
}

const SFNT_HEADER_BYTES = 12;
const TABLE_RECORD_BYTES = 16;
const EMPTY = new Uint8Array(0);

/** The font in `file` without its outlines when our subsetter will copy them, else the whole file. */
export async function readFontWithoutOutlines(file: string): Promise<FontBytes> {
  const handle = await open(file, 'r');
  try {
    const { size, mtimeMs } = await handle.stat();
    const data = Buffer.alloc(size); // zero pages cost no memory until written
    const readRange = async (offset: number, length: number): Promise<void> => {
      const { bytesRead } = await handle.read(data, offset, length, offset);
      if (bytesRead !== length) throw new Error(`font file ${file} changed while it was read`);
    };
    await readRange(0, Math.min(size, SFNT_HEADER_BYTES));
    const directoryEnd = SFNT_HEADER_BYTES + (size >= SFNT_HEADER_BYTES ? data.readUInt16BE(4) : 0) * TABLE_RECORD_BYTES;
    await readRange(0, Math.min(size, directoryEnd));
    const sfnt = readSfnt(data);
    if (sfnt?.tables.has('glyf')) {
      for (const [tag, { offset, length }] of sfnt.tables) if (tag !== 'glyf') await readRange(offset, length);
      if (TrueTypeSubset.of(sfnt, readHorizontalMetrics(sfnt))) return { data, outlines: fileReader(file, size, mtimeMs) };
    }
    await readRange(0, size);
    return { data, outlines: undefined };
  } finally {
    await handle.close();
  }
}

/**
 * Reads ranges of `file` on demand, each once per process (a warm process keeps the glyphs it
 * has embedded before). The file is opened at the first read, when a PDF is written, and stays
 * open for the life of the process. A file that is no longer the one whose tables were read
 * (another size or time: fonts reinstalled meanwhile) is refused, not mixed with them; the
 * process has the old font parsed, so only a new process can use the new one.
 */
function fileReader(file: string, size: number, mtimeMs: number): ByteReader {
  let fd: number | undefined;
  const read = new Map<number, Uint8Array>();
  return (start, end) => {
    if (end === start) return EMPTY; // an empty glyph starts where the next one does
    let bytes = read.get(start);
    if (bytes === undefined || bytes.length !== end - start) {
      if (fd === undefined) {
        const opened = openSync(file, 'r');
        const now = fstatSync(opened);
        if (now.size !== size || now.mtimeMs !== mtimeMs) {
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
