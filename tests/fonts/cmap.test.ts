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
    // An sfnt whose one table is a cmap with a single Unicode full-repertoire record (3, 10)
    // that points at a subtable of format `format`.
    const withCmap = (format: number): Uint8Array => {
      const data = new Uint8Array(12 + 16 + 4 + 8 + 16);
      const view = new DataView(data.buffer);
      view.setUint32(0, 0x00010000);
      view.setUint16(4, 1);
      [...'cmap'].forEach((c, k) => view.setUint8(12 + k, c.charCodeAt(0)));
      view.setUint32(12 + 8, 28); // offset
      view.setUint32(12 + 12, 28); // length
      view.setUint16(28 + 2, 1); // one encoding record
      view.setUint16(28 + 4, 3);
      view.setUint16(28 + 6, 10);
      view.setUint32(28 + 8, 12); // subtable offset from the cmap
      view.setUint16(28 + 12, format); // format 12 with no groups, or a format-4 table
      return data;
    };
    const map = (data: Uint8Array) => {
      const sfnt = readSfnt(data);
      expect(sfnt).toBeDefined();
      return sfnt && readCharacterMap(sfnt);
    };
    expect(map(withCmap(12))).toBeDefined(); // the fixture is read when it is format 12…
    expect(map(withCmap(4))).toBeUndefined(); // …and left to fontkit when it is not
    const noTables = new Uint8Array(12);
    new DataView(noTables.buffer).setUint32(0, 0x00010000);
    expect(map(noTables)).toBeUndefined();
  });
});
