/**
 * Line breaks a sub-editor should look at: lines the composer could only break by breaking a rule
 * (禁则, a word split, an overfull line). Each finding names the page, the article, the column
 * and line, and what to do.
 */
import path from 'node:path';
import type { PlacedModule } from '../layout/arrange.js';
import type { IssueLayout } from '../layout/pages.js';
import type { BlockLine } from '../layout/set-text.js';
import type { ForcedBreak } from '../text/linebreak.js';

export interface Finding {
  readonly code: 'forced-break';
  readonly page: number;
  /** the article's id, or its headline */
  readonly article: string;
  /** where in the article: `headline group`, `column 2, line 14`, `caption of x.jpg` */
  readonly where: string;
  readonly message: string;
  readonly hint: string;
}

const EXCERPT_CHARS = 12;

const FORCED: Readonly<Record<Exclude<ForcedBreak, 'none'>, string>> = {
  'inside-token': 'a word or number is split across lines',
  kinsoku: 'the line breaks against a line-start or line-end rule (禁则)',
  overfull: 'the line is too long for its column',
};

/** Forced breaks of a laid-out issue, in page order. */
export function forcedBreaks(layout: IssueLayout): Finding[] {
  return layout.pages.flatMap((page) => page.arrangement.modules.flatMap((placed) => moduleFindings(page.number, placed)));
}

function moduleFindings(page: number, placed: PlacedModule): Finding[] {
  const { layout } = placed;
  const article = layout.prepared.label;
  const found: Finding[] = [];
  const visit = (lines: readonly BlockLine[], where: (k: number) => string, hint: string): void => {
    lines.forEach(({ line }, k) => {
      if (line.forced === 'none') return;
      found.push({ code: 'forced-break', page, article, where: where(k), message: `${FORCED[line.forced]}: “${excerpt(line.text)}”`, hint });
    });
  };
  visit(layout.head.lines, () => 'headline group', 'shorten or reword the heading, or give the article more columns');
  for (const photo of layout.photos) visit(photo.caption, () => `caption of ${path.basename(photo.photo.file)}`, 'shorten or reword the caption');
  layout.fill.columns.forEach(([from, to], c) => {
    let line = 0;
    for (const item of layout.prepared.flow.slice(from, to)) {
      const first = line;
      visit(item.lines, (k) => `column ${c + 1}, line ${first + k + 1}`, 'add or remove a few characters near this line so it can break at an allowed place');
      line += item.lines.length;
    }
  });
  return found;
}

function excerpt(text: string): string {
  const chars = Array.from(text);
  return chars.length <= EXCERPT_CHARS ? text : `${chars.slice(0, EXCERPT_CHARS).join('')}…`;
}
