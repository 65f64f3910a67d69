/**
 * The rules of Simplified-Chinese composition, as tables and small pure functions:
 * what forms an unbreakable unit (inseparable sequences), where a line may break (禁则),
 * how much blank a punctuation mark carries and when it may be removed (标点挤压), and the
 * spacing between 汉字 and Latin. Sources: cjk-typography.md §1–§6 (clreq, GB/T 15834,
 * GB/T 15835). The line breaker and justifier never look at characters; they get numbers.
 */
import { charAt, charClass, isDigit, isLatinAlnum, isVariationSelector, type CharClass } from './classes.js';

export type KinsokuLevel = 'basic' | 'gb' | 'strict';

export type UnitKind =
  | 'han'
  | 'opening'
  | 'closing'
  | 'pause'
  | 'stop'
  | 'dash'
  | 'ellipsis'
  | 'connector'
  | 'interpunct'
  | 'solidus'
  | 'latin'
  | 'other';

/** An unbreakable unit of text: one 汉字, one mark, a 2-em dash or ellipsis, a Latin token. */
export interface TextUnit {
  readonly text: string;
  readonly kind: UnitKind;
  /** UTF-16 offset of the unit in the paragraph */
  readonly start: number;
}

/** What stood between two units in the source: nothing, a word space or an ideographic space. */
type Separator = '' | ' ' | '\u3000';

interface UnitSequence {
  readonly units: readonly TextUnit[];
  /** separators[i] stands between units[i] and units[i + 1] */
  readonly separators: readonly Separator[];
}

type BreakRule = 'allowed' | 'penalty' | 'forbidden';

/** Shrink priority of an adjustable blank (clreq §“inter-character spacing reduction”); lower goes first. */
export const ShrinkPriority = {
  wordSpace: 2,
  bracket: 4,
  pause: 5,
  stop: 7,
} as const;
export type ShrinkPriorityValue = (typeof ShrinkPriority)[keyof typeof ShrinkPriority];

const MAGNITUDES = new Set('十百千万亿兆'.split(''));
const STACKABLE = new Set('？！'.split(''));
/** Pause marks that may be compressed mid-line; the colon keeps its width (clreq). */
const COMPRESSIBLE_PAUSE = new Set('，、；'.split(''));

/**
 * Split a paragraph into units. Inseparable sequences (cjk-typography.md §2) become one unit:
 * `——` and `……` pairs, stacked ？！, and Latin tokens (words, numbers with their separators,
 * prefix signs and postfix units: `COVID-19`, `38.5%`, `¥100`, `1 000`).
 */
export function splitUnits(text: string): UnitSequence {
  // Walks UTF-16 offsets: every mark, digit and letter that forms a multi-character unit is in
  // the BMP, so only the single-character path has to step over surrogate pairs.
  const units: TextUnit[] = [];
  const separators: Separator[] = [];
  let pending: Separator = '';
  let i = 0;
  const push = (end: number, kind: UnitKind, unitText = text.slice(i, end)): void => {
    if (units.length > 0) separators.push(pending);
    pending = '';
    units.push({ text: unitText, kind, start: i });
    i = end;
  };
  while (i < text.length) {
    const ch = charAt(text, i);
    const last = units[units.length - 1];
    if (last && pending === '' && isVariationSelector(ch)) {
      // A variation selector belongs to the character before it: one unit, shaped together.
      units[units.length - 1] = { ...last, text: last.text + ch };
      i += ch.length;
      continue;
    }
    const cls = charClass(ch);
    if (cls === 'ideograph') {
      push(i + ch.length, 'han', ch); // the common case: a 汉字 is a unit of its own
      continue;
    }
    if (cls === 'space' || cls === 'ideographic-space') {
      // A run of spaces is one separator; an ideographic space wins (bylines).
      if (pending !== '\u3000') pending = cls === 'space' ? ' ' : '\u3000';
      i += 1;
      continue;
    }
    if (cls === 'em-dash' || cls === 'ellipsis') {
      const run = runLength(text, i, (c) => charClass(c) === cls);
      // Pairs are one 2-em unit; runs of pairs may break between pairs (clreq).
      const kind: UnitKind = cls === 'em-dash' ? 'dash' : 'ellipsis';
      push(i + (run >= 2 ? 2 : 1), run >= 2 ? kind : cls === 'em-dash' ? 'connector' : 'ellipsis');
      continue;
    }
    if (STACKABLE.has(ch)) {
      const run = runLength(text, i, (c) => STACKABLE.has(c));
      push(i + Math.min(run, 2), 'stop');
      continue;
    }
    const tokenEnd = latinTokenEnd(text, i, cls);
    if (tokenEnd > i) {
      push(tokenEnd, 'latin');
      continue;
    }
    push(i + ch.length, unitKindOf(ch, cls), ch);
  }
  return { units, separators };
}

function isLetter(ch: string | undefined): boolean {
  return isLatinAlnum(ch) && !isDigit(ch);
}

/** How many BMP characters from `from` on pass the test. */
function runLength(text: string, from: number, test: (c: string) => boolean): number {
  let n = 0;
  while (from + n < text.length && test(text[from + n] as string)) n += 1;
  return n;
}

/** End (exclusive) of a Latin token starting at `i`, or `i` when none starts there. */
function latinTokenEnd(text: string, i: number, firstCls: CharClass): number {
  let j = i;
  if (firstCls === 'prefix' && isDigit(text[i + 1])) j = i + 1;
  else if (firstCls !== 'alnum') return i;
  while (j < text.length) {
    const c = text[j] as string;
    const cls = charClass(c);
    const prev = text[j - 1];
    const next = text[j + 1];
    if (cls === 'alnum') {
      j += 1;
    } else if ((cls === 'latin-inner' || c === '/') && isLatinAlnum(prev) && isLatinAlnum(next)) {
      j += 1; // internal punctuation: COVID-19, GB/T, 3.5, 10:30, 1,000
    } else if (c === '’' && isLetter(prev) && isLetter(next)) {
      j += 1; // an apostrophe: don’t (between anything else, ’ is a closing quote)
    } else if (cls === 'digit-group-space' && isDigit(prev) && isDigit(next)) {
      j += 1; // 1 000 with U+202F (GB/T 15835)
    } else if (cls === 'postfix' && isDigit(prev)) {
      j += 1; // 38.5%  30℃
    } else {
      break;
    }
  }
  return j;
}

function unitKindOf(ch: string, cls: CharClass): UnitKind {
  switch (cls) {
    case 'ideograph':
      return 'han';
    case 'opening':
    case 'closing':
    case 'pause':
    case 'stop':
    case 'connector':
    case 'interpunct':
    case 'solidus':
      return cls;
    case 'latin-inner':
      // A hyphen outside a word is a connector; other Latin marks close like ASCII punctuation.
      return ch === '-' ? 'connector' : ch === "'" || ch === '&' || ch === '_' ? 'other' : 'closing';
    default:
      return asciiBracketKind(ch) ?? 'other';
  }
}

function asciiBracketKind(ch: string): UnitKind | undefined {
  if ('([{<'.includes(ch)) return 'opening';
  if (')]}>!?;"'.includes(ch)) return 'closing';
  return undefined;
}

/** The mark that opens a byline (■ 本报记者 皮磊, ideographic spaces between); never the last thing on a line. */
export const BYLINE_MARK = '■';

/** Units that may never start a line, at every level. */
const LINE_START_PROHIBITED: ReadonlySet<UnitKind> = new Set(['closing', 'pause', 'stop', 'connector', 'interpunct', 'solidus']);

/**
 * May a line break between two units? (clreq “prohibition rules”, cjk-typography.md §2.)
 * Line-start prohibited: closing brackets, pause and stop marks, connectors, interpuncts,
 * solidus; at the strict level also —— and ……. Line-end prohibited: opening brackets, the
 * byline mark ■; at GB level also the solidus. Penalised (house): `1.9万`, `2019—2030`.
 */
export function breakRule(prev: TextUnit, next: TextUnit, level: KinsokuLevel): BreakRule {
  if (LINE_START_PROHIBITED.has(next.kind)) return 'forbidden';
  if (level === 'strict' && (next.kind === 'dash' || next.kind === 'ellipsis')) return 'forbidden';
  if (prev.kind === 'opening') return 'forbidden';
  if (prev.kind === 'solidus' && level !== 'basic') return 'forbidden';
  if (prev.text === BYLINE_MARK) return 'forbidden';
  if (prev.kind === 'latin' && isDigit(lastChar(prev.text)) && MAGNITUDES.has(next.text)) return 'penalty';
  if (prev.kind === 'connector' && next.kind === 'latin' && isDigit(next.text[0])) return 'penalty';
  return 'allowed';
}

function lastChar(s: string): string | undefined {
  return s[s.length - 1];
}

/** Adjustable blanks of a full-width mark (GB style: 点号 and closers blank on the end side). */
interface MarkBlanks {
  /** blank that may go on the start side, in em */
  readonly startEm: number;
  readonly startPriority: ShrinkPriorityValue | undefined;
  readonly endEm: number;
  /** priority for optional mid-line shrinking; undefined = only mandatory removals */
  readonly endPriority: ShrinkPriorityValue | undefined;
}

const NO_BLANKS: MarkBlanks = { startEm: 0, startPriority: undefined, endEm: 0, endPriority: undefined };

/**
 * The blank half of a full-width mark (cjk-typography.md §4). `advanceEm` is the mark's
 * natural width; a full-width mark (1 em) has a ½-em blank, a half-width one none.
 */
export function markBlanks(unit: TextUnit, advanceEm: number): MarkBlanks {
  const blank = Math.max(0, advanceEm - 0.5);
  if (blank === 0) return NO_BLANKS;
  switch (unit.kind) {
    case 'opening':
      return { startEm: blank, startPriority: ShrinkPriority.bracket, endEm: 0, endPriority: undefined };
    case 'closing':
      return { startEm: 0, startPriority: undefined, endEm: blank, endPriority: ShrinkPriority.bracket };
    case 'pause':
      return {
        startEm: 0,
        startPriority: undefined,
        endEm: blank,
        endPriority: COMPRESSIBLE_PAUSE.has(unit.text) ? ShrinkPriority.pause : undefined,
      };
    case 'stop':
      // A stacked ？！ pair is already set in one em: nothing left to remove.
      if (isStackedStop(unit)) return NO_BLANKS;
      return { startEm: 0, startPriority: undefined, endEm: blank, endPriority: ShrinkPriority.stop };
    default:
      return NO_BLANKS;
  }
}

/** Whether a unit is a full-width mark that takes part in adjacent-mark compression. */
export function isCompressibleMark(unit: TextUnit): boolean {
  return unit.kind === 'opening' || unit.kind === 'closing' || unit.kind === 'pause' || unit.kind === 'stop';
}

/**
 * Fixed width a mark is set in regardless of its glyph (GB/T 15834 §5.1): the interpunct
 * takes ½ em, a stacked ？！ pair 1 em. Undefined: the glyph's own advance.
 */
export function fixedWidthEm(unit: TextUnit): number | undefined {
  if (unit.kind === 'interpunct') return 0.5;
  if (isStackedStop(unit)) return 1;
  return undefined;
}

/** Space between two units (cjk-typography.md §6): CJK–Latin autospace, word spaces. */
type GapKind = 'none' | 'autospace' | 'word-space' | 'ideographic-space';

export function gapKind(prev: TextUnit, next: TextUnit, separator: Separator): GapKind {
  if (separator === '\u3000') return 'ideographic-space';
  const mixed =
    (prev.kind === 'han' && next.kind === 'latin') || (prev.kind === 'latin' && next.kind === 'han');
  if (mixed) return 'autospace';
  if (separator === ' ') return 'word-space';
  return 'none';
}

/**
 * Whether inter-character justification may add space in this gap. Not around connectors and
 * solidus (clreq “inter-character space expansion”), never inside a unit.
 */
export function isJustifiableGap(prev: TextUnit, next: TextUnit): boolean {
  return !isRigid(prev) && !isRigid(next);
}

function isRigid(unit: TextUnit): boolean {
  return unit.kind === 'connector' || unit.kind === 'solidus';
}

/** Whether a headline may break after this text at a phrase boundary: after a pause or stop mark, or a 2-em dash. */
export function endsPhrase(text: string): boolean {
  const last = text.at(-1);
  if (last === undefined) return false;
  const cls = charClass(last);
  return cls === 'pause' || cls === 'stop' || cls === 'em-dash';
}

/** A postfix sign inside a Latin token (`38.5%`, `30℃`): never separated from its number. */
export function staysWithNumber(glyphText: string): boolean {
  return glyphText.length > 0 && charClass(glyphText[0] as string) === 'postfix';
}

/**
 * How a unit changes the nesting of quotations, titles and brackets (“…” 《…》 （…）): +1 for an
 * opening mark, −1 for a closing one. A Latin word's apostrophe (don’t) closes nothing.
 */
export function nestingOf(unit: TextUnit): -1 | 0 | 1 {
  if (unit.kind === 'latin') return 0;
  const cls = charClass(unit.text[0] ?? '');
  return cls === 'opening' ? 1 : cls === 'closing' ? -1 : 0;
}

/** A ？！ pair stacked into one unit (GB/T 15834): set in one em, no blank to remove, never hung. */
function isStackedStop(unit: TextUnit): boolean {
  return unit.kind === 'stop' && STACKABLE.has(unit.text[0] ?? '') && STACKABLE.has(unit.text[1] ?? '');
}

/** Marks that may hang past the measure when hanging punctuation is on: pause marks and a single stop mark. */
export function mayHang(unit: TextUnit): boolean {
  return unit.kind === 'pause' || (unit.kind === 'stop' && !isStackedStop(unit));
}

/** Units that count as content for the orphan rule (孤字): punctuation does not. */
export function countsForOrphan(unit: TextUnit): boolean {
  return unit.kind === 'han' || unit.kind === 'latin' || unit.kind === 'other';
}

/**
 * Fixed spaces at their typographic widths (em): the digit-group space of `1 000` (GB/T 15835:
 * ¼ em) and a thin space. A font without their glyphs draws them with its word space at this width.
 */
export const FIXED_SPACE_WIDTHS: ReadonlyMap<string, number> = new Map([
  ['\u202f', 0.25],
  ['\u2009', 0.2],
]);

/** Word spaces in em: natural, and the bounds of shrinking and stretching (clreq §5). */
export const WORD_SPACE = { naturalEm: 1 / 3, minEm: 0.25, maxEm: 0.5 } as const;
