/**
 * The shape of a template file (templates/NAME.yaml). Keys are the field names of `Template`
 * (src/template/types.ts) so a template reads like the type it becomes; optional fields get the
 * defaults of Chinese newspaper practice.
 */
import { z } from 'zod';
import type { Problem } from '../manifest/problems.js';
import { BODY_DEFAULTS } from '../text/compose.js';
import { typeArea } from './geometry.js';

const lengthMm = z.number().nonnegative();
const positiveMm = z.number().positive();

const textStyleSchema = z.strictObject({
  family: z.string().trim().min(1),
  /** CSS weight: 100 thin … 400 regular … 900 black */
  weight: z.int().min(1).max(1000),
  sizePt: z.number().positive(),
  leadingPt: z.number().positive(),
  align: z.enum(['justify', 'left', 'center', 'right']).default('left'),
  tint: z.number().min(0).max(100).default(0),
});

const styleSetSchema = z.strictObject({
  kicker: textStyleSchema,
  headline: textStyleSchema,
  subhead: textStyleSchema,
  byline: textStyleSchema,
  body: textStyleSchema,
  bodySubhead: textStyleSchema,
  caption: textStyleSchema,
  credit: textStyleSchema,
  runningHead: textStyleSchema,
  folio: textStyleSchema,
  jumpLine: textStyleSchema,
  pageEditor: textStyleSchema,
});

const areaSchema = z.strictObject({
  name: z.string().trim().min(1),
  column: z.int().nonnegative(),
  columns: z.int().positive(),
  line: z.int().nonnegative().default(0),
  lines: z.int().positive().optional(),
});

/**
 * A template that says nothing about composition gets the text engine's body defaults
 * (cjk-typography.md: GB/T 15834 禁则, ¼ em between 汉字 and Latin, 2-字 paragraph indent).
 */
const DEFAULT_COMPOSITION = {
  kinsoku: BODY_DEFAULTS.kinsoku,
  cjkLatinSpacingEm: BODY_DEFAULTS.cjkLatinSpacingEm,
  indentEm: BODY_DEFAULTS.indentEm,
} as const;

export const templateSchema = z.strictObject({
  pageWidthMm: positiveMm,
  pageHeightMm: positiveMm,
  margins: z.strictObject({ topMm: lengthMm, bottomMm: lengthMm, insideMm: lengthMm, outsideMm: lengthMm }),
  bleedMm: lengthMm.default(3),
  columns: z.int().positive(),
  gutterMm: lengthMm,
  runningHeadMm: lengthMm.default(0),
  footMm: lengthMm.default(0),
  composition: z
    .strictObject({
      kinsoku: z.enum(['basic', 'gb', 'strict']).default(DEFAULT_COMPOSITION.kinsoku),
      cjkLatinSpacingEm: z.number().min(0).max(1).default(DEFAULT_COMPOSITION.cjkLatinSpacingEm),
      indentEm: z.number().min(0).max(10).default(DEFAULT_COMPOSITION.indentEm),
    })
    .default(DEFAULT_COMPOSITION),
  styles: styleSetSchema,
  areas: z.array(areaSchema).default([]),
  /** newsprint takes about 240 % total ink (pdf-print-notes.md) */
  maxInkPercent: z.number().min(100).max(400).default(240),
  /** the plant's CMYK ICC profile, relative to the template file (print profile) */
  iccProfile: z.string().trim().min(1).optional(),
});

export type TemplateData = z.output<typeof templateSchema>;

/** Checks across fields: the page must leave room for the grid, areas must lie on it. */
export function checkTemplateGeometry(data: TemplateData): Problem[] {
  const problems: Problem[] = [];
  const body = data.styles.body;
  const grid = typeArea(data);
  if (grid.columnWidth < body.sizePt) {
    problems.push({
      code: 'bad-geometry',
      path: ['columns'],
      message: `${data.columns} columns do not fit between the margins (less than one character wide)`,
      hint: 'use fewer columns, a smaller gutter or smaller margins',
    });
  }
  if (body.leadingPt < body.sizePt) {
    problems.push({
      code: 'bad-number',
      path: ['styles', 'body', 'leadingPt'],
      message: `body leading ${body.leadingPt} pt is less than the body size ${body.sizePt} pt`,
      hint: 'Chinese body text needs 1.5–1.6 × its size',
    });
  }
  if (grid.lines < 1) {
    problems.push({
      code: 'bad-geometry',
      path: ['margins'],
      message: 'margins, running head and foot leave no room for a line of body text',
      hint: 'reduce the margins, runningHeadMm or footMm',
    });
  }

  const seen = new Set<string>();
  data.areas.forEach((area, index) => {
    if (seen.has(area.name)) {
      problems.push({ code: 'duplicate-area', path: ['areas', index, 'name'], message: `area "${area.name}" is defined twice`, hint: 'rename one of them' });
    }
    seen.add(area.name);
    if (area.column + area.columns > data.columns) {
      problems.push({
        code: 'bad-area',
        path: ['areas', index, 'columns'],
        message: `area "${area.name}" spans columns ${area.column}–${area.column + area.columns - 1}, but the page has columns 0–${data.columns - 1}`,
        hint: 'columns are counted from 0; make the area narrower or start it further left',
      });
    }
    const lastLine = area.line + (area.lines ?? 1);
    if (grid.lines >= 1 && lastLine > grid.lines) {
      problems.push({
        code: 'bad-area',
        path: ['areas', index, area.lines === undefined ? 'line' : 'lines'],
        message: `area "${area.name}" ends at grid line ${lastLine}, but a column has ${grid.lines} lines`,
        hint: `keep line + lines within ${grid.lines}`,
      });
    }
  });
  return problems;
}
