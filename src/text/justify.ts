/**
 * Justification (两端对齐) of one broken line: first the mandatory removals (line-end mark to
 * ½ em, opening bracket at a continuation line's start), then shrinking by clreq priority when
 * the line was pushed in, or stretching when it is short: word spaces first, then every
 * inter-character gap equally (not inside units, not around connectors). The last line of a
 * paragraph is set solid and aligned to the start. Works on numbers; positions in em.
 */
import type { Box, BoxGlyph, Gap, ItemList } from './items.js';
import { ShrinkPriority } from './zh-hans.js';
import { lineStartTrim, measureOf, type BreakSettings, type LineSpan } from './linebreak.js';

export type Align = 'justify' | 'left' | 'center' | 'right';

export interface PlacedGlyph extends BoxGlyph {
  /** pen position of the glyph origin from the line's start, in em */
  readonly xEm: number;
}

export interface JustifiedLine {
  readonly glyphs: readonly PlacedGlyph[];
  /** x of the line's first box from the start of the measure, in em */
  readonly offsetEm: number;
  /** width the line occupies, in em, from its first to its last box */
  readonly widthEm: number;
  readonly measureEm: number;
  /** true when the line was spread or squeezed to fill the measure exactly */
  readonly justified: boolean;
  /** a mark hanging past the measure, in em (0 unless hanging is on) */
  readonly hangEm: number;
}

interface Adjustable {
  readonly amount: number;
  readonly apply: (taken: number) => void;
}

export function justifyLine(
  items: ItemList,
  span: LineSpan,
  lineIndex: number,
  isLast: boolean,
  align: Align,
  settings: BreakSettings,
): JustifiedLine {
  const measure = measureOf(settings, lineIndex);
  const count = span.end - span.start + 1;
  const boxes = items.boxes.slice(span.start, span.end + 1);
  const gaps = items.gaps.slice(span.start, span.end);
  // Per box: blank removed at start and end; per gap: its width.
  const startCut = boxes.map((b, i) => (i === 0 ? lineStartTrim(b, lineIndex, settings) : 0));
  const endCut = boxes.map((b, i) => (i === count - 1 ? b.endBlankEm : 0));
  const gapWidth = gaps.map((g) => g.widthEm);
  const lastBox = boxes[count - 1] as Box;
  const hangEm = settings.hanging && lastBox.hangable ? lastBox.widthEm - lastBox.endBlankEm : 0;
  const target = measure + hangEm;
  const width = (): number =>
    boxes.reduce((sum, b, i) => sum + b.widthEm - (startCut[i] ?? 0) - (endCut[i] ?? 0), 0) +
    gapWidth.reduce((sum, w) => sum + w, 0);

  const natural = width();
  if (natural > target + 1e-9) {
    shrinkByPriority(boxes, gaps, startCut, endCut, gapWidth, natural - target);
  } else if (align === 'justify' && !isLast && natural < target - 1e-9) {
    stretch(gaps, gapWidth, target - natural);
  }
  const used = width();
  const justified = Math.abs(used - target) < 1e-9 && (align === 'justify' || used > measure);
  const offsetEm = justified ? 0 : alignOffset(align, measure - used);
  return {
    glyphs: placeGlyphs(boxes, gaps, startCut, endCut, gapWidth, offsetEm),
    offsetEm,
    widthEm: used,
    measureEm: measure,
    justified,
    hangEm,
  };
}

function alignOffset(align: Align, slack: number): number {
  if (slack <= 0) return 0;
  if (align === 'center') return slack / 2;
  if (align === 'right') return slack;
  return 0; // left, and the last line of a justified paragraph
}

/** Squeeze a pushed-in line, lowest priority number first, all candidates of a level equally. */
function shrinkByPriority(
  boxes: readonly Box[],
  gaps: readonly Gap[],
  startCut: number[],
  endCut: number[],
  gapWidth: number[],
  excess: number,
): void {
  const levels = new Map<number, Adjustable[]>();
  const add = (priority: number | undefined, item: Adjustable): void => {
    if (priority === undefined || item.amount <= 0) return;
    const list = levels.get(priority) ?? [];
    list.push(item);
    levels.set(priority, list);
  };
  gaps.forEach((g, i) => add(ShrinkPriority.wordSpace, { amount: g.widthEm - g.minEm, apply: (t) => (gapWidth[i] = (gapWidth[i] ?? 0) - t) }));
  boxes.forEach((b, i) => {
    if ((startCut[i] ?? 0) === 0) add(b.startPriority, { amount: b.startBlankEm, apply: (t) => (startCut[i] = t) });
    if ((endCut[i] ?? 0) === 0) add(b.endPriority, { amount: b.endBlankEm, apply: (t) => (endCut[i] = t) });
  });
  let remaining = excess;
  for (const priority of [...levels.keys()].sort((a, b) => a - b)) {
    if (remaining <= 1e-12) break;
    const list = levels.get(priority) ?? [];
    const total = list.reduce((sum, a) => sum + a.amount, 0);
    const fraction = Math.min(1, remaining / total);
    for (const a of list) a.apply(a.amount * fraction);
    remaining -= total * fraction;
  }
}

/** Spread a short line: word spaces up to their maximum, then all justifiable gaps equally. */
function stretch(gaps: readonly Gap[], gapWidth: number[], missing: number): void {
  let remaining = missing;
  const spaces = indicesWhere(gaps, (g) => g.maxEm > g.widthEm);
  const room = spaces.reduce((sum, i) => sum + roomOf(gaps[i] as Gap), 0);
  if (room > 0) {
    const fraction = Math.min(1, remaining / room);
    for (const i of spaces) gapWidth[i] = (gapWidth[i] ?? 0) + roomOf(gaps[i] as Gap) * fraction;
    remaining -= room * fraction;
  }
  if (remaining <= 1e-12) return;
  let justifiable = indicesWhere(gaps, (g) => g.justify === 'yes');
  if (justifiable.length === 0) justifiable = indicesWhere(gaps, (g) => g.justify === 'last-resort');
  if (justifiable.length === 0) return; // one unbreakable unit: left as it is
  const share = remaining / justifiable.length;
  for (const i of justifiable) gapWidth[i] = (gapWidth[i] ?? 0) + share;
}

/** How far a word space may still stretch. */
function roomOf(gap: Gap): number {
  return gap.maxEm - gap.widthEm;
}

function indicesWhere<T>(list: readonly T[], test: (item: T) => boolean): number[] {
  const indices: number[] = [];
  for (let i = 0; i < list.length; i += 1) if (test(list[i] as T)) indices.push(i);
  return indices;
}

function placeGlyphs(
  boxes: readonly Box[],
  gaps: readonly Gap[],
  startCut: readonly number[],
  endCut: readonly number[],
  gapWidth: readonly number[],
  offsetEm: number,
): PlacedGlyph[] {
  const placed: PlacedGlyph[] = [];
  let x = offsetEm;
  boxes.forEach((box, i) => {
    const origin = x + box.shiftEm - (startCut[i] ?? 0);
    for (const g of box.glyphs) placed.push({ id: g.id, offsetEm: g.offsetEm, advanceEm: g.advanceEm, text: g.text, xEm: origin + g.offsetEm });
    x += box.widthEm - (startCut[i] ?? 0) - (endCut[i] ?? 0);
    const gap = gaps[i];
    if (gap) {
      if (gap.glyph) placed.push({ ...gap.glyph, xEm: x });
      x += gapWidth[i] ?? 0;
    }
  });
  return placed;
}
