/**
 * Each line of the page → what it is. Credits and captions are recognised by their marks; a
 * heading by its shape *and* by its place, because a short line cut off by a column break has
 * the same shape: a heading opens the page, follows a source credit (alone or run on), a
 * caption or another heading, stands after a frame gap, precedes a byline, or has a headline's
 * display form.
 */
import { parseByline, parseEditorCredit, splitPhotoCredit, splitSourceCredit } from './credits.js';
import { charCount, hasHeadlineForm, isEcho, looksLikeHeading } from './headings.js';
import type { PageLine } from './page-lines.js';
import { endsSentence } from './punctuation.js';
import { parseRunningHead } from './running-head.js';
import type { PageHead, PhotoCaption } from './types.js';

export type ClassifiedLine =
  | { readonly kind: 'running-head'; readonly head: PageHead }
  | { readonly kind: 'editor'; readonly editor: string }
  | { readonly kind: 'byline'; readonly byline: string }
  | { readonly kind: 'source'; readonly source: string }
  | { readonly kind: 'caption'; readonly caption: PhotoCaption }
  | { readonly kind: 'heading'; readonly text: string; readonly level: number }
  | { readonly kind: 'body'; readonly text: string; readonly source?: string };

/** A running head is only looked for among the first lines of the page. */
const RUNNING_HEAD_LINES = 2;
/** A caption set in a frame of its own is a line or two, not an article. */
const MAX_CAPTION_CHARS = 80;
const HEADING_NEIGHBOURS = new Set<ClassifiedLine['kind']>(['running-head', 'editor', 'source', 'caption', 'heading']);

export function classifyLines(lines: readonly PageLine[]): ClassifiedLine[] {
  const out: ClassifiedLine[] = [];
  lines.forEach((line, index) => {
    out.push(classifyLine(line, lines[index + 1], out[out.length - 1], index));
  });
  return out;
}

function classifyLine(line: PageLine, next: PageLine | undefined, previous: ClassifiedLine | undefined, index: number): ClassifiedLine {
  const { text } = line;
  const head = index < RUNNING_HEAD_LINES && line.headingLevel === 0 ? parseRunningHead(text) : undefined;
  if (head) return { kind: 'running-head', head };
  const editor = parseEditorCredit(text);
  if (editor !== undefined) return { kind: 'editor', editor };
  const byline = parseByline(text);
  if (byline !== undefined) return { kind: 'byline', byline };
  const credited = splitSourceCredit(text);
  if (credited.source !== undefined) {
    // A source credit closes a story's running text, never a heading.
    return credited.text === '' ? { kind: 'source', source: credited.source } : { kind: 'body', text: credited.text, source: credited.source };
  }
  const photo = splitPhotoCredit(text);
  if (photo) return { kind: 'caption', caption: photo };
  if (line.headingLevel === 0 && isFramedCaption(line, next)) return { kind: 'caption', caption: { text } };
  if (line.headingLevel > 0 || (looksLikeHeading(text) && hasHeadingPlace(line, next, previous))) {
    return { kind: 'heading', text, level: line.headingLevel };
  }
  return { kind: 'body', text };
}

/**
 * A caption without a credit is known by its frame: a short unfinished line set apart by a gap,
 * with the page's end or another gap after it, or repeating the headline that follows it.
 * A framed line followed by running text is a headline frame instead.
 */
function isFramedCaption(line: PageLine, next: PageLine | undefined): boolean {
  if (!line.gapBefore || endsSentence(line.text) || charCount(line.text) > MAX_CAPTION_CHARS) return false;
  if (next === undefined) return true;
  if (isEcho(line.text, next.text)) return true;
  return next.gapBefore && looksLikeHeading(next.text);
}

function hasHeadingPlace(line: PageLine, next: PageLine | undefined, previous: ClassifiedLine | undefined): boolean {
  return (
    previous === undefined ||
    HEADING_NEIGHBOURS.has(previous.kind) ||
    (previous.kind === 'body' && previous.source !== undefined) ||
    line.gapBefore ||
    (next !== undefined && parseByline(next.text) !== undefined) ||
    hasHeadlineForm(line.text)
  );
}
