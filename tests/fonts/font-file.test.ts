// A font read for a build has every table but its outlines, which the PDF subset reads from the
// file: the subset comes out byte for byte as from the whole file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readHorizontalMetrics } from '../../src/fonts/advances.js';
import { readFontWithoutOutlines } from '../../src/fonts/font-file.js';
import { fontFile } from '../../src/fonts/registry.js';
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
});
