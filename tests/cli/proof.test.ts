import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, banmian } from './run-cli.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const DPI = 40;
const ISSUE = 'gongyi-2023-03-07';

/** Width and height from the IHDR chunk, which always follows the signature. */
function pngSize(png: Buffer): [number, number] {
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('banmian proof', () => {
  let dir: string;
  beforeAll(() => {
    assertBuilt();
    dir = mkdtempSync(path.join(tmpdir(), 'banmian-proof-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one PNG per page at page size × dpi, and a contact sheet', () => {
    const pdf = path.join(dir, 'issue.pdf');
    expect(banmian(['build', `issues/${ISSUE}.yaml`, '--profile', 'email', '-o', pdf]).status).toBe(0);
    const pageSizes = [...readFileSync(pdf, 'latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(pageSizes.length).toBeGreaterThan(0);

    const r = banmian(['proof', `issues/${ISSUE}.yaml`, '-o', dir, '--dpi', String(DPI), '--sheet']);
    expect(r.status).toBe(0);
    const pages = readdirSync(dir).filter((f) => /-p\d+\.png$/.test(f)).sort();
    expect(pages).toEqual(pageSizes.map((_, i) => `${ISSUE}-p${String(i + 1).padStart(2, '0')}.png`));
    pages.forEach((file, i) => {
      const png = readFileSync(path.join(dir, file));
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      const [w, h] = pageSizes[i] as [number, number];
      const [pw, ph] = pngSize(png);
      // pdf.js rounds the scaled page down to whole pixels.
      expect(Math.abs(pw - (w * DPI) / 72)).toBeLessThan(1);
      expect(Math.abs(ph - (h * DPI) / 72)).toBeLessThan(1);
    });
    const sheet = readFileSync(path.join(dir, `${ISSUE}-sheet.png`));
    expect(sheet.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  });
});
