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

  it('leaves a font without an hmtx table to fontkit', () => {
    // a bare sfnt header with no tables at all
    expect(readAdvanceWidths(new Uint8Array(12))).toBeUndefined();
  });
});
