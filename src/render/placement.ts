/**
 * Where a photo is really placed: a photo that touches the trim edge runs on into the bleed, so
 * that a slightly off cut leaves no white sliver. Frame coordinates (origin at the trim corner).
 */
import type { ImageBox, PageFrame } from '../layout/frames.js';
import { pageBoxes } from './page-boxes.js';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Touching the edge within 1/100 pt counts: layout rounds to 1/1000 pt. */
const EDGE_PT = 0.01;

export function bleedPlacement(box: ImageBox, page: { readonly widthPt: number; readonly heightPt: number }, bleedPt: number): Rect {
  const [x, width] = extend(box.x, box.width, page.widthPt, bleedPt);
  const [y, height] = extend(box.y, box.height, page.heightPt, bleedPt);
  return { x, y, width, height };
}

function extend(start: number, size: number, pageSize: number, bleedPt: number): [number, number] {
  const before = start <= EDGE_PT ? bleedPt : 0;
  const after = start + size >= pageSize - EDGE_PT ? bleedPt : 0;
  return [start - before, size + before + after];
}

/** Every photo of a page with where it is drawn: into the bleed when the page has one (printer's marks). */
export function placedImages(page: PageFrame, bleedMm: number, withBleed: boolean): { readonly image: ImageBox; readonly rect: Rect }[] {
  const { bleedPt } = pageBoxes(page.widthPt, page.heightPt, bleedMm, withBleed);
  return page.items.flatMap((item) => (item.kind === 'image' ? [{ image: item, rect: bleedPlacement(item, page, bleedPt) }] : []));
}
