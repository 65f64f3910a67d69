/**
 * The shape of a heading line (引题 / 主题 / 副题 / 小标题) as this kind of page sets it: no
 * sentence end, no pause marks outside quotes (a headline sets a space between its phrases
 * instead of a comma), balanced quotes, and short.
 */
import { endsSentence, hasClauseMarkOutsideQuotes, isBalanced } from './punctuation.js';

/** The longest heading on the seed pages is 50 characters; running text cut short can be any length. */
const MAX_HEADING_CHARS = 64;
/** In-body subheads are short; a longer heading inside a running story starts a new one. */
export const MAX_SUBHEAD_CHARS = 20;

/** Could be a heading: it is not a sentence, nor a piece of one that a column break cut off. */
export function looksLikeHeading(text: string): boolean {
  return (
    charCount(text) <= MAX_HEADING_CHARS && !endsSentence(text) && isBalanced(text) && !hasClauseMarkOutsideQuotes(text)
  );
}

/** `…高质量发展 广州市黄埔区…`: two phrases set apart by a space, as only display lines are. */
function hasPhraseSpace(text: string): boolean {
  return /[\p{Script=Han}”’》)）][ \u3000]+[\p{Script=Han}“‘《(（]/u.test(text);
}

/** `安徽凤阳:探索…`, `福建: 推动…`: a place or topic label and a colon, the form of a news headline. */
export function isLabelledHeadline(text: string): boolean {
  return /^[\p{Script=Han}]{2,8}[:：]/u.test(text);
}

/** Display form: a phrase space or a label, what tells a heading from a short cut-off line. */
export function hasHeadlineForm(text: string): boolean {
  return hasPhraseSpace(text) || isLabelledHeadline(text);
}

/** The same words, spaces aside: a caption that repeats the headline below it. */
export function isEcho(text: string, other: string): boolean {
  return compact(text) === compact(other);
}

export function charCount(text: string): number {
  return Array.from(compact(text)).length;
}

function compact(text: string): string {
  return text.replace(/[\s\u3000]+/gu, '');
}
