// A font read for a build has every table but its outlines, which the PDF subset reads from the
// file: the subset comes out byte for byte as from the whole file.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { create, type Font } from 'fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import { readHorizontalMetrics } from '../../src/fonts/advances.js';
import { readFontWithoutOutlines } from '../../src/fonts/font-file.js';
import { fontFile, fontkitFont, newSubset, prefetchFonts } from '../../src/fonts/registry.js';
import { readSfnt } from '../../src/fonts/sfnt.js';
import { TrueTypeSubset } from '../../src/fonts/subset.js';

const FILE = fontFile('serif-400');
const whole = readFileSync(FILE);
const dir = mkdtempSync(path.join(tmpdir(), 'banmian-font-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading a font without its outlines', () => {
  it('holds every table but glyf as in the file, and glyf as zeros', async () => {
    const { data, outlines } = await readFontWithoutOutlines(FILE);
    expect(outlines).toBeDefined();
    expect(data.length).toBe(whole.length);
    const tables = readSfnt(whole)?.tables ?? new Map();
    expect(tables.has('glyf')).toBe(true);
    for (const [tag, { offset, length }] of tables) {
      const ours = data.subarray(offset, offset + length);
      if (tag === 'glyf') expect(ours.every((b) => b === 0)).toBe(true);
      else expect(ours.equals(whole.subarray(offset, offset + length)), tag).toBe(true);
    }
    const { offset } = tables.get('glyf') ?? { offset: 0 };
    expect(outlines?.(offset + 100, offset + 900)).toEqual(whole.subarray(offset + 100, offset + 900));
  });

  it('makes the same subset from the file as from the whole font in memory', async () => {
    const ids = [0, 5, 900, 12, 4000, 23000, 5];
    const subset = (data: Uint8Array, outlines?: (start: number, end: number) => Uint8Array): Buffer => {
      const sfnt = readSfnt(data);
      const made = TrueTypeSubset.of(sfnt, sfnt && readHorizontalMetrics(sfnt), outlines);
      for (const id of ids) made?.includeGlyph(id);
      return made?.encode() ?? Buffer.alloc(0);
    };
    const { data, outlines } = await readFontWithoutOutlines(FILE);
    const fromFile = subset(data, outlines);
    expect(fromFile.length).toBeGreaterThan(1000);
    expect(fromFile.equals(subset(whole))).toBe(true);
  });

  it('reads a file that is not a plain TrueType font whole, for fontkit to make sense of', async () => {
    const file = path.join(dir, 'not-a-font.bin');
    writeFileSync(file, Buffer.from('wOFF and then some bytes that are no sfnt at all'));
    const { data, outlines } = await readFontWithoutOutlines(file);
    expect(outlines).toBeUndefined();
    expect(data.equals(readFileSync(file))).toBe(true);
  });

  it('reads an empty range without the file, and refuses a file changed since its tables were read', async () => {
    const file = path.join(dir, 'copy.ttf');
    copyFileSync(FILE, file);
    const { outlines } = await readFontWithoutOutlines(file);
    const { offset } = readSfnt(whole)?.tables.get('glyf') ?? { offset: 0 };
    expect(outlines?.(offset, offset)).toHaveLength(0);
    utimesSync(file, new Date(), new Date(Date.now() + 60_000)); // reinstalled, say
    expect(() => outlines?.(offset, offset + 10)).toThrow(/changed after this process read it/);
  });

  it('gives a font read ahead by the registry the subset the whole font gives', async () => {
    // sans-300: a face no other test of this file loads, so the registry reads it ahead here.
    await prefetchFonts(['sans-300']);
    const ids = [0, 7, 1500, 33, 20000];
    const fromRegistry = newSubset('sans-300');
    for (const id of ids) fromRegistry?.includeGlyph(id);
    const sansWhole = readFileSync(fontFile('sans-300'));
    const sfnt = readSfnt(sansWhole);
    const fromMemory = TrueTypeSubset.of(sfnt, sfnt && readHorizontalMetrics(sfnt));
    for (const id of ids) fromMemory?.includeGlyph(id);
    expect(fromRegistry?.encode().equals(fromMemory?.encode() ?? Buffer.alloc(0))).toBe(true);
    // …and it was read without its outlines: the parsed font's bytes hold zeros where glyf is.
    const parsed = (fontkitFont('sans-300') as unknown as { stream: { buffer: Uint8Array } }).stream.buffer;
    const glyf = sfnt?.tables.get('glyf') ?? { offset: 0, length: 0 };
    expect(glyf.length).toBeGreaterThan(1_000_000);
    expect(parsed.subarray(glyf.offset, glyf.offset + glyf.length).some((b) => b !== 0)).toBe(false);
  });

  it('gives fontkit the advances of the whole font, without decoding loca', async () => {
    // sans-200: read ahead here and by no other test of this file.
    await prefetchFonts(['sans-200']);
    const read = fontkitFont('sans-200');
    const fromWhole = create(readFileSync(fontFile('sans-200'))) as Font;
    // fontkit's glyph metrics (our declarations name only the advance width)
    const metrics = (font: Font, id: number): unknown => {
      const { advanceWidth, advanceHeight } = font.getGlyph(id) as unknown as { advanceWidth: number; advanceHeight: number };
      return [advanceWidth, advanceHeight];
    };
    for (const id of [0, 3, 77, 1200, 20000, fromWhole.numGlyphs - 1]) expect(metrics(read, id), `glyph ${id}`).toEqual(metrics(fromWhole, id));
    const locations = (read as unknown as { loca: { offsets: ArrayLike<number> } }).loca.offsets;
    expect(locations).toBeInstanceOf(Uint32Array); // ours, all zeros: restructure decodes into a plain array
    expect(Array.prototype.some.call(locations, (offset: number) => offset !== 0)).toBe(false);
  });
});
