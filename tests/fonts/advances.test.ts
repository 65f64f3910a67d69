/** Horizontal metrics read from hmtx are fontkit's, glyph for glyph; what is not a plain sfnt is left to fontkit. */
import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { readHorizontalMetrics, type HorizontalMetrics } from '../../src/fonts/advances.js';
import { fontFile } from '../../src/fonts/registry.js';
import { readSfnt } from '../../src/fonts/sfnt.js';

/** The metrics the registry reads for the font in `data`, if any. */
function metricsOf(data: Uint8Array): HorizontalMetrics | undefined {
  const sfnt = readSfnt(data);
  return sfnt && readHorizontalMetrics(sfnt);
}

/** fontkit's decoded hmtx (not in its type declarations): full entries, then the bearings that stand alone. */
interface FontkitHmtx {
  readonly metrics: { get(i: number): { advance: number; bearing: number } | undefined; readonly length: number };
  readonly bearings: { get(i: number): number | undefined };
}

describe('hmtx advance widths', () => {
  it.each(['serif-400', 'sans-700', 'sans-300'])('%s: every 37th glyph and the last ones match fontkit', (key) => {
    const data = readFileSync(fontFile(key));
    const font = create(data) as Font;
    const metrics = metricsOf(data);
    expect(metrics).toBeDefined();
    const ids = [0, 1, 2, 3];
    for (let id = 5; id < font.numGlyphs; id += 37) ids.push(id);
    ids.push(font.numGlyphs - 2, font.numGlyphs - 1);
    expect(ids.map((id) => metrics?.advance(id))).toEqual(ids.map((id) => font.getGlyph(id).advanceWidth));
    const hmtx = (font as unknown as { hmtx: FontkitHmtx }).hmtx;
    const full = hmtx.metrics.length;
    expect(ids.map((id) => metrics?.bearing(id))).toEqual(ids.map((id) => (id < full ? hmtx.metrics.get(id)?.bearing : hmtx.bearings.get(id - full))));
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
    expect(metricsOf(sfnt(['hhea', 'hmtx']))).toBeDefined();
    expect(metricsOf(sfnt([]))).toBeUndefined();
    expect(metricsOf(sfnt(['hhea', 'hmtx', 'fvar']))).toBeUndefined();
    const woff = sfnt(['hhea', 'hmtx']);
    new DataView(woff.buffer).setUint32(0, 0x774f4646); // 'wOFF'
    expect(metricsOf(woff)).toBeUndefined();
    expect(metricsOf(sfnt(['hhea', 'hmtx']).subarray(0, 40))).toBeUndefined();
    const data = readFileSync(fontFile('serif-400'));
    expect(metricsOf(data.subarray(0, data.length >> 1))).toBeUndefined();
  });
});
