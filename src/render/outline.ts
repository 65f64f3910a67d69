/// <reference types="pdfkit" />
/**
 * Bookmarks for readers: one per page (第3版), under it one per article, landing at the top of
 * the article. Call right after the page is added: pdfkit files the items under the current page.
 */
import type { PageFrame } from '../layout/frames.js';
import { pageLabel } from '../text/furniture-words.js';

interface OutlineItem {
  addItem(title: string, options?: { expanded?: boolean }): OutlineItem;
  /** the item's dictionary before pdfkit writes it at `end()` */
  outlineData: Record<string, unknown>;
}

export function addPageOutline(doc: PDFKit.PDFDocument, page: PageFrame, offsetPt: number): void {
  const internals = doc as unknown as { outline: OutlineItem; page: { dictionary: unknown; height: number } };
  const pageItem = internals.outline.addItem(pageLabel(page.number), { expanded: true });
  for (const bookmark of page.bookmarks) {
    const article = pageItem.addItem(bookmark.title);
    // pdfkit's own XYZ destination measures `left` from the right edge; write it ourselves.
    // PDF y grows upwards from the bottom of the MediaBox; null zoom keeps the reader's zoom.
    const top = internals.page.height - offsetPt - bookmark.y;
    article.outlineData.Dest = [internals.page.dictionary, 'XYZ', 0, top, null];
  }
}
