/** Glyph ids read from the format-12 cmap are fontkit's, code point for code point. */
import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { readCharacterMap } from '../../src/fonts/cmap.js';
import { readSfnt } from '../../src/fonts/sfnt.js';
import { fontFile } from '../../src/fonts/registry.js';

describe('format-12 cmap', () => {
  it.each(['serif-400', 'sans-700'])('%s: the same glyph as fontkit for a spread of code points, 0 where it has none', (key) => {
    const data = readFileSync(fontFile(key));
    const font = create(data) as Font;
    const sfnt = readSfnt(data);
    const glyphIds = sfnt && readCharacterMap(sfnt);
    expect(glyphIds).toBeDefined();
    const codePoints: number[] = [];
    for (let cp = 0; cp < 0x10000; cp += 7) if (cp < 0xd800 || cp > 0xdfff) codePoints.push(cp);
    for (let cp = 0x4e00; cp <= 0x9fff; cp += 3) codePoints.push(cp);
    for (let cp = 0x20000; cp < 0x20400; cp += 5) codePoints.push(cp);
    codePoints.push(0x10ffff, 0x3000, 0x20, 0x2014, 0x2026, 0xff0c);
    const ours = codePoints.map((cp) => glyphIds?.(cp));
    expect(ours).toEqual(codePoints.map((cp) => font.glyphForCodePoint(cp).id));
    expect(ours.filter((id) => id === 0).length).toBeGreaterThan(0); // some code points are not in the font
  });

  it('leaves a font without a format-12 Unicode subtable to fontkit', () => {
    const empty = new Uint8Array(12);
    new DataView(empty.buffer).setUint32(0, 0x00010000); // an sfnt header with no tables
    const sfnt = readSfnt(empty);
    expect(sfnt).toBeDefined();
    expect(sfnt && readCharacterMap(sfnt)).toBeUndefined();
  });
});
