/**
 * Source normalisation before composition (cjk-typography.md §6): the desk's copy comes
 * from Word, web pages and extracted PDFs, with half-width punctuation, stray spaces and
 * full-width Latin. Each rule is a small string → string step; URLs and e-mail addresses
 * are left alone.
 */
import { charBefore, charClass, isCjk, isDigit, isHan, isLatinAlnum } from './classes.js';
import { BYLINE_MARK } from './zh-hans.js';

const PROTECTED = /(?:https?:\/\/|www\.)[^\s\u3000-\u303f\uff00-\uffef]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Normalise one paragraph (or headline, caption…) of source text. */
export function normalizeText(text: string): string {
  const parts: string[] = [];
  let last = 0;
  const source = text.normalize('NFC').replace(/^[\s\u3000]+/, '').replace(/[\s\u3000]+$/, '');
  // Whether the paragraph is Chinese at all decides some steps for every part of it.
  const hasCjk = containsHan(source);
  for (const match of source.matchAll(PROTECTED)) {
    parts.push(normalizePlain(source.slice(last, match.index), hasCjk));
    parts.push(match[0]);
    last = match.index + match[0].length;
  }
  parts.push(normalizePlain(source.slice(last), hasCjk));
  return parts.join('');
}

/** A byline keeps its words apart with ideographic spaces (cjk-typography.md §8). */
export function normalizeByline(text: string): string {
  return normalizeText(text).replace(/[ \u00a0\u3000]+/g, '\u3000');
}

/** Each step with the characters it acts on: a step is skipped when its text has none of them. */
const STEPS: readonly (readonly [RegExp, (s: string, hasCjk: boolean) => string])[] = [
  [/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/, fullWidthAlnumToAscii],
  [/[.。…]/, ellipses],
  [/[-—~]/, dashes],
  [/[()]/, parentheses],
  [/["']/, quotes],
  [/[,.;:?!]/, pointMarks],
  [/[ \u00a0\u3000]/, spaces],
];

function normalizePlain(text: string, hasCjk: boolean): string {
  return STEPS.reduce((s, [acts, step]) => (acts.test(s) ? step(s, hasCjk) : s), text);
}

function containsHan(text: string): boolean {
  for (const c of text) if (isHan(c)) return true;
  return false;
}

/** Ａ–Ｚ ａ–ｚ ０–９ → ASCII (clreq: avoid full-width Latin). Punctuation is never NFKC-ed. */
function fullWidthAlnumToAscii(s: string): string {
  return s.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** `...`, `。。。` and a lone `…` become the 2-em 省略号 `……`. */
function ellipses(s: string): string {
  return s
    .replace(/\.{3,}|。{3,}/g, '……')
    .replace(/…+/g, (run) => (run.length % 2 === 1 ? `${run}…` : run));
}

/** `--` and a lone `—` between 汉字 become the 2-em 破折号; year ranges get the 一字线; `~` between digits the 浪纹线. */
function dashes(s: string): string {
  return s
    .replace(/(?<=[^\d\s-])-{2,}(?=[^\d\s-])/g, (m, offset: number) => (isCjkAround(s, offset, m.length) ? '——' : m))
    .replace(/(?<!—)—(?!—)/g, (m, offset: number) => (isCjkAround(s, offset, 1) ? '——' : m))
    .replace(/(\d{4})\s*-\s*(\d{4})(?=\s*年)/g, '$1—$2')
    .replace(/(\d)\s*~\s*(\d)/g, '$1～$2');
}

function isCjkAround(s: string, offset: number, length: number): boolean {
  const before = s[offset - 1];
  const after = s[offset + length];
  return (isCjk(before ?? '') || isCjk(after ?? '')) && !isDigit(before) && !isDigit(after);
}

/** `( … )` becomes `（ … ）` as a pair when the content or a neighbour is Chinese. */
function parentheses(s: string): string {
  const chars = Array.from(s);
  const open: number[] = [];
  for (let i = 0; i < chars.length; i += 1) {
    if (chars[i] === '(') open.push(i);
    else if (chars[i] === ')' && open.length > 0) {
      const from = open.pop() as number;
      const inner = chars.slice(from + 1, i);
      const chinese = inner.some((c) => isCjk(c)) || isCjk(chars[from - 1] ?? '') || isCjk(chars[i + 1] ?? '');
      if (chinese) {
        chars[from] = '（';
        chars[i] = '）';
      }
    }
  }
  return chars.join('');
}

/** Straight quotes in Chinese text become curly ones, alternating open and close. */
function quotes(s: string, hasCjk: boolean): string {
  if (!hasCjk) return s;
  let double = 0;
  let single = 0;
  const chars = Array.from(s);
  return chars
    .map((c, i) => {
      if (c === '"') return double++ % 2 === 0 ? '“' : '”';
      if (c === "'" && (isCjk(chars[i - 1] ?? '') || isCjk(chars[i + 1] ?? ''))) return single++ % 2 === 0 ? '‘' : '’';
      return c;
    })
    .join('');
}

const FULL_WIDTH_POINT: Readonly<Record<string, string>> = { ',': '，', '.': '。', ';': '；', ':': '：', '?': '？', '!': '！' };

/**
 * `, . ; : ? !` after Chinese (or after a number or word set inside Chinese text) become
 * full-width, unless a Latin letter or digit follows one that is not Chinese (`3.5`, `1,000`, `10:30`).
 */
function pointMarks(s: string, hasCjk: boolean): string {
  return s.replace(/[,.;:?!]/g, (c: string, i: number) => {
    // `3.5`, `1,000`, `10:30`, `e.g` stay; `有力,3月` does not: its left side is Chinese.
    if (isLatinAlnum(s[i + 1]) && !isCjk(charBefore(s, i) ?? '')) return c;
    return followsChinese(s, i, hasCjk) ? (FULL_WIDTH_POINT[c] ?? c) : c;
  });
}

function followsChinese(s: string, i: number, hasCjk: boolean): boolean {
  let j = i;
  while (charBefore(s, j) === ' ' || charBefore(s, j) === '\u00a0') j -= 1;
  const prev = charBefore(s, j);
  if (prev === undefined) return false;
  if (isCjk(prev)) return true; // 汉字 and full-width marks, closing ones included
  // The end of a number or word inside Chinese text: look back past the token.
  const cls = charClass(prev);
  if (cls !== 'alnum' && cls !== 'postfix') return false;
  for (let c: string | undefined = prev; c !== undefined; c = charBefore(s, j)) {
    const k = charClass(c);
    if (k === 'alnum' || k === 'postfix' || k === 'latin-inner' || k === 'prefix' || k === 'digit-group-space' || c === '/' || c === ' ') {
      j -= c.length;
      continue;
    }
    return isCjk(c);
  }
  return hasCjk;
}

/**
 * Spaces between Chinese and Latin or digits, and next to full-width punctuation, are
 * deleted (the composer adds its own ¼-em spacing); a space between digits is a digit-group
 * no-break space (GB/T 15835).
 */
function spaces(s: string): string {
  const chars = Array.from(s);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += 1) {
    const c = chars[i] as string;
    if (c !== ' ' && c !== '\u00a0' && c !== '\u3000') {
      out.push(c);
      continue;
    }
    let end = i;
    while (end + 1 < chars.length && /[ \u00a0\u3000]/.test(chars[end + 1] as string)) end += 1;
    const before = out[out.length - 1];
    const after = chars[end + 1];
    if (isDigit(before) && isDigit(after)) out.push('\u202f');
    else if (before === undefined || after === undefined) {
      /* leading or trailing space: dropped */
    } else if (isHan(before) && isHan(after)) {
      out.push('\u3000'); // a phrase space between 汉字 (slogans, headlines) is an ideographic space
    } else if (isCjk(before) || isCjk(after)) {
      /* next to Chinese or full-width punctuation: the composer spaces it */
    } else out.push(c === '\u3000' ? ' ' : c);
    i = end;
  }
  return out.join('');
}

/** A headline as set: normalised, without a final 。 (cjk-typography.md §8). */
export function normalizeHeadline(text: string): string {
  return normalizeText(text).replace(/。$/u, '');
}

/** A byline as set at the head of the body: the mark, an ideographic space, the normalised byline. */
export function bylineAsSet(byline: string): string {
  return `${BYLINE_MARK}\u3000${normalizeByline(byline)}`;
}

/** A source credit as set after the last paragraph: `据新华社` or `（据新华社）` → `（据新华社）`. */
export function sourceCredit(source: string): string {
  return `（${normalizeText(source).replace(/^[（(]|[）)]$/gu, '')}）`;
}

/**
 * Each field of an article and its photos as the composer sets it: layout sets these, and glyph
 * coverage checks them, from this one table. A photo credit keeps its words apart with ideographic
 * spaces, like a byline.
 */
export const FIELD_AS_SET = {
  kicker: normalizeText,
  headline: normalizeHeadline,
  subhead: normalizeText,
  byline: bylineAsSet,
  source: sourceCredit,
  caption: normalizeText,
  credit: normalizeByline,
} as const satisfies Record<string, (text: string) => string>;
