/** Checks across fields of a manifest that has the right shape: ids, jumps, empty pages. */

import type { Problem } from './problems.js';
import type { ManifestData } from './schema.js';
import { plural } from '../report/plural.js';

export function crossCheckManifest(manifest: ManifestData): Problem[] {
  const problems: Problem[] = [];
  const pageCount = manifest.pages.length;
  if (pageCount === 0) {
    problems.push({ code: 'no-pages', path: ['pages'], message: 'the issue has no pages', hint: 'add at least one page with `- articles:` under `pages:`' });
  }

  const firstUseOfId = new Map<string, number>();
  manifest.pages.forEach((page, pageIndex) => {
    const pageNumber = pageIndex + 1;
    if (page.articles.length === 0) {
      problems.push({
        code: 'empty-page',
        path: ['pages', pageIndex, 'articles'],
        message: `page ${pageNumber} has no articles`,
        hint: 'add an article or remove the page',
      });
    }
    page.articles.forEach((article, articleIndex) => {
      const at = ['pages', pageIndex, 'articles', articleIndex] as const;
      if (article.id !== undefined && article.id !== null) {
        const first = firstUseOfId.get(article.id);
        if (first !== undefined) {
          problems.push({
            code: 'duplicate-id',
            path: [...at, 'id'],
            message: `article id "${article.id}" is already used on page ${first}`,
            hint: 'give every article its own id',
          });
        } else {
          firstUseOfId.set(article.id, pageNumber);
        }
      }
      const target = article.continue_on;
      const laterPages =
        pageNumber < pageCount ? `name a later page: ${pageNumber + 1}${pageNumber + 1 < pageCount ? `–${pageCount}` : ''}` : 'the article is on the last page: add a page to continue on';
      if (target !== undefined && target !== null) {
        if (target > pageCount) {
          problems.push({
            code: 'bad-continue-on',
            path: [...at, 'continue_on'],
            message: `continue_on: ${target}, but the issue has only ${plural(pageCount, 'page')}`,
            hint: laterPages,
          });
        } else if (target <= pageNumber) {
          problems.push({
            code: 'bad-continue-on',
            path: [...at, 'continue_on'],
            message: `continue_on: ${target} is not after the article's own page ${pageNumber}`,
            hint: laterPages,
          });
        }
      }
    });
  });
  return problems;
}
