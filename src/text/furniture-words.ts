/**
 * The words Banmian adds to a page, and the furniture's text as it is set: the running head, the
 * folio, the page editor's credit, the slug label and the jump lines. Layout sets them
 * (layout/furniture.ts, layout/pages.ts) and glyph coverage checks them, from this one source.
 */
import type { Issue, Page } from '../manifest/types.js';
import { normalizeByline, normalizeText } from './normalize.js';

/** A page's name in the paper: 第3版. The composer spaces its digits where it sets it; bookmarks show it plain. */
export function pageLabel(pageNumber: number): string {
  return `第${pageNumber}版`;
}

/** `2024-11-28` → `2024年11月28日` */
function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map((s) => Number.parseInt(s, 10));
  return `${y}年${m}月${d}日`;
}

/** What a page's furniture says. The running head's two sides are set in its style, the slug in the folio's. */
export interface FurnitureTexts {
  /** running head, inner side: publication and section */
  readonly masthead: string;
  /** running head, outer side: date and issue */
  readonly dateline: string;
  readonly folio: string;
  readonly pageEditor?: string;
  readonly slug: string;
}

/** The words of page `pageNumber`'s furniture, normalised as they are set. */
export function furnitureTexts(issue: Issue, page: Page, pageNumber: number): FurnitureTexts {
  const publication = normalizeText(issue.publication);
  const issueLabel = normalizeText(issue.issue);
  const label = pageLabel(pageNumber);
  const inner = [publication, ...(page.section ? [normalizeText(page.section)] : [])].join('\u3000');
  return {
    masthead: inner,
    dateline: `${chineseDate(issue.date)}\u3000${issueLabel}`,
    folio: label,
    ...(page.editor ? { pageEditor: normalizeByline(page.editor) } : {}),
    slug: [publication, issueLabel, issue.date, label].join('\u3000'),
  };
}

/** The jump lines of an article continued from page `page` on page `target`: at the break, and above the rest. */
export function jumpLineTexts(page: number, target: number): { readonly forward: string; readonly back: string } {
  return { forward: `（下转${pageLabel(target)}）`, back: `（上接${pageLabel(page)}）` };
}
