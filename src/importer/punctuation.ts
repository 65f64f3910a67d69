/**
 * What the punctuation of a line says about it. Extracted pages keep half-width `,:()` where
 * print had full-width marks, so every test accepts both forms.
 */
import { charClass } from '../text/classes.js';

/** Marks that end a sentence when they end a line (after any closing quotes or brackets). */
const SENTENCE_END = new Set('。．.!！?？:：;；…'.split(''));
/** Pause marks that a headline never uses outside quotes: it sets a space instead. */
const CLAUSE_MARKS = new Set(',，、;；'.split(''));
const PAIRS: Readonly<Record<string, string>> = {
  '“': '”',
  '‘': '’',
  '《': '》',
  '（': '）',
  '(': ')',
  '「': '」',
  '『': '』',
  '【': '】',
};
const CLOSERS = new Set(Object.values(PAIRS));

/** The line ends a sentence: a paragraph can end here; otherwise a column break cut it. */
export function endsSentence(text: string): boolean {
  const chars = Array.from(text.trimEnd());
  // Closing quotes and brackets after the mark: full-width ones, and the extraction's ASCII `)`.
  const closes = (c: string): boolean => CLOSERS.has(c) || charClass(c) === 'closing';
  while (chars.length > 0 && closes(chars[chars.length - 1] as string)) chars.pop();
  return SENTENCE_END.has(chars[chars.length - 1] ?? '');
}

/** Every quote and bracket is closed, in order. */
export function isBalanced(text: string): boolean {
  return depthProfile(text) !== undefined;
}

/** A `,` `、` or `;` outside quotes and brackets: running text, not a headline. */
export function hasClauseMarkOutsideQuotes(text: string): boolean {
  const depths = depthProfile(text);
  if (depths === undefined) return false;
  return Array.from(text).some((c, i) => CLAUSE_MARKS.has(c) && depths[i] === 0);
}

/** The whole line is one quotation: “…” (a slogan set as a kicker). */
export function isWhollyQuoted(text: string): boolean {
  const chars = Array.from(text);
  if (chars[0] !== '“' || chars[chars.length - 1] !== '”') return false;
  const depths = depthProfile(text);
  // The opening quote closes only at the very end: no depth-0 character in between.
  return depths !== undefined && depths.slice(1, -1).every((d) => d > 0);
}

/**
 * The nesting depth before each character (a closer counts as inside), or undefined when a
 * closer has no opener or an opener is never closed.
 */
function depthProfile(text: string): number[] | undefined {
  const open: string[] = [];
  const depths: number[] = [];
  for (const c of text) {
    if (PAIRS[c] !== undefined) {
      depths.push(open.length);
      open.push(PAIRS[c]);
    } else if (CLOSERS.has(c)) {
      if (open.pop() !== c) return undefined;
      depths.push(open.length + 1);
    } else {
      depths.push(open.length);
    }
  }
  return open.length === 0 ? depths : undefined;
}
