/**
 * Issue → pages: each manifest page is arranged into modules; an article that does not fit
 * jumps to its `continue_on` page with jump lines both ways (（下转第N版） / （上接第M版） and a
 * short jump headline), or is reported as overset. Overset is data: the caller turns it into
 * an error. Nothing is ever dropped.
 */
import type { Issue, Page } from '../manifest/types.js';
import type { Arrangement, PlacedModule } from './arrange.js';
import { arrangePage } from './areas.js';
import { lineItems, type FlowItem } from './blocks.js';
import type { FrameBookmark, FrameItem, IssueFrames, PageFrame, RuleLine } from './frames.js';
import { furnitureTexts, jumpLineTexts } from '../text/furniture-words.js';
import { pageFurniture, slugRuns } from './furniture.js';
import { columnLeft, pageGrid, rowTop } from './grid.js';
import { placeModule, prepareArticle, type ModuleEnv, type PreparedArticle } from './module.js';
import { setText, type FontBook } from './set-text.js';
import type { Template } from '../template/types.js';
import type { PixelSize } from './module.js';

export interface Overset {
  readonly page: number;
  readonly article: string;
  readonly lines: number;
  readonly chars: number;
}

interface PageLayout {
  readonly number: number;
  readonly arrangement: Arrangement;
}

export interface IssueLayout {
  readonly frames: IssueFrames;
  readonly pages: readonly PageLayout[];
  readonly overset: readonly Overset[];
}

interface IssueEnv {
  readonly template: Template;
  readonly fonts: FontBook;
  readonly photoSize: (file: string) => PixelSize;
}

export function layoutIssue(issue: Issue, env: IssueEnv): IssueLayout {
  const pageCount = issue.pages.length;
  const moduleEnvs = issue.pages.map((_, i) => moduleEnvFor(i + 1, env));
  // Articles per page, in manifest order; continuations are appended as pages are made up.
  const queues: PreparedArticle[][] = issue.pages.map((page, i) =>
    page.articles.map((a, k) => prepareArticle(a, moduleEnvs[i] as ModuleEnv, k === 0 ? 'lead' : 'secondary')),
  );
  const pages: PageLayout[] = [];
  const frames: PageFrame[] = [];
  const overset: Overset[] = [];
  for (let p = 0; p < pageCount; p += 1) {
    const env = moduleEnvs[p] as ModuleEnv;
    const number = p + 1;
    const made = makeUpPage(queues[p] as PreparedArticle[], number, env, queues);
    overset.push(...made.overset);
    pages.push({ number, arrangement: made.arrangement });
    frames.push(pageFrame(issue, issue.pages[p] as Page, number, made.arrangement, env));
  }
  return {
    frames: {
      title: `${issue.publication} ${issue.issue}`,
      publication: issue.publication,
      issueLabel: issue.issue,
      date: issue.date,
      bleedMm: env.template.bleedMm,
      pages: frames,
    },
    pages,
    overset,
  };
}

function moduleEnvFor(pageNumber: number, env: IssueEnv): ModuleEnv {
  const grid = pageGrid(env.template, pageNumber);
  return { ...env, grid, pitch: grid.pitch, columnWidth: grid.columnWidth };
}

interface MadePage {
  readonly arrangement: Arrangement;
  readonly overset: readonly Overset[];
}

function makeUpPage(articles: PreparedArticle[], number: number, env: ModuleEnv, queues: PreparedArticle[][]): MadePage {
  const whole = arrangePage(articles, env);
  if (whole) return { arrangement: whole, overset: [] };
  // Jump the first article that may continue on a later page, keeping as much as fits here.
  for (let i = 0; i < articles.length; i += 1) {
    const target = articles[i]?.article.continueOn;
    if (target === undefined || target <= number || target > queues.length) continue;
    const jumped = jumpArticle(articles, i, number, target, env);
    if (jumped) {
      (queues[target - 1] as PreparedArticle[]).push(jumped.continuation);
      return { arrangement: jumped.arrangement, overset: [] };
    }
  }
  return oversetPage(articles, number, env);
}

/** Split article `i`: the most of its flow that fits here plus （下转第N版）; the rest continues on `target`. */
function jumpArticle(
  articles: readonly PreparedArticle[],
  i: number,
  page: number,
  target: number,
  env: ModuleEnv,
): { arrangement: Arrangement; continuation: PreparedArticle } | undefined {
  const prepared = articles[i] as PreparedArticle;
  const texts = jumpLineTexts(page, target);
  const toLine = jumpLine(texts.forward, env);
  const fromLine = jumpLine(texts.back, env, 'left');
  const found = largestPart(articles, i, (keep) => ({ ...prepared, flow: [...prepared.flow.slice(0, keep), ...toLine] }), env);
  if (!found) return undefined;
  const rest = prepared.flow.slice(found.keep).map((item) => ({ ...item, paragraph: item.paragraph + 1 }));
  const continuation: PreparedArticle = {
    article: { ...prepared.article, kicker: undefined, subhead: undefined, photos: [], continueOn: undefined },
    flow: [...fromLine, ...rest],
    label: `${prepared.label}（续）`,
    prominence: 'secondary',
    continuation: true,
  };
  return { arrangement: found.arrangement, continuation };
}

/**
 * The most of `articles[i]`'s flow (as `part(keep)` sets it) that still lets the page be made
 * up, with that arrangement; at least one item, or undefined. Bisection: a page that holds a
 * part holds every shorter one.
 */
function largestPart(
  articles: readonly PreparedArticle[],
  i: number,
  part: (keep: number) => PreparedArticle,
  env: ModuleEnv,
): { keep: number; arrangement: Arrangement } | undefined {
  let lo = 1;
  let hi = (articles[i] as PreparedArticle).flow.length - 1;
  let found: { keep: number; arrangement: Arrangement } | undefined;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const arrangement = arrangePage(articles.map((a, k) => (k === i ? part(mid) : a)), env);
    if (arrangement) {
      found = { keep: mid, arrangement };
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

function jumpLine(text: string, env: ModuleEnv, align: 'left' | 'right' = 'right'): FlowItem[] {
  const set = setText(text, 'jumpLine', env.columnWidth, env.template, env.fonts, { indentEm: 0, align });
  return lineItems(set, 'jumpLine', -1, env);
}

/**
 * The page cannot hold its articles: keep the longest run of whole articles that fits, cut the
 * next one where the page is full, and report what did not fit of it and of every later one.
 */
function oversetPage(articles: readonly PreparedArticle[], number: number, env: ModuleEnv): MadePage {
  let fitting = 0;
  let arrangement: Arrangement = { modules: [], emptyCells: env.grid.lines * env.grid.columns };
  for (let n = 1; n <= articles.length; n += 1) {
    const a = arrangePage(articles.slice(0, n), env);
    if (!a) break;
    fitting = n;
    arrangement = a;
  }
  const overset: Overset[] = [];
  const cut = articles[fitting];
  if (cut) {
    const found = largestPart(articles.slice(0, fitting + 1), fitting, (keep) => ({ ...cut, flow: cut.flow.slice(0, keep) }), env);
    if (found) arrangement = found.arrangement;
    overset.push(oversetOf(cut, found?.keep ?? 0, number));
  }
  for (const a of articles.slice(fitting + 1)) overset.push(oversetOf(a, 0, number));
  return { arrangement, overset };
}

function oversetOf(prepared: PreparedArticle, keep: number, page: number): Overset {
  const rest = prepared.flow.slice(keep);
  return {
    page,
    article: prepared.label,
    lines: rest.reduce((n, i) => n + i.heightLines, 0),
    chars: rest.reduce((n, i) => n + i.chars, 0),
  };
}

function pageFrame(issue: Issue, page: Page, number: number, arrangement: Arrangement, env: ModuleEnv): PageFrame {
  const texts = furnitureTexts(issue, page, number);
  const items: FrameItem[] = pageFurniture(texts, env.grid, env.template, env.fonts);
  const bookmarks: FrameBookmark[] = [];
  for (const m of arrangement.modules) {
    items.push(...placeModule(m.layout, m.column, m.row, env), ...moduleRules(m, env));
    bookmarks.push({ title: m.layout.prepared.article.headline, y: rowTop(env.grid, m.row) });
  }
  return { number, widthPt: env.grid.pageWidthPt, heightPt: env.grid.pageHeightPt, items, bookmarks, slug: slugRuns(texts, env.template, env.fonts) };
}

const MODULE_RULE_PT = 0.5;

/** Thin rules that set a module off from its neighbours: in the gutter to its right, above it. */
function moduleRules(m: PlacedModule, env: ModuleEnv): RuleLine[] {
  const { grid } = env;
  const rules: RuleLine[] = [];
  const top = rowTop(grid, m.row);
  const bottom = rowTop(grid, m.row + m.layout.heightLines);
  const left = columnLeft(grid, m.column) - (m.column > 0 ? grid.gutter / 2 : 0);
  const lastColumn = m.column + m.layout.widthColumns;
  const right = columnLeft(grid, lastColumn) - (lastColumn < grid.columns ? grid.gutter / 2 : grid.gutter);
  if (lastColumn < grid.columns) rules.push({ kind: 'rule', x1: right, y1: top, x2: right, y2: bottom, widthPt: MODULE_RULE_PT });
  if (m.row > 0) rules.push({ kind: 'rule', x1: left, y1: top, x2: right, y2: top, widthPt: MODULE_RULE_PT });
  return rules;
}
