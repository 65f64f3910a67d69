/** Total ink of print photos: the measurement itself, and the shipped profile against it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareImage } from '../../src/images/prepare.js';
import { DEFAULT_PROFILE_INK_PERCENT, defaultOutputProfile, outputProfileFor } from '../../src/render/output-profile.js';
import { maxTotalInk } from './inspect.js';

let dir: string;
let dark: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'banmian-ink-'));
  dark = path.join(dir, 'dark.png');
  // the inks' worst case: black, deep blue, deep brown and saturated darks, in bands
  const colours = [[0, 0, 0], [20, 20, 80], [60, 30, 20], [10, 60, 20], [90, 0, 40], [128, 128, 128]];
  const pixels = Buffer.alloc(600 * 100 * 3);
  for (let i = 0; i < 600 * 100; i++) pixels.set(colours[Math.floor((i % 600) / 100)] ?? [0, 0, 0], i * 3);
  await sharp(pixels, { raw: { width: 600, height: 100, channels: 3 } }).png().toFile(dark);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const placed = { widthPt: 144, heightPt: 24 };

describe('total ink', () => {
  it('measures libvips’ built-in CMYK separation above the newsprint limit', async () => {
    const builtIn = await prepareImage(dark, placed, 'print');
    expect(await maxTotalInk(builtIn)).toBeGreaterThan(DEFAULT_PROFILE_INK_PERCENT);
  });

  it('stays within the limit with the shipped newsprint profile, JPEG noise included', async () => {
    const jpeg = await prepareImage(dark, placed, 'print', defaultOutputProfile().file);
    const ink = await maxTotalInk(jpeg);
    expect(ink).toBeLessThanOrEqual(DEFAULT_PROFILE_INK_PERCENT);
    expect(ink).toBeGreaterThan(200); // the darks still use the ink there is
  });

  it('refuses a template limit below the shipped profile unless the template names its own', () => {
    const file = '/t/tabloid.yaml';
    expect(() => outputProfileFor({ file, maxInkPercent: 220 })).toThrow(/220% total ink/);
    expect(outputProfileFor({ file, maxInkPercent: 240 }).file).toBe(defaultOutputProfile().file);
    expect(outputProfileFor({ file, maxInkPercent: 220, iccProfile: '/t/plant.icc' }).file).toBe('/t/plant.icc');
  });
});
