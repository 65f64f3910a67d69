/**
 * Character classes for Chinese composition (cjk-typography.md §1, clreq appendix A,
 * GB/T 15834 §5.1). Only this file and `zh-hans.ts` know what a character is.
 */

export type CharClass =
  /** 汉字, kana, hangul, full-width symbols set like ideographs (■) */
  | 'ideograph'
  /** opening brackets and quotes: blank on the start side, never end a line */
  | 'opening'
  /** closing brackets and quotes: blank on the end side, never start a line */
  | 'closing'
  /** ，、；： — pause marks (点号 inside a sentence): blank on the end side */
  | 'pause'
  /** 。．？！ — stop marks (句末点号): blank on the end side */
  | 'stop'
  /** — U+2014 (a single one is a connector, a pair is the 2-em 破折号) */
  | 'em-dash'
  /** … U+2026 and ⋯ U+22EF (a pair is the 2-em 省略号) */
  | 'ellipsis'
  /** 连接号: ～ 〜 – ‐ and a hyphen outside a Latin word */
  | 'connector'
  /** 间隔号: · ・ ‧ */
  | 'interpunct'
  /** 分隔号: ／ and a solidus outside a Latin word */
  | 'solidus'
  /** Latin letters and digits */
  | 'alnum'
  /** % ‰ ° ℃ … — never separated from the digit before */
  | 'postfix'
  /** ¥ $ £ € + − ± — never separated from the digit after */
  | 'prefix'
  /** Latin punctuation that joins a token when it stands between letters or digits: . , : ' - / & _ */
  | 'latin-inner'
  /** U+0020, U+00A0 */
  | 'space'
  /** U+3000 ideographic space (bylines) */
  | 'ideographic-space'
  /** U+202F narrow no-break space: digit grouping (GB/T 15835) */
  | 'digit-group-space'
  | 'other';

const OPENING = new Set('“‘（《〈「『【〔〖［｛〘〚'.split(''));
const CLOSING = new Set('”’）》〉」』】〕〗］｝〙〛'.split(''));
const PAUSE = new Set('，、；：'.split(''));
const STOP = new Set('。．？！‼⁇⁈⁉'.split(''));
const CONNECTOR = new Set('～〜–‐'.split(''));
const INTERPUNCT = new Set('·・‧'.split(''));
const SOLIDUS = new Set('／/'.split(''));
const POSTFIX = new Set('%％‰‱°℃℉′″'.split(''));
const PREFIX = new Set('¥￥$＄£€+−±№'.split(''));
const LATIN_INNER = new Set(".,:'-_&".split(''));

export function charClass(ch: string): CharClass {
  // Fast path for the common case: no set above holds a CJK Unified Ideograph.
  const unit = ch.charCodeAt(0);
  if (unit >= 0x4e00 && unit <= 0x9fff) return 'ideograph';
  if (OPENING.has(ch)) return 'opening';
  if (CLOSING.has(ch)) return 'closing';
  if (PAUSE.has(ch)) return 'pause';
  if (STOP.has(ch)) return 'stop';
  if (ch === '—' || ch === '⸺') return 'em-dash';
  if (ch === '…' || ch === '⋯') return 'ellipsis';
  if (CONNECTOR.has(ch)) return 'connector';
  if (INTERPUNCT.has(ch)) return 'interpunct';
  if (SOLIDUS.has(ch)) return 'solidus';
  if (POSTFIX.has(ch)) return 'postfix';
  if (PREFIX.has(ch)) return 'prefix';
  if (ch === ' ' || ch === '\u00a0') return 'space';
  if (ch === '\u3000') return 'ideographic-space';
  if (ch === '\u202f') return 'digit-group-space';
  if (LATIN_INNER.has(ch)) return 'latin-inner';
  const cp = ch.codePointAt(0) ?? 0;
  if (isAlnum(cp)) return 'alnum';
  if (isIdeographLike(cp)) return 'ideograph';
  return 'other';
}

function isAlnum(cp: number): boolean {
  return (
    (cp >= 0x30 && cp <= 0x39) ||
    (cp >= 0x41 && cp <= 0x5a) ||
    (cp >= 0x61 && cp <= 0x7a) ||
    (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7) || // Latin-1 and Extended letters
    (cp >= 0x370 && cp <= 0x3ff) // Greek
  );
}

/** Han ideographs and other characters that sit one per em square. */
function isIdeographLike(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK Unified Ideographs
    (cp >= 0x3400 && cp <= 0x4dbf) || // Extension A
    (cp >= 0x20000 && cp <= 0x3134f) || // Extensions B–G
    (cp >= 0xf900 && cp <= 0xfaff) || // Compatibility Ideographs
    (cp >= 0x3040 && cp <= 0x30ff) || // kana
    (cp >= 0x3005 && cp <= 0x3007) || // 々〆〇
    (cp >= 0xac00 && cp <= 0xd7af) || // Hangul
    (cp >= 0x2460 && cp <= 0x24ff) || // circled numbers
    (cp >= 0x25a0 && cp <= 0x25ff) || // geometric shapes: ■ □ ● ○ …
    (cp >= 0x2600 && cp <= 0x26ff) || // miscellaneous symbols ★ ☆
    (cp >= 0x3200 && cp <= 0x32ff) || // enclosed CJK
    (cp >= 0xff01 && cp <= 0xff60) // remaining full-width forms
  );
}

/** Whether a character belongs to CJK text (for normalisation and CJK–Latin spacing). */
export function isCjk(ch: string): boolean {
  const cls = charClass(ch);
  return (
    cls === 'ideograph' ||
    cls === 'opening' ||
    cls === 'closing' ||
    cls === 'pause' ||
    cls === 'stop' ||
    cls === 'ideographic-space' ||
    cls === 'ellipsis' ||
    cls === 'em-dash'
  );
}

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** The whole character at UTF-16 offset `i` (a surrogate pair is one character). */
export function charAt(text: string, i: number): string {
  return isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length ? text.slice(i, i + 2) : (text[i] as string);
}

/** Characters (code points) in `text`, as `[...text].length` counts them, without a string per character. */
export function codePointCount(text: string): number {
  let count = text.length;
  for (let i = 1; i < text.length; i += 1) {
    // A low surrogate after a high one is the second half of a character already counted.
    if (isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1))) count -= 1;
  }
  return count;
}

/** The whole character that ends at UTF-16 offset `i`, or undefined at the start. */
export function charBefore(text: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  return isLowSurrogate(text.charCodeAt(i - 1)) && i >= 2 ? text.slice(i - 2, i) : text[i - 1];
}

/** A variation selector (standardised or ideographic): it picks a variant of the character before it. */
export function isVariationSelector(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

/** Whether any character of the text is a variation selector. */
export function hasVariationSelector(text: string): boolean {
  for (const ch of text) if (isVariationSelector(ch)) return true;
  return false;
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function isLatinAlnum(ch: string | undefined): boolean {
  return ch !== undefined && charClass(ch) === 'alnum';
}

export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && charClass(ch) === 'ideograph';
}
