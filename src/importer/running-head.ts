/**
 * The running head of a page, when the extraction kept it: `公益时报 2024年4月2日 星期二 第14期
 * 社会工作`. Each part is read only if it is there; the rebuilt page prints them again in its own
 * running head, so they leave the text.
 */
import { isRealIsoDate } from '../manifest/schema.js';
import type { PageHead } from './types.js';

const CHINESE_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;
const ISO_DATE = /(\d{4})-(\d{1,2})-(\d{1,2})/u;
const ISSUE_LABEL = /第\s*\d+\s*期(?:\s*[（(]?总第\s*\d+\s*期[)）]?)?/u;
/** Parts the rebuilt page prints by itself: weekday and folio. */
const WEEKDAY = /星期[一二三四五六日天]|周[一二三四五六日]/u;
const FOLIO = /第\s*[A-Z]?\d+\s*版/u;
const MAX_RUNNING_HEAD_CHARS = 60;

/** A running head names a real date; anything else on the line is publication and section. */
export function parseRunningHead(line: string): PageHead | undefined {
  if (Array.from(line).length > MAX_RUNNING_HEAD_CHARS) return undefined;
  const dateMatch = CHINESE_DATE.exec(line) ?? ISO_DATE.exec(line);
  const date = dateMatch ? isoDate(dateMatch) : undefined;
  if (!dateMatch || date === undefined) return undefined;
  const issue = ISSUE_LABEL.exec(line)?.[0].replace(/\s+/gu, '');
  const before = line.slice(0, dateMatch.index).replace(ISSUE_LABEL, ' ');
  const after = line.slice(dateMatch.index + dateMatch[0].length).replace(ISSUE_LABEL, ' ');
  const words = (s: string): string[] =>
    s
      .replace(WEEKDAY, ' ')
      .replace(FOLIO, ' ')
      .split(/[\s\u3000|｜·]+/u)
      .filter((w) => w !== '');
  const publication = words(before).join(' ');
  const section = words(after).join(' ');
  return {
    date,
    ...(publication === '' ? {} : { publication }),
    ...(issue === undefined ? {} : { issue }),
    ...(section === '' ? {} : { section }),
  };
}

function isoDate(match: RegExpExecArray): string | undefined {
  const [, y, m, d] = match;
  const iso = `${y}-${(m ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`;
  return isRealIsoDate(iso) ? iso : undefined;
}
