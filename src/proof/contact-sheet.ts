/** All pages of an issue side by side in one image, for a glance at the whole issue. */
import type { PagePng } from './rasterise.js';
import { loadSharp } from '../images/sharp-library.js';

const THUMB_WIDTH = 400;
const GAP = 24;
const MAX_PER_ROW = 4;
const BACKGROUND = { r: 200, g: 200, b: 200, alpha: 1 };

export async function contactSheet(pages: readonly PagePng[]): Promise<PagePng> {
  const sharp = await loadSharp();
  const thumbs = await Promise.all(pages.map((page) => sharp(page.png).resize({ width: THUMB_WIDTH }).png().toBuffer({ resolveWithObject: true })));
  const perRow = Math.min(MAX_PER_ROW, Math.max(1, thumbs.length));
  const rowHeight = Math.max(...thumbs.map((t) => t.info.height));
  const rows = Math.ceil(thumbs.length / perRow);
  const composites = thumbs.map((t, i) => ({
    input: t.data,
    left: GAP + (i % perRow) * (THUMB_WIDTH + GAP),
    top: GAP + Math.floor(i / perRow) * (rowHeight + GAP),
  }));
  const width = GAP + perRow * (THUMB_WIDTH + GAP);
  const height = GAP + rows * (rowHeight + GAP);
  const png = await sharp({ create: { width, height, channels: 4, background: BACKGROUND } })
    .composite(composites)
    .png()
    .toBuffer();
  return { png, width, height };
}
