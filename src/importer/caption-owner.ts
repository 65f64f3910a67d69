/**
 * Which story a caption belongs to. A photo sits next to its story, but the extraction puts its
 * caption between two stories, before or after its own; the caption names what the story tells
 * (places, people, the event), so the neighbour sharing more of its word pairs owns it.
 */
import type { ImportedArticle } from './types.js';

type StoryText = Pick<ImportedArticle, 'kicker' | 'headline' | 'subhead' | 'paragraphs'>;

/** `before` when the story before it shares as many pairs as the one after (or there is none after). */
export function captionOwner(caption: string, before: StoryText | undefined, after: StoryText | undefined): 'before' | 'after' {
  if (after === undefined) return 'before';
  if (before === undefined) return 'after';
  return sharedPairs(caption, after) > sharedPairs(caption, before) ? 'after' : 'before';
}

/** How many distinct two-character runs of the caption (letters, digits, 汉字) the story contains. */
export function sharedPairs(caption: string, story: StoryText): number {
  const text = [story.kicker, story.headline, story.subhead, ...story.paragraphs.map((p) => p.text)].join('\n');
  let shared = 0;
  for (const pair of pairsOf(caption)) if (text.includes(pair)) shared += 1;
  return shared;
}

function pairsOf(text: string): Set<string> {
  const pairs = new Set<string>();
  for (const run of text.split(/[^\p{L}\p{N}]+/u)) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i += 1) pairs.add(`${chars[i]}${chars[i + 1]}`);
  }
  return pairs;
}
