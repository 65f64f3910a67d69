/**
 * A TrueType subset for PDF embedding (FontFile2 of a CIDFontType2 with an identity CID→GID map):
 * the glyphs a document uses, renumbered in the order first used, .notdef first.
 *
 * fontkit's subsetter decodes every glyph's outline and re-encodes every table through its
 * generic structure codec: about 90 ms for the body face in a fresh process, 10 ms warm. A subset
 * only needs the glyph data copied: this one reads the tables straight from the font file, looks
 * into a glyph only to follow a compound glyph's components (and renumber them), and writes the
 * nine tables PDF requires (ISO 32000 §9.9: head, hhea, loca, maxp, cvt, prep, glyf, hmtx, fpgm).
 * Same input, same bytes.
 */
import type { HorizontalMetrics } from './advances.js';
import type { ByteReader } from './font-file.js';
import { directoryBytes, type SfntFile, type TableRecord } from './sfnt.js';

/** Compound glyph component flags (OpenType `glyf`). */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** Tables copied as they are when the font has them (hinting programs and their control values). */
const COPIED_TABLES = ['cvt ', 'fpgm', 'prep'] as const;

export class TrueTypeSubset {
  /** old glyph id of each new glyph id */
  private readonly glyphs: number[] = [];
  private readonly newIds = new Map<number, number>();

  /** where the glyph data lies, read once from head and the directory */
  private readonly glyf: number;
  private readonly loca: number;
  private readonly longLoca: boolean;

  private constructor(
    private readonly font: SfntFile,
    private readonly metrics: HorizontalMetrics,
    /** where the outlines are read from: the file (font-file.ts) or the font's bytes in memory */
    private readonly outlines: ByteReader,
  ) {
    this.glyf = this.record('glyf').offset;
    this.loca = this.record('loca').offset;
    this.longLoca = font.view.getInt16(this.record('head').offset + 50) === 1;
    this.includeGlyph(0); // .notdef keeps id 0
  }

  /**
   * Whether this copies the font's glyphs: a TrueType font with plain metrics (advances.ts reads
   * them only from a font that has hhea and hmtx and is not variable), not CFF outlines.
   */
  static canCopy(font: SfntFile | undefined, metrics: HorizontalMetrics | undefined): boolean {
    return font !== undefined && metrics !== undefined && ['head', 'maxp', 'loca', 'glyf'].every((tag) => font.tables.has(tag));
  }

  /** A subset of the font (its metrics read by advances.ts), or undefined when it cannot copy it. */
  static of(font: SfntFile | undefined, metrics: HorizontalMetrics | undefined, outlines?: ByteReader): TrueTypeSubset | undefined {
    if (!font || !metrics || !TrueTypeSubset.canCopy(font, metrics)) return undefined;
    return new TrueTypeSubset(font, metrics, outlines ?? ((start, end) => font.data.subarray(start, end)));
  }

  /** No CFF outlines (pdfkit asks, to choose FontFile2 over FontFile3). */
  readonly cff = undefined;

  /** The glyph's id in the subset; the glyph is added on first use. */
  includeGlyph(glyphId: number): number {
    let id = this.newIds.get(glyphId);
    if (id === undefined) {
      id = this.glyphs.length;
      this.glyphs.push(glyphId);
      this.newIds.set(glyphId, id);
    }
    return id;
  }

  encode(): Buffer {
    // Copy the glyphs; compound glyphs bring in (and renumber) their components, which may add
    // glyphs to the end of the list while it is being walked.
    const glyphData: Uint8Array[] = [];
    for (let i = 0; i < this.glyphs.length; i += 1) glyphData.push(this.glyphCopy(this.glyphs[i] as number));

    const offsets = [0];
    for (const glyph of glyphData) offsets.push((offsets[offsets.length - 1] ?? 0) + glyph.length);
    const total = offsets[offsets.length - 1] ?? 0;
    const longOffsets = total > 0x1fffe; // short offsets store offset / 2 in 16 bits
    const loca = Buffer.alloc(offsets.length * (longOffsets ? 4 : 2));
    offsets.forEach((offset, i) => (longOffsets ? loca.writeUInt32BE(offset, i * 4) : loca.writeUInt16BE(offset / 2, i * 2)));

    const head = Buffer.from(this.table('head'));
    head.writeUInt32BE(0, 8); // checkSumAdjustment: filled in once the file is written
    head.writeInt16BE(longOffsets ? 1 : 0, 50); // indexToLocFormat
    const hhea = Buffer.from(this.table('hhea'));
    hhea.writeUInt16BE(this.glyphs.length, 34); // numberOfHMetrics: every glyph has its own
    const maxp = Buffer.from(this.table('maxp'));
    maxp.writeUInt16BE(this.glyphs.length, 4); // numGlyphs
    const hmtx = Buffer.alloc(this.glyphs.length * 4);
    this.glyphs.forEach((glyphId, i) => {
      hmtx.writeUInt16BE(this.metrics.advance(glyphId), i * 4);
      hmtx.writeInt16BE(this.metrics.bearing(glyphId), i * 4 + 2);
    });

    const tables = new Map<string, Uint8Array>([
      ['head', head],
      ['hhea', hhea],
      ['maxp', maxp],
      ['loca', loca],
      ['glyf', Buffer.concat(glyphData)],
      ['hmtx', hmtx],
    ]);
    for (const tag of COPIED_TABLES) if (this.font.tables.has(tag)) tables.set(tag, this.table(tag));
    return writeFont(tables);
  }

  /** The glyph's data, padded to an even length, with compound components renumbered in the subset. */
  private glyphCopy(glyphId: number): Uint8Array {
    const [start, end] = this.glyphRange(glyphId);
    const glyph = Buffer.alloc(end - start + ((end - start) % 2));
    glyph.set(this.outlines(start, end));
    if (end - start >= 10 && glyph.readInt16BE(0) < 0) {
      let at = 10;
      for (let flags = MORE_COMPONENTS; flags & MORE_COMPONENTS; ) {
        flags = glyph.readUInt16BE(at);
        glyph.writeUInt16BE(this.includeGlyph(glyph.readUInt16BE(at + 2)), at + 2);
        at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
        if (flags & WE_HAVE_A_SCALE) at += 2;
        else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
        else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
      }
    }
    return glyph;
  }

  /** Where the glyph's data lies in the file, from `loca`. */
  private glyphRange(glyphId: number): [number, number] {
    const { view } = this.font;
    const at = (i: number): number => (this.longLoca ? view.getUint32(this.loca + i * 4) : view.getUint16(this.loca + i * 2) * 2);
    return [this.glyf + at(glyphId), this.glyf + at(glyphId + 1)];
  }

  private record(tag: string): TableRecord {
    const record = this.font.tables.get(tag);
    if (!record) throw new Error(`font has no ${tag} table`);
    return record;
  }

  private table(tag: string): Uint8Array {
    const { offset, length } = this.record(tag);
    return this.font.data.subarray(offset, offset + length);
  }
}

/** An sfnt file of these tables: directory sorted by tag, tables 4-byte aligned, checksums set. */
function writeFont(tables: ReadonlyMap<string, Uint8Array>): Buffer {
  const tags = [...tables.keys()].sort();
  const headerLength = directoryBytes(tags.length);
  const padded = (n: number): number => (n + 3) & ~3;
  const length = tags.reduce((n, tag) => n + padded((tables.get(tag) as Uint8Array).length), headerLength);
  const file = Buffer.alloc(length);
  const entrySelector = Math.floor(Math.log2(tags.length));
  const searchRange = 2 ** entrySelector * 16;
  file.writeUInt32BE(0x00010000, 0);
  file.writeUInt16BE(tags.length, 4);
  file.writeUInt16BE(searchRange, 6);
  file.writeUInt16BE(entrySelector, 8);
  file.writeUInt16BE(tags.length * 16 - searchRange, 10);
  let offset = headerLength;
  let headOffset = 0;
  tags.forEach((tag, i) => {
    const data = tables.get(tag) as Uint8Array;
    const record = 12 + i * 16;
    file.write(tag, record, 'latin1');
    file.writeUInt32BE(checksum(data), record + 4);
    file.writeUInt32BE(offset, record + 8);
    file.writeUInt32BE(data.length, record + 12);
    file.set(data, offset);
    if (tag === 'head') headOffset = offset;
    offset += padded(data.length);
  });
  // head.checkSumAdjustment makes the whole file sum to 0xB1B0AFBA.
  file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, headOffset + 8);
  return file;
}

/** The OpenType table checksum: the sum of big-endian uint32s, the last one zero-padded. */
function checksum(data: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) {
    const word = ((data[i] ?? 0) << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0);
    sum = (sum + (word >>> 0)) >>> 0;
  }
  return sum;
}
