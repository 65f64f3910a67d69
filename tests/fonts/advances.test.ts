/** Advance widths read from hmtx are fontkit's, glyph for glyph. */
import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { readAdvanceWidths } from '../../src/fonts/advances.js';
import { fontFile } from '../../src/fonts/registry.js';

describe('hmtx advance widths', () => {
  it.each(['serif-400', 'sans-700', 'sans-300'])('%s: every 37th glyph and the last ones match fontkit', (key) => {
    const data = readFileSync(fontFile(key));
    const font = create(data) as Font;
    const advances = readAdvanceWidths(data);
    expect(advances).toBeDefined();
    const ids = [0, 1, 2, 3];
    for (let id = 5; id < font.numGlyphs; id += 37) ids.push(id);
    ids.push(font.numGlyphs - 2, font.numGlyphs - 1);
    expect(ids.map((id) => advances?.(id))).toEqual(ids.map((id) => font.getGlyph(id).advanceWidth));
  });

  it('leaves what it cannot read plainly to fontkit: no tables, not an sfnt, a truncated file, a variable font', () => {
    const sfnt = (tags: readonly string[]): Uint8Array => {
      const data = new Uint8Array(12 + tags.length * 16 + 64);
      const view = new DataView(data.buffer);
      view.setUint32(0, 0x00010000);
      view.setUint16(4, tags.length);
      tags.forEach((tag, i) => {
        for (let k = 0; k < 4; k += 1) view.setUint8(12 + i * 16 + k, tag.charCodeAt(k));
        view.setUint32(12 + i * 16 + 8, 12 + tags.length * 16);
        view.setUint32(12 + i * 16 + 12, 40);
      });
      view.setUint16(12 + tags.length * 16 + 34, 1); // numberOfHMetrics of the hhea all records point at
      return data;
    };
    expect(readAdvanceWidths(sfnt(['hhea', 'hmtx']))).toBeDefined();
    expect(readAdvanceWidths(sfnt([]))).toBeUndefined();
    expect(readAdvanceWidths(sfnt(['hhea', 'hmtx', 'fvar']))).toBeUndefined();
    const woff = sfnt(['hhea', 'hmtx']);
    new DataView(woff.buffer).setUint32(0, 0x774f4646); // 'wOFF'
    expect(readAdvanceWidths(woff)).toBeUndefined();
    expect(readAdvanceWidths(sfnt(['hhea', 'hmtx']).subarray(0, 40))).toBeUndefined();
    const data = readFileSync(fontFile('serif-400'));
    expect(readAdvanceWidths(data.subarray(0, data.length >> 1))).toBeUndefined();
  });
});
