/**
 * Glyph advance widths read straight from a TrueType font's `hmtx` table.
 *
 * fontkit answers `glyph.advanceWidth` by building a glyph object and decoding its horizontal
 * and vertical metrics: about 25 µs a glyph in a fresh process, some 30 ms for the thousand-odd
 * 汉字 of a page in each font. The table is an array of (advance, side bearing) pairs, the last
 * advance repeating for the glyphs after it (OpenType `hmtx`), so a lookup is one read.
 * Variable fonts, collections, WOFF and damaged files are left to fontkit.
 */

/** Font units per glyph id. */
export type AdvanceWidths = (glyphId: number) => number;

/** The advances of the font in `data`, or undefined when it has no plain hmtx to read (then ask fontkit). */
export function readAdvanceWidths(data: Uint8Array): AdvanceWidths | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const tables = tableDirectory(view);
  const hhea = tables?.get('hhea');
  const hmtx = tables?.get('hmtx');
  if (!tables || !hhea || !hmtx || tables.has('fvar') || hhea.length < 36) return undefined;
  const metricCount = view.getUint16(hhea.offset + 34); // hhea.numberOfHMetrics
  if (metricCount === 0 || hmtx.length < metricCount * 4) return undefined;
  const lastAdvance = view.getUint16(hmtx.offset + (metricCount - 1) * 4);
  return (glyphId) => (glyphId < metricCount ? view.getUint16(hmtx.offset + glyphId * 4) : lastAdvance);
}

interface TableRecord {
  readonly offset: number;
  readonly length: number;
}

/** TrueType/OpenType versions of a single font's sfnt header (a collection or WOFF has none of these). */
const SFNT_VERSIONS = new Set([0x00010000, 0x74727565 /* 'true' */, 0x4f54544f /* 'OTTO' */]);

/** Table tag → where it lies, from the sfnt table directory; undefined unless every table lies inside the file. */
function tableDirectory(view: DataView): Map<string, TableRecord> | undefined {
  if (view.byteLength < 12 || !SFNT_VERSIONS.has(view.getUint32(0))) return undefined;
  const count = view.getUint16(4);
  if (view.byteLength < 12 + count * 16) return undefined;
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < count; i += 1) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(view.getUint8(record), view.getUint8(record + 1), view.getUint8(record + 2), view.getUint8(record + 3));
    const offset = view.getUint32(record + 8);
    const length = view.getUint32(record + 12);
    if (offset + length > view.byteLength) return undefined;
    tables.set(tag, { offset, length });
  }
  return tables;
}
