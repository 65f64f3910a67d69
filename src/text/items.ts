/**
 * Units + font → the numbers the breaker and justifier work on: boxes (what is drawn, with
 * the blanks that may be removed) and the gaps between them (break rule, space, stretch).
 * This is the only place where the Chinese rules and the font's metrics meet.
 */
import type { ClusterGlyph, FontFace } from './font-face.js';
import {
  breakRule,
  countsForOrphan,
  fixedWidthEm,
  gapKind,
  isCompressibleMark,
  isJustifiableGap,
  markBlanks,
  mayHang,
  nestingOf,
  splitUnits,
  staysWithNumber,
  WORD_SPACE,
  type KinsokuLevel,
  type ShrinkPriorityValue,
  type TextUnit,
  type UnitKind,
} from './zh-hans.js';

/** A glyph inside a box, placed relative to the box origin. */
export interface BoxGlyph {
  readonly id: number;
  readonly offsetEm: number;
  readonly advanceEm: number;
  readonly text: string;
  /** as in ClusterGlyph; always present, so that every box glyph has one shape */
  readonly fallback: string | undefined;
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
  /** +1 opens a quotation, title or bracket, −1 closes one (nestingOf) */
  readonly nesting: -1 | 0 | 1;
  readonly glyphs: readonly BoxGlyph[];
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
  /** Boxes are shared between every occurrence of a unit in a face: never mutate one. */
  readonly boxes: readonly Box[];
  /** gaps[i] lies between boxes[i] and boxes[i + 1] */
  readonly gaps: readonly Gap[];
  /** UTF-16 range of each box in the source text: textStart[i] to textEnd[i] */
  readonly textStart: readonly number[];
  readonly textEnd: readonly number[];
}

interface ItemSettings {
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
  const textStart: number[] = [];
  const textEnd: number[] = [];
  const cache = boxCacheOf(face);
  for (let index = 0; index < units.length; index += 1) {
    const unit = units[index] as TextUnit;
    if (index > 0) gaps.push(gapBetween(units[index - 1] as TextUnit, unit, separators[index - 1] ?? '', face, settings));
    if (unit.kind === 'latin') {
      // One box per glyph, so an over-long token can still be broken in an emergency.
      let offset = unit.start;
      face.shape(unit.text).glyphs.forEach((g, k) => {
        const box = latinBox(g);
        // A postfix unit never leaves its number, even in an emergency (38.5%).
        if (k > 0) gaps.push(staysWithNumber(g.text) ? INSIDE_TOKEN_NO_BREAK : INSIDE_TOKEN);
        boxes.push(box);
        boxUnits.push(unit);
        textStart.push(offset);
        offset += g.text.length;
        textEnd.push(offset);
      });
    } else {
      boxes.push(unitBox(unit, face, cache));
      boxUnits.push(unit);
      textStart.push(unit.start);
      textEnd.push(unit.start + unit.text.length);
    }
  }
  compressAdjacentMarks(boxes, gaps, boxUnits);
  return { boxes, gaps, textStart, textEnd };
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

/** One glyph of a Latin token: no blanks, counts as content. */
function latinBox(g: ClusterGlyph): Box {
  return {
    widthEm: g.advanceEm,
    shiftEm: 0,
    startBlankEm: 0,
    startPriority: undefined,
    endBlankEm: 0,
    endPriority: undefined,
    content: true,
    hangable: false,
    nesting: 0,
    glyphs: [{ id: g.id, offsetEm: 0, advanceEm: g.advanceEm, text: g.text, fallback: g.fallback }],
  };
}

/**
 * Boxes by face and unit: a paragraph is mostly repeats of a few thousand 汉字 and marks.
 * A unit of one BMP character is looked up by its code unit (an array index, no string hashing),
 * any other by its text. Outside Latin tokens a unit's kind follows from its text; the kind is
 * kept to make sure.
 */
interface CachedBox {
  readonly kind: UnitKind;
  readonly box: Box;
}
interface BoxCache {
  readonly byCodeUnit: (CachedBox | undefined)[];
  readonly byText: Map<string, CachedBox>;
}
const sharedBoxes = new WeakMap<FontFace, BoxCache>();

function boxCacheOf(face: FontFace): BoxCache {
  let cache = sharedBoxes.get(face);
  if (!cache) {
    cache = { byCodeUnit: new Array<CachedBox | undefined>(0x10000), byText: new Map() };
    sharedBoxes.set(face, cache);
  }
  return cache;
}

/** The box of one 汉字, mark, dash pair or other single unit: made once per face, then shared. */
function unitBox(unit: TextUnit, face: FontFace, cache: BoxCache): Box {
  const codeUnit = unit.text.length === 1 ? unit.text.charCodeAt(0) : -1;
  const cached = codeUnit >= 0 ? cache.byCodeUnit[codeUnit] : cache.byText.get(unit.text);
  if (cached?.kind === unit.kind) return cached.box;
  const entry = { kind: unit.kind, box: Object.freeze(boxOf(unit, face)) };
  if (codeUnit >= 0) cache.byCodeUnit[codeUnit] = entry;
  else cache.byText.set(unit.text, entry);
  return entry.box;
}

function boxOf(unit: TextUnit, face: FontFace): Box {
  const shaped = face.shape(unit.text);
  const fixed = fixedWidthEm(unit);
  const width = fixed ?? shaped.advanceEm;
  const blanks = markBlanks(unit, width);
  return {
    widthEm: width,
    shiftEm: 0,
    startBlankEm: blanks.startEm,
    startPriority: blanks.startPriority,
    endBlankEm: blanks.endEm,
    endPriority: blanks.endPriority,
    content: countsForOrphan(unit),
    hangable: mayHang(unit),
    nesting: nestingOf(unit),
    glyphs: glyphsInBox(shaped.glyphs, fixed),
  };
}

/**
 * Glyph offsets inside a box: at their own advances, or, for a fixed-width unit, spread over
 * equal cells with each glyph centred in its cell (the ½-em interpunct, the 1-em ？！ pair).
 */
function glyphsInBox(glyphs: readonly ClusterGlyph[], fixedEm: number | undefined): readonly BoxGlyph[] {
  const cell = fixedEm === undefined ? 0 : fixedEm / glyphs.length;
  let x = 0;
  return glyphs.map((g, i) => {
    // Marks wider than their cell (a 1-em ？ in a ½-em cell) keep their ink side, which is the start side in GB fonts.
    const offsetEm = fixedEm === undefined ? x : i * cell + Math.max(0, (cell - g.advanceEm) / 2);
    x += g.advanceEm;
    return { id: g.id, offsetEm, advanceEm: g.advanceEm, text: g.text, fallback: g.fallback };
  });
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
const PLAIN_GAPS: Readonly<Record<GapRule, Readonly<Record<Gap['justify'], Gap>>>> = {
  allowed: plainGaps('allowed'),
  penalty: plainGaps('penalty'),
  forbidden: plainGaps('forbidden'),
  emergency: plainGaps('emergency'),
};

function plainGaps(rule: GapRule): Readonly<Record<Gap['justify'], Gap>> {
  const plain = (justify: Gap['justify']): Gap => Object.freeze({ widthEm: 0, minEm: 0, maxEm: 0, rule, justify, fromSpace: false, glyph: undefined });
  return { yes: plain('yes'), 'last-resort': plain('last-resort'), never: plain('never') };
}

function spaceGlyphOf(separator: ' ' | '\u3000', face: FontFace): BoxGlyph | undefined {
  const glyph = face.shape(separator).glyphs[0];
  return glyph ? { id: glyph.id, offsetEm: 0, advanceEm: glyph.advanceEm, text: separator, fallback: glyph.fallback } : undefined;
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
    if (a.endBlankEm === 0 && b.startBlankEm === 0) continue; // nothing to take away (汉字 beside 汉字)
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
