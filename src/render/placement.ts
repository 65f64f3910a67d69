/**
 * Where a photo is really placed: a photo that touches the trim edge runs on into the bleed, so
 * that a slightly off cut leaves no white sliver. Frame coordinates (origin at the trim corner).
 */
import type { ImageBox } from '../layout/frames.js';

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
