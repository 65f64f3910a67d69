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

/**
 * How one line is set: its offset and width, and every removal and stretch, indexed from the
 * span's first box. Glyph positions follow from it (placeGlyphs).
 */
interface LineFit {
  /** x of the line's first box from the start of the measure, in em */
  readonly offsetEm: number;
  /** width the line occupies, in em, from its first to its last box */
  readonly widthEm: number;
  /** true when the line was spread or squeezed to fill the measure exactly */
  readonly justified: boolean;
  /** blank removed from the start and from the end of each box */
  readonly startCut: readonly number[];
  readonly endCut: readonly number[];
  /** width of each gap inside the line, after shrinking or stretching */
  readonly gapWidth: readonly number[];
}

/** Shrink priorities in the order they give way, word spaces first. */
const SHRINK_ORDER = [...new Set(Object.values(ShrinkPriority))].sort((a, b) => a - b);

export function justifyLine(
  items: ItemList,
  span: LineSpan,
  lineIndex: number,
  isLast: boolean,
  align: Align,
  settings: BreakSettings,
): LineFit {
  const measure = measureOf(settings, lineIndex);
  const count = span.end - span.start + 1;
  const first = items.boxes[span.start] as Box;
  const lastBox = items.boxes[span.end] as Box;
  // Plain arrays: a typed array costs far more to allocate than a short line is long.
  const startCut = zeros(count);
  const endCut = zeros(count);
  const gapWidth = zeros(count - 1);
  startCut[0] = lineStartTrim(first, lineIndex, settings);
  endCut[count - 1] = lastBox.endBlankEm;
  for (let k = 0; k < count - 1; k += 1) gapWidth[k] = (items.gaps[span.start + k] as Gap).widthEm;
  const hangEm = settings.hanging && lastBox.hangable ? lastBox.widthEm - lastBox.endBlankEm : 0;
  const target = measure + hangEm;
  const fit = { startCut, endCut, gapWidth };

  const natural = lineWidth(items, span, fit);
  if (natural > target + 1e-9) {
    shrinkByPriority(items, span, fit, natural - target);
  } else if (align === 'justify' && !isLast && natural < target - 1e-9) {
    stretch(items, span, gapWidth, target - natural);
  }
  const used = lineWidth(items, span, fit);
  const justified = Math.abs(used - target) < 1e-9 && (align === 'justify' || used > measure + 1e-9);
  const offsetEm = justified ? 0 : alignOffset(align, measure - used);
  return { offsetEm, widthEm: used, justified, startCut, endCut, gapWidth };
}

/** The line's removals and gap widths while they are being adjusted. */
interface Cuts {
  readonly startCut: number[];
  readonly endCut: number[];
  readonly gapWidth: number[];
}

function zeros(length: number): number[] {
  return new Array<number>(length).fill(0);
}

function lineWidth(items: ItemList, span: LineSpan, fit: Readonly<Cuts>): number {
  let width = 0;
  for (let k = 0; k <= span.end - span.start; k += 1) {
    width += (items.boxes[span.start + k] as Box).widthEm - (fit.startCut[k] ?? 0) - (fit.endCut[k] ?? 0);
  }
  for (const w of fit.gapWidth) width += w;
  return width;
}

function alignOffset(align: Align, slack: number): number {
  if (slack <= 0) return 0;
  if (align === 'center') return slack / 2;
  if (align === 'right') return slack;
  return 0; // left, and the last line of a justified paragraph
}

/**
 * Squeeze a pushed-in line, lowest priority number first, all candidates of a level equally.
 * A blank already removed (line-start trim, line-end blank) is not a candidate.
 */
function shrinkByPriority(items: ItemList, span: LineSpan, fit: Cuts, excess: number): void {
  const count = span.end - span.start + 1;
  // Before shrinking, only the line's first start and last end can have been removed already.
  const firstTrimmed = fit.startCut[0] !== 0;
  const lastTrimmed = fit.endCut[count - 1] !== 0;
  let remaining = excess;
  for (const priority of SHRINK_ORDER) {
    if (remaining <= 1e-12) break;
    let total = 0;
    for (let k = 0; k < count; k += 1) {
      const box = items.boxes[span.start + k] as Box;
      total += startRoom(box, k === 0 && firstTrimmed, priority) + endRoom(box, k === count - 1 && lastTrimmed, priority);
      if (k < count - 1) total += spaceRoom(items.gaps[span.start + k] as Gap, priority);
    }
    if (total <= 0) continue;
    const fraction = Math.min(1, remaining / total);
    for (let k = 0; k < count; k += 1) {
      const box = items.boxes[span.start + k] as Box;
      const start = startRoom(box, k === 0 && firstTrimmed, priority);
      const end = endRoom(box, k === count - 1 && lastTrimmed, priority);
      if (start > 0) fit.startCut[k] = start * fraction;
      if (end > 0) fit.endCut[k] = end * fraction;
      if (k < count - 1) fit.gapWidth[k] = (fit.gapWidth[k] ?? 0) - spaceRoom(items.gaps[span.start + k] as Gap, priority) * fraction;
    }
    remaining -= total * fraction;
  }
}

/** What a box's start blank gives at this priority level. */
function startRoom(box: Box, taken: boolean, priority: number): number {
  return !taken && box.startPriority === priority ? box.startBlankEm : 0;
}

function endRoom(box: Box, taken: boolean, priority: number): number {
  return !taken && box.endPriority === priority ? box.endBlankEm : 0;
}

/** What a word space gives: down to its minimum, at the word-space level only. */
function spaceRoom(gap: Gap, priority: number): number {
  return priority === ShrinkPriority.wordSpace ? Math.max(0, gap.widthEm - gap.minEm) : 0;
}

/** Spread a short line: word spaces up to their maximum, then all justifiable gaps equally. */
function stretch(items: ItemList, span: LineSpan, gapWidth: number[], missing: number): void {
  const gapAt = (k: number): Gap => items.gaps[span.start + k] as Gap;
  const gapCount = gapWidth.length;
  let remaining = missing;
  let room = 0;
  for (let k = 0; k < gapCount; k += 1) room += Math.max(0, gapAt(k).maxEm - gapAt(k).widthEm);
  if (room > 0) {
    const fraction = Math.min(1, remaining / room);
    for (let k = 0; k < gapCount; k += 1) gapWidth[k] = (gapWidth[k] ?? 0) + Math.max(0, gapAt(k).maxEm - gapAt(k).widthEm) * fraction;
    remaining -= room * fraction;
  }
  if (remaining <= 1e-12) return;
  const justifiable = (level: Gap['justify']): number => {
    let n = 0;
    for (let k = 0; k < gapCount; k += 1) if (gapAt(k).justify === level) n += 1;
    return n;
  };
  const level: Gap['justify'] = justifiable('yes') > 0 ? 'yes' : 'last-resort';
  const shares = justifiable(level);
  if (shares === 0) return; // one unbreakable unit: left as it is
  for (let k = 0; k < gapCount; k += 1) if (gapAt(k).justify === level) gapWidth[k] = (gapWidth[k] ?? 0) + remaining / shares;
}

/**
 * Each glyph of a justified line with its pen position from the start of the measure, in em;
 * `place` turns it into the caller's glyph (one object per glyph, made once).
 */
export function placeGlyphs<T>(items: ItemList, span: LineSpan, fit: LineFit, place: (glyph: BoxGlyph, xEm: number) => T): T[] {
  const placed: T[] = [];
  let x = fit.offsetEm;
  for (let k = 0; k <= span.end - span.start; k += 1) {
    const box = items.boxes[span.start + k] as Box;
    const startCut = fit.startCut[k] ?? 0;
    const origin = x + box.shiftEm - startCut;
    for (const g of box.glyphs) placed.push(place(g, origin + g.offsetEm));
    x += box.widthEm - startCut - (fit.endCut[k] ?? 0);
    if (k < span.end - span.start) {
      const gap = items.gaps[span.start + k] as Gap;
      if (gap.glyph) placed.push(place(gap.glyph, x));
      x += fit.gapWidth[k] ?? 0;
    }
  }
  return placed;
}
