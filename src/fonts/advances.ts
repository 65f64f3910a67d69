/**
 * Glyph advance widths read straight from a TrueType font's `hmtx` table.
 *
 * fontkit answers `glyph.advanceWidth` by building a glyph object and decoding its horizontal
 * and vertical metrics: about 25 µs a glyph in a fresh process, some 30 ms for the thousand-odd
 * 汉字 of a page in each font. The table is an array of (advance, side bearing) pairs, the last
 * advance repeating for the glyphs after it (OpenType `hmtx`), so a lookup is one read.
 * Variable fonts, collections, WOFF and damaged files are left to fontkit.
 */
import type { SfntFile } from './sfnt.js';

/** Font units per glyph id. */
export type AdvanceWidths = (glyphId: number) => number;

/** A glyph's horizontal metrics in font units, as `hmtx` gives them. */
export interface HorizontalMetrics {
  readonly advance: AdvanceWidths;
  /** left side bearing (the subset copies it) */
  readonly bearing: (glyphId: number) => number;
}

/**
 * The horizontal metrics of a font, or undefined when it has no plain hmtx to read (then ask
 * fontkit). The glyphs past the last full entry share its advance and have a bearing of their own.
 */
export function readHorizontalMetrics({ view, tables }: SfntFile): HorizontalMetrics | undefined {
  const hhea = tables.get('hhea');
  const hmtx = tables.get('hmtx');
  if (!hhea || !hmtx || tables.has('fvar') || hhea.length < 36) return undefined;
  const metricCount = view.getUint16(hhea.offset + 34); // hhea.numberOfHMetrics
  if (metricCount === 0 || hmtx.length < metricCount * 4) return undefined;
  const lastAdvance = view.getUint16(hmtx.offset + (metricCount - 1) * 4);
  return {
    advance: (glyphId) => (glyphId < metricCount ? view.getUint16(hmtx.offset + glyphId * 4) : lastAdvance),
    bearing: (glyphId) => view.getInt16(glyphId < metricCount ? hmtx.offset + glyphId * 4 + 2 : hmtx.offset + metricCount * 4 + (glyphId - metricCount) * 2),
  };
}
