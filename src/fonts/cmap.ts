/**
 * Code point → glyph id straight from a font's Unicode `cmap` subtable of format 12 (segmented
 * coverage: sorted groups of consecutive code points mapped to consecutive glyphs).
 *
 * fontkit answers through its cmap processor and a glyph object per character: some 10 ms per
 * face for the thousand-odd 汉字 of a page in a fresh process. Reading the groups is a binary
 * search. A font without a format-12 Unicode subtable is left to fontkit.
 */
import type { SfntFile } from './sfnt.js';

/** Glyph id of a code point; 0 (.notdef) when the font has none. */
export type CharacterMap = (codePoint: number) => number;

/** Unicode full-repertoire encodings (platform, encoding) whose format-12 subtable is read. */
const FULL_UNICODE = [
  [3, 10],
  [0, 4],
] as const;

export function readCharacterMap({ view, tables }: SfntFile): CharacterMap | undefined {
  const cmap = tables.get('cmap');
  if (!cmap || cmap.length < 4) return undefined;
  const count = view.getUint16(cmap.offset + 2);
  if (cmap.length < 4 + count * 8) return undefined;
  for (const [platform, encoding] of FULL_UNICODE) {
    for (let i = 0; i < count; i += 1) {
      const record = cmap.offset + 4 + i * 8;
      if (view.getUint16(record) !== platform || view.getUint16(record + 2) !== encoding) continue;
      const subtable = cmap.offset + view.getUint32(record + 4);
      if (subtable + 16 > cmap.offset + cmap.length || view.getUint16(subtable) !== 12) continue;
      const groups = view.getUint32(subtable + 12);
      if (subtable + 16 + groups * 12 > cmap.offset + cmap.length) continue;
      return (codePoint) => lookup(view, subtable + 16, groups, codePoint);
    }
  }
  return undefined;
}

/** Binary search of the sequential map groups (startCharCode, endCharCode, startGlyphID). */
function lookup(view: DataView, first: number, groups: number, codePoint: number): number {
  let lo = 0;
  let hi = groups - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const group = first + mid * 12;
    if (codePoint < view.getUint32(group)) hi = mid - 1;
    else if (codePoint > view.getUint32(group + 4)) lo = mid + 1;
    else return view.getUint32(group + 8) + (codePoint - view.getUint32(group));
  }
  return 0;
}
