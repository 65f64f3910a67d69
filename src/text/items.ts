/**
 * Units + font → the numbers the breaker and justifier work on: boxes (what is drawn, with
 * the blanks that may be removed) and the gaps between them (break rule, space, stretch).
 * This is the only place where the Chinese rules and the font's metrics meet.
 */
import { charClass } from './classes.js';
import type { FontFace } from './font-face.js';
import {
  breakRule,
  countsForOrphan,
  fixedWidthEm,
  gapKind,
  isCompressibleMark,
  isJustifiableGap,
  markBlanks,
  splitUnits,
  WORD_SPACE,
  type KinsokuLevel,
  type ShrinkPriorityValue,
  type TextUnit,
} from './zh-hans.js';

/** A glyph inside a box, placed relative to the box origin. */
export interface BoxGlyph {
  readonly id: number;
  readonly offsetEm: number;
  readonly advanceEm: number;
  readonly text: string;
}

export interface Box {
  /** width after mandatory compression of adjacent marks */
  readonly widthEm: number;
  /** where the glyphs start relative to the box origin (negative once a start blank is gone) */
  readonly shiftEm: number;
  /** blank on the start side that may still be removed (line-start trim, shrinking) */
  readonly startBlankEm: number;
  readonly startPriority: ShrinkPriorityValue | undefined;
  /** blank on the end side: always removed at line end, optionally mid-line */
  readonly endBlankEm: number;
  readonly endPriority: ShrinkPriorityValue | undefined;
  /** counts as a character for the orphan rule (punctuation does not) */
  readonly content: boolean;
  /** a pause or stop mark that may hang past the measure when hanging is on */
  readonly hangable: boolean;
  readonly glyphs: readonly BoxGlyph[];
  /** UTF-16 range of the source text */
  readonly start: number;
  readonly end: number;
}

export type GapRule = 'allowed' | 'penalty' | 'forbidden' | 'emergency';

export interface Gap {
  readonly widthEm: number;
  /** a word space may shrink to this */
  readonly minEm: number;
  /** a word space may stretch to this before inter-character justification starts */
  readonly maxEm: number;
  readonly rule: GapRule;
  /**
   * inter-character justification: `yes` for ordinary gaps, `last-resort` around connectors
   * and the solidus (spread only when a line has no other gap), `never` inside a token
   */
  readonly justify: 'yes' | 'last-resort' | 'never';
  /** the gap was a space in the source: a phrase boundary for headlines and bylines */
  readonly fromSpace: boolean;
  /** a glyph drawn in the gap (the source space, so copied text keeps it) */
  readonly glyph: BoxGlyph | undefined;
}

export interface ItemList {
  readonly boxes: readonly Box[];
  /** gaps[i] lies between boxes[i] and boxes[i + 1] */
  readonly gaps: readonly Gap[];
}

export interface ItemSettings {
  readonly kinsoku: KinsokuLevel;
  readonly cjkLatinSpacingEm: number;
  /** UTF-16 ranges inside which no break is allowed unless nothing else fits (credits, jump lines) */
  readonly keepTogether: readonly (readonly [number, number])[];
}

export function buildItems(text: string, face: FontFace, settings: ItemSettings): ItemList {
  const { units, separators } = splitUnits(text);
  const boxes: Box[] = [];
  const boxUnits: TextUnit[] = [];
  const gaps: Gap[] = [];
  units.forEach((unit, index) => {
    if (index > 0) {
      const prev = units[index - 1] as TextUnit;
      gaps.push(gapBetween(prev, unit, separators[index - 1] ?? '', face, settings));
    }
    const unitBoxes = boxesOf(unit, face);
    unitBoxes.forEach((box, k) => {
      // A postfix unit never leaves its number, even in an emergency (38.5%).
      if (k > 0) gaps.push(isPostfix(box) ? INSIDE_TOKEN_NO_BREAK : INSIDE_TOKEN);
      boxes.push(box);
      boxUnits.push(unit);
    });
  });
  compressAdjacentMarks(boxes, gaps, boxUnits);
  return { boxes, gaps };
}

/** Inside a Latin token: no space, no justification, a break only when nothing else fits. */
const INSIDE_TOKEN: Gap = {
  widthEm: 0,
  minEm: 0,
  maxEm: 0,
  rule: 'emergency',
  justify: 'never',
  fromSpace: false,
  glyph: undefined,
};

const INSIDE_TOKEN_NO_BREAK: Gap = { ...INSIDE_TOKEN, rule: 'forbidden' };

function isPostfix(box: Box): boolean {
  const text = box.glyphs[0]?.text ?? '';
  return text.length > 0 && charClass(text[0] as string) === 'postfix';
}

function boxesOf(unit: TextUnit, face: FontFace): Box[] {
  const shaped = face.shape(unit.text);
  const end = unit.start + unit.text.length;
  if (unit.kind === 'latin') {
    // One box per glyph, so an over-long token can still be broken in an emergency.
    let textOffset = unit.start;
    return shaped.glyphs.map((g) => {
      const start = textOffset;
      textOffset += g.text.length;
      return plainBox([{ id: g.id, offsetEm: 0, advanceEm: g.advanceEm, text: g.text }], g.advanceEm, start, textOffset, true);
    });
  }
  const fixed = fixedWidthEm(unit);
  const glyphs = placeGlyphs(shaped.glyphs, fixed);
  const width = fixed ?? shaped.advanceEm;
  const blanks = markBlanks(unit, width);
  // One object literal of one shape for every box (no spreads: this runs once per character).
  return [
    {
      widthEm: width,
      shiftEm: 0,
      startBlankEm: blanks.startEm,
      startPriority: blanks.startPriority,
      endBlankEm: blanks.endEm,
      endPriority: blanks.endPriority,
      content: countsForOrphan(unit),
      hangable: unit.kind === 'pause' || (unit.kind === 'stop' && unit.text.length === 1),
      glyphs,
      start: unit.start,
      end,
    },
  ];
}

const naturallyPlaced = new WeakMap<readonly object[], readonly BoxGlyph[]>();

/**
 * Glyph offsets inside a box. A fixed-width unit spreads its glyphs over equal cells and
 * centres each glyph in its cell (the ½-em interpunct, the 1-em ？！ pair).
 */
function placeGlyphs(glyphs: readonly { id: number; advanceEm: number; text: string }[], fixedEm: number | undefined): readonly BoxGlyph[] {
  if (fixedEm === undefined) {
    // Glyphs set at their own advances depend on the shaped cluster only: place them once per cluster.
    let placed = naturallyPlaced.get(glyphs);
    if (!placed) {
      let x = 0;
      placed = glyphs.map((g) => {
        const glyph = { id: g.id, offsetEm: x, advanceEm: g.advanceEm, text: g.text };
        x += g.advanceEm;
        return glyph;
      });
      naturallyPlaced.set(glyphs, placed);
    }
    return placed;
  }
  const cell = fixedEm / glyphs.length;
  return glyphs.map((g, i) => ({
    id: g.id,
    // Marks wider than their cell (a 1-em ？ in a ½-em cell) keep their ink side, which is the start side in GB fonts.
    offsetEm: i * cell + Math.max(0, (cell - g.advanceEm) / 2),
    advanceEm: g.advanceEm,
    text: g.text,
  }));
}

function plainBox(glyphs: readonly BoxGlyph[], widthEm: number, start: number, end: number, content: boolean): Box {
  return {
    widthEm,
    shiftEm: 0,
    startBlankEm: 0,
    startPriority: undefined,
    endBlankEm: 0,
    endPriority: undefined,
    content,
    hangable: false,
    glyphs,
    start,
    end,
  };
}

function gapBetween(prev: TextUnit, next: TextUnit, separator: '' | ' ' | '\u3000', face: FontFace, settings: ItemSettings): Gap {
  const kind = gapKind(prev, next, separator);
  let rule: GapRule = breakRule(prev, next, settings.kinsoku);
  if (rule !== 'forbidden' && settings.keepTogether.length > 0 && insideKeptRange(next.start, settings.keepTogether)) rule = 'emergency';
  const justify = isJustifiableGap(prev, next) ? 'yes' : 'last-resort';
  // Most gaps (between two 汉字 or marks) are one of a few immutable values: share them.
  if (kind === 'none' && separator === '') return PLAIN_GAPS[rule][justify];
  const fromSpace = separator !== '';
  const glyph = separator === '' ? undefined : spaceGlyphOf(separator, face);
  switch (kind) {
    case 'autospace': {
      // Rigid by house default (cjk-typography.md §6): no shrink, no stretch of its own.
      const em = settings.cjkLatinSpacingEm;
      return { widthEm: em, minEm: em, maxEm: em, rule, justify, fromSpace, glyph: undefined };
    }
    case 'word-space':
      return { widthEm: WORD_SPACE.naturalEm, minEm: WORD_SPACE.minEm, maxEm: WORD_SPACE.maxEm, rule, justify, fromSpace, glyph };
    case 'ideographic-space':
      return { widthEm: 1, minEm: 1, maxEm: 1, rule, justify, fromSpace, glyph };
    case 'none':
      return { widthEm: 0, minEm: 0, maxEm: 0, rule, justify, fromSpace, glyph };
  }
}

/** Gaps of zero width with no source space, by break rule and justification. */
const PLAIN_GAPS: Readonly<Record<GapRule, Readonly<Record<Gap['justify'], Gap>>>> = (() => {
  const rules: GapRule[] = ['allowed', 'penalty', 'forbidden', 'emergency'];
  const plain = (rule: GapRule, justify: Gap['justify']): Gap =>
    Object.freeze({ widthEm: 0, minEm: 0, maxEm: 0, rule, justify, fromSpace: false, glyph: undefined });
  return Object.fromEntries(
    rules.map((rule) => [rule, { yes: plain(rule, 'yes'), 'last-resort': plain(rule, 'last-resort'), never: plain(rule, 'never') }]),
  ) as Record<GapRule, Record<Gap['justify'], Gap>>;
})();

function spaceGlyphOf(separator: ' ' | '\u3000', face: FontFace): BoxGlyph | undefined {
  const glyph = face.shape(separator).glyphs[0];
  return glyph ? { id: glyph.id, offsetEm: 0, advanceEm: glyph.advanceEm, text: separator } : undefined;
}

function insideKeptRange(offset: number, ranges: readonly (readonly [number, number])[]): boolean {
  return ranges.some(([from, to]) => offset > from && offset < to);
}

/**
 * Two adjacent full-width marks take 1.5 em, not 2 (clreq “adjustment of adjacent
 * punctuation marks”): remove the first mark's end blank, or else the second one's start blank.
 */
function compressAdjacentMarks(boxes: Box[], gaps: readonly Gap[], boxUnits: readonly TextUnit[]): void {
  for (let i = 0; i + 1 < boxes.length; i += 1) {
    const a = boxes[i] as Box;
    const b = boxes[i + 1] as Box;
    if ((gaps[i]?.widthEm ?? 0) !== 0) continue;
    if (!isCompressibleMark(boxUnits[i] as TextUnit) || !isCompressibleMark(boxUnits[i + 1] as TextUnit)) continue;
    if (a.endBlankEm > 0) {
      boxes[i] = { ...a, widthEm: a.widthEm - a.endBlankEm, endBlankEm: 0, endPriority: undefined };
    } else if (b.startBlankEm > 0) {
      boxes[i + 1] = {
        ...b,
        widthEm: b.widthEm - b.startBlankEm,
        shiftEm: b.shiftEm - b.startBlankEm,
        startBlankEm: 0,
        startPriority: undefined,
      };
    }
  }
}
