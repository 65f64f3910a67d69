/**
 * Glyph advance widths read straight from a TrueType font's `hmtx` table.
 *
 * fontkit answers `glyph.advanceWidth` by building a glyph object and decoding its horizontal
 * and vertical metrics: about 25 µs a glyph in a fresh process, some 30 ms for the thousand-odd
 * 汉字 of a page in each font. The table is an array of (advance, side bearing) pairs, the last
 * advance repeating for the glyphs after it (OpenType `hmtx`), so a lookup is one read.
 * Variable fonts are left to fontkit: their advances depend on the instance.
 */

/** Font units per glyph id. */
export type AdvanceWidths = (glyphId: number) => number;

/** The advances of the font in `data`, or undefined when it has no plain hmtx to read (then ask fontkit). */
export function readAdvanceWidths(data: Uint8Array): AdvanceWidths | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const tables = tableOffsets(view);
  const hhea = tables.get('hhea');
  const hmtx = tables.get('hmtx');
  if (hhea === undefined || hmtx === undefined || tables.has('HVAR') || tables.has('gvar')) return undefined;
  const metricCount = view.getUint16(hhea + 34); // hhea.numberOfHMetrics
  if (metricCount === 0) return undefined;
  const lastAdvance = view.getUint16(hmtx + (metricCount - 1) * 4);
  return (glyphId) => (glyphId < metricCount ? view.getUint16(hmtx + glyphId * 4) : lastAdvance);
}

/** Table tag → offset, from the sfnt table directory (a TrueType or OpenType font, not a collection). */
function tableOffsets(view: DataView): Map<string, number> {
  const offsets = new Map<string, number>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i += 1) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(view.getUint8(record), view.getUint8(record + 1), view.getUint8(record + 2), view.getUint8(record + 3));
    offsets.set(tag, view.getUint32(record + 8));
  }
  return offsets;
}
