/**
 * Line breaking on numbers: boxes, gaps, measures. First fit with compression (挤进 before
 * 推出, clreq “line adjustment”): a line takes as many units as fit once its adjustable blanks
 * are squeezed; when the next unit may not start a line, the previous one is carried down with
 * it. Then the last line is checked for a lone character (孤字) and fixed by carrying one more
 * unit down (clreq “adjustments of orphans”). No text, font or language here.
 */
import type { Box, Gap, GapRule, ItemList } from './items.js';

export type BreakMode = 'push-in-first' | 'push-out-only';

export interface BreakSettings {
  /** measure of the first line (after its indent), in em */
  readonly firstMeasureEm: number;
  /** measure of every other line, in em */
  readonly measureEm: number;
  readonly mode: BreakMode;
  /** let a pause or stop mark hang past the measure (off for newspapers) */
  readonly hanging: boolean;
  /** an opening bracket loses its start blank on a continuation line */
  readonly trimLineStart: boolean;
  /** display text (headlines, bylines): phrase breaks and balanced lines (display-break.ts) */
  readonly preferSpaceBreaks: boolean;
  /** carry a unit down so the last line holds at least two characters */
  readonly avoidOrphans: boolean;
}

/** How a line had to be broken when the rules left no room. */
export type ForcedBreak = 'none' | 'inside-token' | 'kinsoku' | 'overfull';

export interface LineSpan {
  /** first box */
  readonly start: number;
  /** last box, inclusive */
  readonly end: number;
  readonly forced: ForcedBreak;
}

const EPSILON = 1e-9;
/** A penalised break is avoided when an earlier break leaves the line at most this loose. */
const PENALTY_SLACK_EM = 2;

export function measureOf(settings: BreakSettings, lineIndex: number): number {
  return lineIndex === 0 ? settings.firstMeasureEm : settings.measureEm;
}

/** Start blank removed when the box opens line `lineIndex`. */
export function lineStartTrim(box: Box, lineIndex: number, settings: Pick<BreakSettings, 'trimLineStart'>): number {
  return settings.trimLineStart && lineIndex > 0 ? box.startBlankEm : 0;
}

/** The lines of first fit: each takes as many units as fit. */
export function firstFitLines(items: ItemList, settings: BreakSettings): LineSpan[] {
  return breakFrom(items, settings, 0, 0);
}

function breakFrom(items: ItemList, settings: BreakSettings, firstBox: number, firstLine: number): LineSpan[] {
  const lines: LineSpan[] = [];
  let start = firstBox;
  while (start < items.boxes.length) {
    const span = nextLine(items, settings, start, firstLine + lines.length);
    lines.push(span);
    start = span.end + 1;
  }
  return lines;
}

/** Where a line may break without bending a rule. */
export const REGULAR_BREAKS: ReadonlySet<GapRule> = new Set<GapRule>(['allowed', 'penalty']);

/**
 * Ever more permissive passes when a line finds no break: squeeze even in push-out mode
 * (better than breaking a rule), break inside a Latin token, and at last break a 禁则.
 */
const PASSES: readonly { allowed: ReadonlySet<GapRule>; squeeze: boolean; forced: ForcedBreak }[] = [
  { allowed: REGULAR_BREAKS, squeeze: false, forced: 'none' },
  { allowed: REGULAR_BREAKS, squeeze: true, forced: 'none' },
  { allowed: new Set<GapRule>(['allowed', 'penalty', 'emergency']), squeeze: true, forced: 'inside-token' },
  { allowed: new Set<GapRule>(['allowed', 'penalty', 'emergency', 'forbidden']), squeeze: true, forced: 'kinsoku' },
];

function nextLine(items: ItemList, settings: BreakSettings, start: number, lineIndex: number): LineSpan {
  for (const pass of PASSES) {
    const end = furthestFit(items, settings, start, lineIndex, pass.allowed, pass.squeeze ? 'push-in-first' : settings.mode);
    if (end !== undefined) return { start, end, forced: pass.forced };
  }
  return { start, end: start, forced: 'overfull' };
}

/** The last box a line starting at `start` can end with, or undefined when none fits. */
export function furthestFit(
  items: ItemList,
  settings: BreakSettings,
  start: number,
  lineIndex: number,
  allowed: ReadonlySet<GapRule>,
  mode: BreakMode = settings.mode,
): number | undefined {
  const { boxes, gaps } = items;
  const measure = measureOf(settings, lineIndex);
  const last = boxes.length - 1;
  let natural = -lineStartTrim(boxes[start] as Box, lineIndex, settings);
  let shrink = 0;
  let lowerBound = natural;
  let best: number | undefined;
  let bestUnpenalised: number | undefined;
  let bestUnpenalisedWidth = 0;
  let previousEndShrink = 0;
  for (let e = start; e <= last; e += 1) {
    const box = boxes[e] as Box;
    // The end blank of a box that is not last on the line may be squeezed mid-line.
    shrink += previousEndShrink;
    previousEndShrink = box.endPriority !== undefined ? box.endBlankEm : 0;
    if (e > start) {
      const gap = gaps[e - 1] as Gap;
      natural += gap.widthEm;
      shrink += gap.widthEm - gap.minEm;
      lowerBound += gap.minEm;
    }
    natural += box.widthEm;
    if (box.startPriority !== undefined && !(e === start && lineIndex > 0 && settings.trimLineStart)) shrink += box.startBlankEm;
    lowerBound += box.widthEm - box.endBlankEm - (box.startPriority !== undefined ? box.startBlankEm : 0);
    const hang = settings.hanging && box.hangable ? box.widthEm - box.endBlankEm : 0;
    if (lowerBound - 1 > measure + EPSILON) break; // nothing further can fit
    const rule: GapRule = e === last ? 'allowed' : (gaps[e] as Gap).rule;
    if (!allowed.has(rule)) continue;
    const width = natural - box.endBlankEm - hang;
    const squeezable = mode === 'push-in-first' ? shrink : 0;
    if (width - squeezable > measure + EPSILON) continue;
    best = e;
    if (rule !== 'penalty') {
      bestUnpenalised = e;
      bestUnpenalisedWidth = width;
    }
  }
  if (best === undefined) return undefined;
  if (best === last) return best;
  const bestRule = (gaps[best] as Gap).rule;
  if (bestRule === 'penalty' && bestUnpenalised !== undefined && measure - bestUnpenalisedWidth <= PENALTY_SLACK_EM) {
    return bestUnpenalised;
  }
  return best;
}

/** 孤字: the last line must hold at least two characters; carry units down until it does. */
export function withoutOrphan(items: ItemList, settings: BreakSettings, lines: LineSpan[]): LineSpan[] {
  let result = lines;
  for (let attempt = 0; attempt < 3 && result.length >= 2; attempt += 1) {
    const lastLine = result[result.length - 1] as LineSpan;
    if (contentCount(items, lastLine) >= 2) break;
    const prev = result[result.length - 2] as LineSpan;
    const earlier = previousBreak(items, prev);
    if (earlier === undefined) break;
    const prevIndex = result.length - 2;
    const shortened: LineSpan = { start: prev.start, end: earlier, forced: prev.forced };
    result = [...result.slice(0, prevIndex), shortened, ...breakFrom(items, settings, earlier + 1, prevIndex + 1)];
  }
  return result;
}

function contentCount(items: ItemList, line: LineSpan): number {
  let n = 0;
  for (let i = line.start; i <= line.end; i += 1) if ((items.boxes[i] as Box).content) n += 1;
  return n;
}

/**
 * The latest regular break inside a line that still leaves a content box on it; an
 * unpenalised break is preferred (`1.9万` stays together when the line allows).
 */
function previousBreak(items: ItemList, line: LineSpan): number | undefined {
  // The line keeps a content box only for breaks at or after its first one.
  let firstContent = line.start;
  while (firstContent <= line.end && !(items.boxes[firstContent] as Box).content) firstContent += 1;
  let penalised: number | undefined;
  for (let e = line.end - 1; e >= firstContent; e -= 1) {
    const rule = (items.gaps[e] as Gap).rule;
    if (rule === 'allowed') return e;
    if (rule === 'penalty') penalised ??= e;
  }
  return penalised;
}
