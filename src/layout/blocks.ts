/**
 * An article → the blocks layout places: the headline group (引题/主题/副题) set at a module's
 * width, and the body flow (byline, paragraphs, in-body subheads, source credit) set at the
 * column measure as a list of grid-line items. Heights are whole grid lines so text after any
 * block lands on the grid again (clreq: inserted space is an integer number of lines).
 */
import type { Article } from '../manifest/types.js';
import type { Template } from '../template/types.js';
import { FIELD_AS_SET } from '../text/normalize.js';
import { paragraphsOf } from '../text/segment.js';
import { breaksInsideQuotation } from '../text/display-break.js';
import { baselineInSlot } from './grid.js';
import { setText, stackLines, type BlockLine, type FontBook, type StyleRole, type TextSet } from './set-text.js';

/** Where an item sits in its paragraph, for widow and orphan control (孤行). */
type LinePosition = 'only' | 'first' | 'middle' | 'last';

/** One item of a column's flow: a body line (1 grid line) or a subhead (n lines, kept with what follows). */
export interface FlowItem {
  readonly lines: readonly BlockLine[];
  readonly heightLines: number;
  readonly paragraph: number;
  readonly position: LinePosition;
  readonly keepWithNext: boolean;
  /** characters of source text in the item, for overset reports */
  readonly chars: number;
}

export interface HeadBlock {
  readonly lines: readonly BlockLine[];
  readonly heightLines: number;
}

export interface LayoutEnv {
  readonly template: Template;
  readonly fonts: FontBook;
  readonly pitch: number;
  readonly columnWidth: number;
}

/** Space above and below the headline group, in grid lines in total. */
const HEAD_PADDING_LINES = 1;
const GAP_BETWEEN_HEAD_PARTS_PT = 3;

/** The first article of a page leads (头条): its headline is set largest. */
export type Prominence = 'lead' | 'secondary';

/**
 * Display type is graded as an editor grades it: secondary headlines at about ¾ of the lead's
 * size, and any headline that would run to more than two lines at its module's width steps
 * down until it does not (never below half the template size).
 */
const SECONDARY_HEADLINE_SCALE = 0.75;
const SECONDARY_DECK_SCALE = 0.85;
const HEADLINE_STEP = 0.9;
const MIN_HEADLINE_SCALE = 0.5;
const MAX_HEADLINE_LINES = 2;
/** How many steps smaller a headline may go to keep a quotation on one line. */
const QUOTE_STEPS = 2;

/** The headline group at a module width, centred vertically in whole grid lines. */
export function buildHead(
  article: Pick<Article, 'kicker' | 'headline' | 'subhead'>,
  widthPt: number,
  env: LayoutEnv,
  prominence: Prominence = 'lead',
): HeadBlock {
  const deckScale = prominence === 'lead' ? 1 : SECONDARY_DECK_SCALE;
  const deck = (text: string, role: 'kicker' | 'subhead'): { role: StyleRole; set: TextSet } => ({
    role,
    set: setText(FIELD_AS_SET[role](text), role, widthPt, env.template, env.fonts, { scale: deckScale }),
  });
  const parts = [
    ...(article.kicker ? [deck(article.kicker, 'kicker')] : []),
    { role: 'headline' as const, set: fitHeadline(article.headline, widthPt, env, prominence) },
    ...(article.subhead ? [deck(article.subhead, 'subhead')] : []),
  ];
  const lines: BlockLine[] = [];
  let y = 0;
  parts.forEach(({ role, set }, i) => {
    if (i > 0) y += GAP_BETWEEN_HEAD_PARTS_PT;
    lines.push(...stackLines(set, role, y));
    y += set.lines.length * set.style.leadingPt;
  });
  const heightLines = Math.ceil(y / env.pitch - 1e-6) + HEAD_PADDING_LINES;
  const pad = (heightLines * env.pitch - y) / 2;
  return { lines: lines.map((l) => ({ ...l, baselineDy: l.baselineDy + pad })), heightLines };
}

/**
 * The headline at its graded size, stepped down until it takes at most two lines; then, by up to
 * QUOTE_STEPS more, while its line break falls inside a quotation or title: an editor sets
 * “慈善+社工+志愿者” a size smaller rather than split it. When no size frees it, the largest
 * size that fits stands.
 */
function fitHeadline(headline: string, widthPt: number, env: LayoutEnv, prominence: Prominence): TextSet {
  const text = FIELD_AS_SET.headline(headline);
  const at = (scale: number): TextSet => setText(text, 'headline', widthPt, env.template, env.fonts, { scale });
  const fits = (set: TextSet): boolean => set.lines.length <= MAX_HEADLINE_LINES;
  const splitsQuotation = (set: TextSet): boolean => breaksInsideQuotation(set.lines.map((line) => line.text));
  let scale = prominence === 'lead' ? 1 : SECONDARY_HEADLINE_SCALE;
  let set = at(scale);
  while (!fits(set) && scale * HEADLINE_STEP >= MIN_HEADLINE_SCALE) {
    scale *= HEADLINE_STEP;
    set = at(scale);
  }
  if (!fits(set) || !splitsQuotation(set)) return set;
  for (let step = 1; step <= QUOTE_STEPS && scale * HEADLINE_STEP ** step >= MIN_HEADLINE_SCALE; step += 1) {
    const smaller = at(scale * HEADLINE_STEP ** step);
    if (fits(smaller) && !splitsQuotation(smaller)) return smaller;
  }
  return set;
}

/** The body flow of an article at the column measure. */
export function buildFlow(article: Pick<Article, 'byline' | 'body' | 'source'>, env: LayoutEnv): FlowItem[] {
  const items: FlowItem[] = [];
  let paragraph = 0;
  if (article.byline) {
    const set = setText(FIELD_AS_SET.byline(article.byline), 'byline', env.columnWidth, env.template, env.fonts);
    items.push(...lineItems(set, 'byline', paragraph++, env));
  }
  const paragraphs = paragraphsOf(article);
  const credit = article.source ? FIELD_AS_SET.source(article.source) : undefined;
  const lastBody = paragraphs.findLastIndex((p) => p.kind === 'body');
  paragraphs.forEach((p, index) => {
    if (p.kind === 'subhead') {
      items.push(subheadItem(p.text, paragraph++, env));
      return;
    }
    const set = setText(p.text, 'body', env.columnWidth, env.template, env.fonts);
    if (credit && index === lastBody) items.push(...withCredit(p.text, set, credit, paragraph++, env));
    else items.push(...lineItems(set, 'body', paragraph++, env));
  });
  if (credit && lastBody < 0) items.push(...creditLine(credit, paragraph, env));
  return items;
}

/**
 * The last paragraph with the source credit (cjk-typography.md §8): run on after the text when
 * that costs no extra line, otherwise flush right on a line of its own — never a loose line of
 * a few characters spread out to make room for it. The credit itself never splits.
 */
function withCredit(text: string, alone: TextSet, credit: string, paragraph: number, env: LayoutEnv): FlowItem[] {
  const runOn = `${text}${credit}`;
  const set = setText(runOn, 'body', env.columnWidth, env.template, env.fonts, { keepTogether: [[text.length, runOn.length]] });
  if (set.lines.length === alone.lines.length) return lineItems(set, 'body', paragraph, env);
  return [...lineItems(alone, 'body', paragraph, env), ...creditLine(credit, paragraph, env)];
}

function creditLine(credit: string, paragraph: number, env: LayoutEnv): FlowItem[] {
  const set = setText(credit, 'body', env.columnWidth, env.template, env.fonts, { indentEm: 0, align: 'right' });
  return lineItems(set, 'body', paragraph, env);
}

/** Each line of a paragraph on its own grid line, set on the body baseline. */
export function lineItems(
  set: TextSet,
  role: StyleRole,
  paragraph: number,
  env: LayoutEnv,
): FlowItem[] {
  const bodySize = env.template.styles.body.sizePt;
  const count = set.lines.length;
  return set.lines.map((line, i) => ({
    lines: [
      {
        line,
        fontKey: set.face.key,
        sizePt: set.style.sizePt,
        role,
        // Every style in a body slot shares the body baseline, so baselines align across columns.
        baselineDy: baselineInSlot(0, env.pitch, bodySize),
      },
    ],
    heightLines: 1,
    paragraph,
    position: count === 1 ? 'only' : i === 0 ? 'first' : i === count - 1 ? 'last' : 'middle',
    keepWithNext: false,
    chars: line.text.length,
  }));
}

/** An in-body subhead: its lines plus half a line above and below, rounded to whole grid lines. */
function subheadItem(text: string, paragraph: number, env: LayoutEnv): FlowItem {
  const set = setText(text, 'bodySubhead', env.columnWidth, env.template, env.fonts);
  const textHeight = set.lines.length * set.style.leadingPt;
  const heightLines = Math.ceil(textHeight / env.pitch + 1 - 1e-6);
  const top = (heightLines * env.pitch - textHeight) / 2;
  return {
    lines: stackLines(set, 'bodySubhead', top),
    heightLines,
    paragraph,
    position: 'only',
    keepWithNext: true,
    chars: set.lines.reduce((n, l) => n + l.text.length, 0),
  };
}
