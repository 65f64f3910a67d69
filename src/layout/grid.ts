/**
 * The page's line grid (版心 and 背景格): columns, gutters and one line pitch shared by every
 * column, so baselines align across the page (cjk-typography.md §7). Everything inserted into a
 * column takes whole grid lines.
 */
import { typeArea, type TypeArea } from '../template/geometry.js';
import type { Template } from '../template/types.js';
import { mmToPt } from '../units.js';

/** The template's type area on one page: which side its inside margin is on, and the columns. */
export interface PageGrid extends TypeArea {
  /** an odd, right-hand page: its inside margin, and the running head's inner side, on the left */
  readonly recto: boolean;
  /** left edge of the type area on this page */
  readonly typeLeft: number;
  readonly columns: number;
  readonly bodySizePt: number;
}

/** Where the ideographic em box sits in a line: its top is this fraction of the em above the baseline. */
const EM_BOX_ASCENT = 0.88;

export function pageGrid(template: Template, pageNumber: number): PageGrid {
  const area = typeArea(template);
  const recto = pageNumber % 2 === 1;
  return {
    ...area,
    recto,
    typeLeft: mmToPt(recto ? template.margins.insideMm : template.margins.outsideMm),
    columns: template.columns,
    bodySizePt: template.styles.body.sizePt,
  };
}

export function columnLeft(grid: PageGrid, column: number): number {
  return grid.typeLeft + column * (grid.columnWidth + grid.gutter);
}

/** Width of `span` adjacent columns with the gutters between them. */
export function spanWidth(grid: PageGrid, span: number): number {
  return span * grid.columnWidth + (span - 1) * grid.gutter;
}

export function rowTop(grid: PageGrid, row: number): number {
  return grid.typeTop + row * grid.pitch;
}

/** Baseline of text of `sizePt` centred in a slot of `heightPt` starting at `top`. */
export function baselineInSlot(top: number, heightPt: number, sizePt: number): number {
  return top + (heightPt - sizePt) / 2 + EM_BOX_ASCENT * sizePt;
}
