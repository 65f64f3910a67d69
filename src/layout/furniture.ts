/**
 * Page furniture: the running head (publication, section, issue, date) with its rule, the
 * folio and the page editor's credit at the foot. Set in the template's styles, outside the
 * body grid.
 */
import type { Issue, Page } from '../manifest/types.js';
import { normalizeByline, normalizeText } from '../text/normalize.js';
import type { FrameItem } from './frames.js';
import { baselineInSlot, type PageGrid } from './grid.js';
import { setText, toGlyphRun, type FontBook, type StyleRole } from './set-text.js';
import type { Template } from '../template/types.js';

const RULE_WIDTH_PT = 0.75;
const UNWRAPPED_MEASURE_PT = 100_000;

/** A page's name in the paper: 第3版. Set by the composer, which spaces the digits itself, and plain in bookmarks and the slug. */
export function pageLabel(pageNumber: number): string {
  return `第${pageNumber}版`;
}

/** `2024-11-28` → `2024年11月28日` */
function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map((s) => Number.parseInt(s, 10));
  return `${y}年${m}月${d}日`;
}

export function pageFurniture(
  issue: Issue,
  page: Page,
  pageNumber: number,
  grid: PageGrid,
  template: Template,
  fonts: FontBook,
): FrameItem[] {
  const items: FrameItem[] = [];
  const recto = pageNumber % 2 === 1;
  const headHeight = grid.typeTop - grid.headTop;
  const line = (text: string, role: StyleRole, align: 'left' | 'right', top: number, height: number): void => {
    const style = template.styles[role];
    // One line, however long: furniture is never wrapped, and never cut.
    const set = setText(text, role, UNWRAPPED_MEASURE_PT, template, fonts, { indentEm: 0 });
    for (const composed of set.lines) {
      const width = composed.endPt - composed.startPt;
      const x = align === 'left' ? grid.typeLeft - composed.startPt : grid.typeLeft + grid.typeWidth - width - composed.startPt;
      items.push(
        toGlyphRun(
          { line: composed, fontKey: set.face.key, sizePt: style.sizePt, role, baselineDy: baselineInSlot(0, height, style.sizePt) },
          x,
          top,
        ),
      );
    }
  };
  const outer = recto ? 'right' : 'left';
  const inner = recto ? 'left' : 'right';
  // As set everywhere else (and as glyph coverage checked it): normalised.
  const headText = [issue.publication, page.section].filter((part): part is string => Boolean(part)).map((part) => normalizeText(part)).join('\u3000');
  line(headText, 'runningHead', inner, grid.headTop, headHeight * 0.8);
  line(`${chineseDate(issue.date)}\u3000${normalizeText(issue.issue)}`, 'runningHead', outer, grid.headTop, headHeight * 0.8);
  const ruleY = grid.typeTop - headHeight * 0.2;
  items.push({ kind: 'rule', x1: grid.typeLeft, y1: ruleY, x2: grid.typeLeft + grid.typeWidth, y2: ruleY, widthPt: RULE_WIDTH_PT });
  const footHeight = grid.pageHeightPt - grid.footTop;
  line(pageLabel(pageNumber), 'folio', outer, grid.footTop, Math.min(footHeight, grid.pitch * 1.5));
  if (page.editor) line(normalizeByline(page.editor), 'pageEditor', inner, grid.footTop, Math.min(footHeight, grid.pitch * 1.5));
  return items;
}
