/**
 * A template's page geometry in points: the type area (版心), the column measure and how many
 * body lines the grid holds. Computed in one place for the template's own validation and for
 * layout's line grid, so the two can never disagree.
 */
import { mmToPt } from '../units.js';
import type { TemplateData } from './schema.js';

/** The fields the geometry depends on (a loaded Template has them too). */
export type GeometryFields = Pick<TemplateData, 'pageWidthMm' | 'pageHeightMm' | 'margins' | 'gutterMm' | 'columns' | 'runningHeadMm' | 'footMm' | 'styles'>;

export interface TypeArea {
  readonly pageWidthPt: number;
  readonly pageHeightPt: number;
  readonly typeWidth: number;
  readonly columnWidth: number;
  readonly gutter: number;
  /** top of the running head's band, and of the grid below it */
  readonly headTop: number;
  readonly typeTop: number;
  /** top of the foot band under the grid */
  readonly footTop: number;
  /** body leading: the grid pitch */
  readonly pitch: number;
  /** grid lines per column */
  readonly lines: number;
}

export function typeArea(template: GeometryFields): TypeArea {
  const { margins } = template;
  const pageWidthPt = mmToPt(template.pageWidthMm);
  const pageHeightPt = mmToPt(template.pageHeightMm);
  const gutter = mmToPt(template.gutterMm);
  const typeWidth = pageWidthPt - mmToPt(margins.insideMm + margins.outsideMm);
  const headTop = mmToPt(margins.topMm);
  const typeTop = headTop + mmToPt(template.runningHeadMm);
  const footTop = pageHeightPt - mmToPt(margins.bottomMm + template.footMm);
  const pitch = template.styles.body.leadingPt;
  return {
    pageWidthPt,
    pageHeightPt,
    typeWidth,
    columnWidth: (typeWidth - gutter * (template.columns - 1)) / template.columns,
    gutter,
    headTop,
    typeTop,
    footTop,
    pitch,
    // A hair of tolerance: templates are designed to hold an exact number of lines.
    lines: Math.floor((footTop - typeTop) / pitch + 1e-6),
  };
}
