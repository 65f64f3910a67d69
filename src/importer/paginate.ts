/**
 * Which draft page each article goes on. The importer does not lay out; it estimates: a
 * tabloid page holds about 4,500 characters of body text once headlines and rules take their
 * room. Articles keep their order; one too long for a page fills one and continues
 * (`continue_on`) on the next.
 */
import { charCount } from './headings.js';

export interface PageBudget {
  /** characters of running text a page holds */
  readonly capacity: number;
  /** what a headline group costs, in characters of running text */
  readonly headCost: number;
  /** what a photo costs, in characters of running text */
  readonly photoCost: number;
}

export const TABLOID_BUDGET: PageBudget = { capacity: 4500, headCost: 150, photoCost: 600 };

/** What the layout needs to know about an article to estimate its room. */
export interface ArticleSize {
  /** characters of running text: byline, paragraphs, captions set as text, credit */
  readonly chars: number;
  readonly photos: number;
}

export interface DraftPlacement {
  readonly article: number;
  /** 1-based page where the rest continues */
  readonly continueOn?: number;
}

/** Articles (by index) per page, in order; a page may hold only the continuation of the one before. */
export function paginate(sizes: readonly ArticleSize[], budget: PageBudget = TABLOID_BUDGET): DraftPlacement[][] {
  const pages: DraftPlacement[][] = [];
  let page: DraftPlacement[] = [];
  let room = budget.capacity;
  // A page is in use when it has articles or the rest of a long one.
  const inUse = (): boolean => page.length > 0 || room < budget.capacity;
  const turnPage = (roomLeft: number): void => {
    pages.push(page);
    page = [];
    room = roomLeft;
  };
  sizes.forEach((size, article) => {
    const cost = size.chars + budget.headCost + size.photos * budget.photoCost;
    if (cost > room && inUse()) turnPage(budget.capacity);
    if (cost <= room) {
      page.push({ article });
      room -= cost;
    } else {
      // Too long for a whole page: it fills this one and runs on to the next.
      page.push({ article, continueOn: pages.length + 2 });
      turnPage(Math.max(0, budget.capacity - (cost - budget.capacity)));
    }
  });
  if (page.length > 0 || pages.length === 0) pages.push(page);
  else endRunOn(pages);
  return pages;
}

/**
 * A manifest page needs an article of its own, so a long article at the end has nowhere to
 * continue: it stays on its page without `continue_on`, and the build reports the overset.
 */
function endRunOn(pages: DraftPlacement[][]): void {
  const last = pages[pages.length - 1] as DraftPlacement[];
  const runOn = last[last.length - 1] as DraftPlacement;
  last[last.length - 1] = { article: runOn.article };
}

/** The running-text size of a set of texts, spaces aside. */
export function textSize(texts: readonly (string | undefined)[]): number {
  return texts.reduce((n, t) => n + (t === undefined ? 0 : charCount(t)), 0);
}
