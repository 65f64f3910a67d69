/**
 * Reading a font file for a build: every table but the glyph outlines. `glyf` is 97 % of a Noto
 * CJK face (14 of 15 MB), and nothing but the PDF subset looks into it: parsing, shaping and
 * metrics read cmap, hmtx, vmtx, GSUB, GPOS and the small tables. So the outlines stay on disk,
 * and the subset reads the few thousand glyphs a document uses from the file. A build then reads
 * about 0.5 MB per face instead of 10–15 MB, and holds that much less.
 */
import { openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { readSfnt } from './sfnt.js';

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

/**
 * The font in `file` without its outlines, or the whole file when it is not a plain sfnt font
 * with a `glyf` table (a collection, WOFF, CFF outlines).
 */
export async function readFontWithoutOutlines(file: string): Promise<FontBytes> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const data = Buffer.alloc(size); // zero pages cost no memory until written
    await handle.read(data, 0, Math.min(size, SFNT_HEADER_BYTES), 0);
    const directoryEnd = SFNT_HEADER_BYTES + (size >= SFNT_HEADER_BYTES ? data.readUInt16BE(4) : 0) * TABLE_RECORD_BYTES;
    await handle.read(data, 0, Math.min(size, directoryEnd), 0);
    const tables = readSfnt(data)?.tables;
    if (!tables?.has('glyf')) {
      await handle.read(data, 0, size, 0);
      return { data, outlines: undefined };
    }
    for (const [tag, { offset, length }] of tables) {
      if (tag !== 'glyf' && length > 0) await handle.read(data, offset, length, offset);
    }
    return { data, outlines: fileReader(file) };
  } finally {
    await handle.close();
  }
}

/**
 * Reads ranges of `file` on demand, each range once per process (a warm process keeps the glyphs
 * it has embedded before). The file is opened at the first read and stays open for the life of
 * the process, as the parsed font does, so a font replaced on disk meanwhile is still read from
 * the version that was parsed.
 */
function fileReader(file: string): ByteReader {
  let fd: number | undefined;
  const read = new Map<number, Uint8Array>();
  return (start, end) => {
    let bytes = read.get(start);
    if (bytes === undefined || bytes.length !== end - start) {
      fd ??= openSync(file, 'r');
      bytes = Buffer.alloc(end - start);
      if (readSync(fd, bytes, 0, bytes.length, start) !== bytes.length) throw new Error(`font file ${file} is shorter than its tables say`);
      read.set(start, bytes);
    }
    return bytes;
  };
}
