/**
 * Page furniture: the running head (publication, section, issue, date) with its rule, the
 * folio and the page editor's credit at the foot, and the page's label for the slug of print
 * pages. Set in the template's styles, outside the body grid. The words themselves come from
 * text/furniture-words.ts, which glyph coverage checks before layout.
 */
import type { FurnitureTexts } from '../text/furniture-words.js';
import type { FrameItem, GlyphRun } from './frames.js';
import { baselineInSlot, type PageGrid } from './grid.js';
import { setText, toGlyphRuns, type FontBook, type StyleRole } from './set-text.js';
import type { Template } from '../template/types.js';

const RULE_WIDTH_PT = 0.75;
const UNWRAPPED_MEASURE_PT = 100_000;

/** Size of the slug label, the page's name for the printing plant. */
const SLUG_SIZE_PT = 6;

export function pageFurniture(
  texts: FurnitureTexts,
  grid: PageGrid,
  template: Template,
  fonts: FontBook,
): FrameItem[] {
  const items: FrameItem[] = [];
  const headHeight = grid.typeTop - grid.headTop;
  const line = (text: string, role: StyleRole, align: 'left' | 'right', top: number, height: number): void => {
    const style = template.styles[role];
    // One line, however long: furniture is never wrapped, and never cut.
    const set = setText(text, role, UNWRAPPED_MEASURE_PT, template, fonts, { indentEm: 0 });
    for (const composed of set.lines) {
      const width = composed.endPt - composed.startPt;
      const x = align === 'left' ? grid.typeLeft - composed.startPt : grid.typeLeft + grid.typeWidth - width - composed.startPt;
      items.push(
        ...toGlyphRuns(
          { line: composed, fontKey: set.face.key, sizePt: style.sizePt, role, baselineDy: baselineInSlot(0, height, style.sizePt) },
          x,
          top,
        ),
      );
    }
  };
  const outer = grid.recto ? 'right' : 'left';
  const inner = grid.recto ? 'left' : 'right';
  line(texts.masthead, 'runningHead', inner, grid.headTop, headHeight * 0.8);
  line(texts.dateline, 'runningHead', outer, grid.headTop, headHeight * 0.8);
  const ruleY = grid.typeTop - headHeight * 0.2;
  items.push({ kind: 'rule', x1: grid.typeLeft, y1: ruleY, x2: grid.typeLeft + grid.typeWidth, y2: ruleY, widthPt: RULE_WIDTH_PT });
  const footHeight = grid.pageHeightPt - grid.footTop;
  line(texts.folio, 'folio', outer, grid.footTop, Math.min(footHeight, grid.pitch * 1.5));
  if (texts.pageEditor) line(texts.pageEditor, 'pageEditor', inner, grid.footTop, Math.min(footHeight, grid.pitch * 1.5));
  return items;
}

/**
 * The slug label as one line starting at the origin, in the folio's face at 6 pt: only the
 * renderer knows where the slug is (outside the bleed, print profile only) and moves it there.
 */
export function slugRuns(texts: FurnitureTexts, template: Template, fonts: FontBook): GlyphRun[] {
  const scale = SLUG_SIZE_PT / template.styles.folio.sizePt;
  const set = setText(texts.slug, 'folio', UNWRAPPED_MEASURE_PT, template, fonts, { indentEm: 0, scale, align: 'left' });
  // Unwrapped: one line, its ink moved to the origin and its baseline on it.
  return set.lines.flatMap((line) => toGlyphRuns({ line, fontKey: set.face.key, sizePt: set.style.sizePt, role: 'folio', baselineDy: 0 }, -line.startPt, 0, 'slug'));
}
