/** The sampled CMYK separation against libvips' own, and the TIFF that carries its pixels. */
import { copyFileSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cmykTiff, separate, separationTable } from '../../src/images/separation.js';
import { defaultOutputProfile } from '../../src/render/output-profile.js';

const PROFILE = defaultOutputProfile().file;

/** libvips' separation of the same pixels through the same profile. */
async function libvipsSeparation(rgb: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const out = await sharp(rgb, { raw: { width, height, channels: 3 } })
    .toColourspace('cmyk')
    .withIccProfile(PROFILE, { attach: false })
    .raw()
    .toBuffer();
  return new Uint8Array(out);
}

function totalInk(cmyk: Uint8Array, pixel: number): number {
  return (cmyk[pixel * 4] ?? 0) + (cmyk[pixel * 4 + 1] ?? 0) + (cmyk[pixel * 4 + 2] ?? 0) + (cmyk[pixel * 4 + 3] ?? 0);
}

describe('sampled separation', () => {
  it('matches libvips within a level or two on colours between the grid points', async () => {
    const table = await separationTable(PROFILE);
    // a pseudo-random spread of colours, nearly all of them between grid points
    const count = 4096;
    const rgb = new Uint8Array(count * 3);
    for (let i = 0; i < rgb.length; i += 1) rgb[i] = (i * 97 + ((i * i) % 13)) % 256;
    const ours = separate(rgb, table);
    const theirs = await libvipsSeparation(rgb, count, 1);
    let sum = 0;
    let max = 0;
    for (let i = 0; i < ours.length; i += 1) {
      const d = Math.abs((ours[i] ?? 0) - (theirs[i] ?? 0));
      sum += d;
      max = Math.max(max, d);
    }
    expect(sum / ours.length).toBeLessThan(0.75);
    expect(max).toBeLessThanOrEqual(6);
  });

  it('gives grid colours exactly as the profile separates them', async () => {
    const table = await separationTable(PROFILE);
    const rgb = Uint8Array.from([0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 85, 170, 5, 250, 125]);
    expect(separate(rgb, table)).toEqual(await libvipsSeparation(rgb, 5, 1));
  });

  it('never uses more ink than the darkest corner of its grid cell, plus one level of rounding (property)', async () => {
    const table = await separationTable(PROFILE);
    const grid = Math.round(Math.cbrt(table.cmyk.length / 4));
    const step = 255 / (grid - 1);
    const cell = (v: number): number => Math.min(Math.floor(v / step), grid - 2);
    const cornerInk = (r: number, g: number, b: number): number => totalInk(table.cmyk, (r * grid + g) * grid + b);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 3, maxLength: 300 }), (bytes) => {
        const rgb = bytes.subarray(0, bytes.length - (bytes.length % 3));
        const cmyk = separate(rgb, table);
        for (let p = 0; p < rgb.length / 3; p += 1) {
          const [r, g, b] = [cell(rgb[p * 3] ?? 0), cell(rgb[p * 3 + 1] ?? 0), cell(rgb[p * 3 + 2] ?? 0)];
          let darkest = 0;
          for (const dr of [0, 1]) for (const dg of [0, 1]) for (const db of [0, 1]) darkest = Math.max(darkest, cornerInk(r + dr, g + dg, b + db));
          if (totalInk(cmyk, p) > darkest + 1) return false;
        }
        return true;
      }),
    );
  });

  it('samples a profile again when it is replaced under the same name (watch)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'banmian-separation-'));
    try {
      const plant = path.join(dir, 'plant.icc');
      copyFileSync(PROFILE, plant);
      const first = await separationTable(plant);
      expect(await separationTable(plant)).toBe(first);
      utimesSync(plant, new Date(), new Date(Date.now() + 5000));
      const second = await separationTable(plant);
      expect(second).not.toBe(first);
      expect(second.cmyk).toEqual(first.cmyk);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('wraps CMYK pixels in a TIFF that sharp reads back as the same CMYK', async () => {
    const width = 7;
    const height = 3;
    const cmyk = Uint8Array.from({ length: width * height * 4 }, (_, i) => (i * 37) % 256);
    const tiff = cmykTiff(width, height);
    tiff.pixels.set(cmyk);
    const meta = await sharp(tiff.file).metadata();
    expect([meta.format, meta.space, meta.channels, meta.width, meta.height]).toEqual(['tiff', 'cmyk', 4, width, height]);
    const back = await sharp(tiff.file).pipelineColourspace('cmyk').toColourspace('cmyk').raw().toBuffer();
    expect(new Uint8Array(back)).toEqual(cmyk);
  });
});
