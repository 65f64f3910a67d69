import { describe, expect, it } from 'vitest';
import type { ImageBox, IssueFrames } from '../../src/layout/frames.js';
import { checkPrintResolution } from '../../src/render/photo-resolution.js';
import { bleedPlacement } from '../../src/render/placement.js';
import { mmToPt } from '../../src/units.js';

const page = { widthPt: 400, heightPt: 600 };

function photo(pixelWidth: number, x = 50, article = 'red-button'): ImageBox {
  // 144 pt = 2 in wide, 72 pt = 1 in high: ppi = pixelWidth / 2
  return { kind: 'image', file: '/p/a.jpg', article, x, y: 100, width: 144, height: 72, pixelWidth, pixelHeight: pixelWidth / 2 };
}

function frames(...boxes: ImageBox[]): IssueFrames {
  return { title: 't', publication: 'p', issueLabel: 'i', date: '2025-01-01', bleedMm: 3, pages: [{ number: 1, ...page, items: boxes, bookmarks: [], slug: [] }] };
}

describe('bleedPlacement', () => {
  it('runs photos that touch the trim edge into the bleed, and leaves the others', () => {
    const b = mmToPt(3);
    expect(bleedPlacement(photo(600), page, b)).toEqual({ x: 50, y: 100, width: 144, height: 72 });
    const left = bleedPlacement(photo(600, 0), page, b);
    expect(left.x).toBeCloseTo(-b, 6);
    expect(left.width).toBeCloseTo(144 + b, 6);
    const full = bleedPlacement({ ...photo(600, 0), width: 400 }, page, b);
    expect(full.width).toBeCloseTo(400 + 2 * b, 6);
  });
});

describe('checkPrintResolution', () => {
  it('accepts 200 ppi and more', () => {
    expect(checkPrintResolution(frames(photo(400)))).toEqual([]);
  });

  it('warns below 200 ppi, naming page and article', () => {
    const [warning, ...rest] = checkPrintResolution(frames(photo(300)));
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ code: 'low-resolution-photo', page: 1, article: 'red-button' });
    expect(warning?.message).toMatch(/a\.jpg .* 150 ppi/);
  });

  it('fails below 100 ppi', () => {
    expect(() => checkPrintResolution(frames(photo(190)))).toThrow(/95 ppi/);
  });

  it('counts the bleed a photo runs into', () => {
    // 402 px over 2 in is 201 ppi, but over 2 in + 3 mm of bleed it is below 200
    expect(checkPrintResolution(frames(photo(402)))).toEqual([]);
    expect(checkPrintResolution(frames(photo(402, 0)))).toHaveLength(1);
  });

  it('names the article each placement belongs to, when two articles share a photo file', () => {
    const warnings = checkPrintResolution(frames(photo(300, 50, 'lead'), photo(300, 200, 'teaser')));
    expect(warnings.map((w) => w.article)).toEqual(['lead', 'teaser']);
    expect(warnings.map((w) => w.message)).toEqual([expect.stringContaining('(lead)'), expect.stringContaining('(teaser)')]);
  });
});
