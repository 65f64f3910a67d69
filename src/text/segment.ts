/**
 * Body text → paragraphs (manifest.md “Body text”): a blank line separates paragraphs, a line
 * starting with `## ` is an in-body subhead, single line breaks inside a paragraph are joined
 * (without a space between Chinese characters, with one between Latin words).
 */
import { charAt, charBefore, isCjk } from './classes.js';
import { normalizeText } from './normalize.js';

type ParagraphKind = 'body' | 'subhead';

export interface Paragraph {
  readonly kind: ParagraphKind;
  /** normalised text */
  readonly text: string;
  /** 0-based line of the paragraph's first line within the body text */
  readonly lineOffset: number;
}

/** The mark of an in-body subhead line (`## 标题`), on a trimmed line. */
const SUBHEAD_MARK = /^##\s+/;

const segmented = new WeakMap<{ readonly body: string }, readonly Paragraph[]>();

/** An article's body paragraphs, segmented (and normalised) once however many stages ask: glyph coverage, then layout. */
export function paragraphsOf(article: { readonly body: string }): readonly Paragraph[] {
  let paragraphs = segmented.get(article);
  if (!paragraphs) {
    paragraphs = segmentBody(article.body);
    segmented.set(article, paragraphs);
  }
  return paragraphs;
}

export function segmentBody(body: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let pending: string[] = [];
  let pendingLine = 0;
  const flush = (): void => {
    if (pending.length === 0) return;
    const text = normalizeText(joinSoftBreaks(pending));
    if (text.length > 0) paragraphs.push({ kind: 'body', text, lineOffset: pendingLine });
    pending = [];
  };
  body.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '') {
      flush();
    } else if (SUBHEAD_MARK.test(trimmed)) {
      flush();
      paragraphs.push({ kind: 'subhead', text: normalizeText(trimmed.replace(SUBHEAD_MARK, '')), lineOffset: index });
    } else {
      if (pending.length === 0) pendingLine = index;
      pending.push(trimmed);
    }
  });
  flush();
  return paragraphs;
}

/** Join copy-paste line breaks: Chinese needs no space there (Typst #792), Latin needs one. */
export function joinSoftBreaks(lines: readonly string[]): string {
  return lines.reduce((joined, line) => {
    if (joined === '') return line;
    // Whole characters: a line may end or start with a supplementary-plane 汉字 (𠀀).
    const before = charBefore(joined, joined.length) ?? '';
    const after = charAt(line, 0);
    return isCjk(before) || isCjk(after) ? joined + line : `${joined} ${line}`;
  }, '');
}
