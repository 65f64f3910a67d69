/**
 * The credit lines of a page: the byline (■ 本报记者 …), the source credit after a story's last
 * paragraph (（据…）), the photo credit after a caption (（新华社记者 龚雯/摄）) and the page
 * editor's credit. Values are returned without the marks the template puts back.
 */
import { BYLINE_MARK } from '../text/zh-hans.js';
import { endsSentence } from './punctuation.js';

const BYLINE = new RegExp(`^${BYLINE_MARK}[\\s\\u3000]*(\\S.*)$`, 'u');
/** A bracketed credit at the end of a line: `(据…)` or `（据…）`, nothing after it. */
const TRAILING_BRACKETS = /[（(]([^（）()]+)[)）]$/u;
const SOURCE_CREDIT = /^据\S/u;
/** What a photo credit says: …摄, …摄影, …供图, 图片来源:…, 图/…, 资料图片. */
const PHOTO_CREDIT = /(?:摄|摄影|供图)$|^图片来源|^图[/／:：]|^资料图片?$/u;
const EDITOR_CREDIT = /^(?:本版编辑|责任编辑|本版责编|责编)(?:[:：\s\u3000]+)\S/u;

/** `■ 本报记者 皮磊` → `本报记者 皮磊`. */
export function parseByline(line: string): string | undefined {
  return BYLINE.exec(line)?.[1]?.trim();
}

/**
 * A source credit that ends the line: the whole line (`(据东南网)`), or run on after the last
 * sentence of a paragraph (`…品质。(据凤阳县民政局)`).
 */
export function splitSourceCredit(line: string): { text: string; source?: string } {
  const match = TRAILING_BRACKETS.exec(line);
  const inner = match?.[1]?.trim();
  if (!match || inner === undefined || !SOURCE_CREDIT.test(inner)) return { text: line };
  const text = line.slice(0, match.index).trimEnd();
  // A credit follows a finished sentence; `(据…)` cut mid-sentence is part of the text.
  if (text !== '' && !endsSentence(text)) return { text: line };
  return { text, source: inner };
}

/** `caption(新华社记者 龚雯/摄)` → caption and credit; undefined when the line has no photo credit. */
export function splitPhotoCredit(line: string): { text: string; credit: string } | undefined {
  const match = TRAILING_BRACKETS.exec(line);
  const inner = match?.[1]?.trim();
  if (!match || inner === undefined || !PHOTO_CREDIT.test(inner)) return undefined;
  const text = line.slice(0, match.index).trimEnd();
  return text === '' ? undefined : { text, credit: inner };
}

/** `本版编辑 王琳` — the page editor's credit, kept whole as the manifest's `editor`. */
export function parseEditorCredit(line: string): string | undefined {
  return EDITOR_CREDIT.test(line) && Array.from(line).length <= 30 ? line : undefined;
}
