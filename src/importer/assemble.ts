/**
 * Classified lines → articles. A run of heading lines opens an article (引题 / 主题 / 副题), unless
 * it is one short line inside a running story: then it is an in-body subhead. Body lines join
 * the paragraph before them when that one stopped mid-sentence (a column break cut it). A
 * source credit closes the story. Captions are collected with where they stood, and given to
 * the story next to them that they talk about.
 */
import { joinSoftBreaks } from '../text/segment.js';
import { captionOwner } from './caption-owner.js';
import type { ClassifiedLine } from './classify.js';
import { MAX_SUBHEAD_CHARS, charCount, isLabelledHeadline } from './headings.js';
import { endsSentence, isWhollyQuoted } from './punctuation.js';
import type { BodyParagraph, ImportedArticle, PageHead, PageStructure, PhotoCaption } from './types.js';

/** Body text with no headline before it still needs one to validate; the editor writes it. */
export const UNTITLED_HEADLINE = '（标题待定）';

interface ArticleDraft {
  kicker?: string;
  headline: string;
  subhead?: string;
  byline?: string;
  paragraphs: BodyParagraph[];
  source?: string;
  captions: PhotoCaption[];
}

type HeadingLine = Extract<ClassifiedLine, { kind: 'heading' }>;

export function assemblePage(lines: readonly ClassifiedLine[]): PageStructure {
  const head: { -readonly [K in keyof PageHead]: PageHead[K] } = {};
  const articles: ArticleDraft[] = [];
  const captions: { caption: PhotoCaption; after: number }[] = [];
  const current = (): ArticleDraft | undefined => articles[articles.length - 1];
  /** The story still running: it has text and no source credit has closed it. */
  const running = (): ArticleDraft | undefined => {
    const article = current();
    return article && article.source === undefined ? article : undefined;
  };
  const storyForText = (): ArticleDraft => running() ?? startArticle(articles, [{ kind: 'heading', text: UNTITLED_HEADLINE, level: 0 }]);

  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as ClassifiedLine;
    switch (line.kind) {
      case 'running-head':
        Object.assign(head, line.head);
        break;
      case 'editor':
        head.editor = line.editor;
        break;
      case 'caption':
        captions.push({ caption: line.caption, after: articles.length - 1 });
        break;
      case 'byline': {
        const article = storyForText();
        article.byline = article.byline === undefined ? line.byline : `${article.byline} ${line.byline}`;
        break;
      }
      case 'source': {
        // A credit with no story left to close is kept as text, in brackets as printed.
        const story = running();
        if (story) story.source = line.source;
        else addBodyText(storyForText().paragraphs, `（${line.source}）`);
        break;
      }
      case 'body': {
        const article = storyForText();
        addBodyText(article.paragraphs, line.text);
        if (line.source !== undefined) article.source = line.source;
        break;
      }
      case 'heading': {
        const block = headingRun(lines, i);
        i += block.length - 1;
        const story = running();
        const only = block[0] as HeadingLine;
        if (story && block.length === 1 && isInBodySubhead(only, lines[i + 1], story)) {
          story.paragraphs.push({ kind: 'subhead', text: only.text });
        } else {
          startArticle(articles, block);
        }
        break;
      }
    }
  }
  for (const { caption, after } of captions) {
    const before = articles[after];
    const next = articles[after + 1];
    const owner = captionOwner(caption.text, before, next) === 'before' ? before : next;
    // A caption with no story on the page at all still keeps its text.
    (owner ?? storyForText()).captions.push(caption);
  }
  return { head, articles: articles.map(finish) };
}

function headingRun(lines: readonly ClassifiedLine[], from: number): HeadingLine[] {
  const block: HeadingLine[] = [];
  for (let k = from; k < lines.length; k += 1) {
    const line = lines[k] as ClassifiedLine;
    if (line.kind !== 'heading') break;
    block.push(line);
  }
  return block;
}

/**
 * One heading line inside a running story is a 小标题 when it is short and not in a headline's
 * form: a byline after it, a level-1 marker, a `地名:` label or more than 20 characters make it
 * the headline of the next story.
 */
function isInBodySubhead(line: HeadingLine, next: ClassifiedLine | undefined, story: ArticleDraft): boolean {
  if (!story.paragraphs.some((p) => p.kind === 'body')) return false;
  if (next?.kind === 'byline' || line.level === 1) return false;
  return charCount(line.text) <= MAX_SUBHEAD_CHARS && !isLabelledHeadline(line.text);
}

/** 1 line: 主题. 2: 引题 + 主题 when the first is a quoted slogan or the second is marked, else 主题 + 副题. 3+: all three. */
function startArticle(articles: ArticleDraft[], block: readonly HeadingLine[]): ArticleDraft {
  const [first, second, ...rest] = block.map((l) => l.text);
  const parts: Pick<ArticleDraft, 'kicker' | 'headline' | 'subhead'> =
    second === undefined
      ? { headline: first ?? UNTITLED_HEADLINE }
      : rest.length > 0
        ? { kicker: first, headline: second, subhead: rest.join(' ') }
        : isWhollyQuoted(first ?? '') || ((block[1]?.level ?? 0) > 0 && block[0]?.level === 0)
          ? { kicker: first, headline: second }
          : { headline: first ?? UNTITLED_HEADLINE, subhead: second };
  const article: ArticleDraft = { ...parts, paragraphs: [], captions: [] };
  articles.push(article);
  return article;
}

/** A new paragraph, or the rest of the previous one when a column break cut it mid-sentence. */
function addBodyText(paragraphs: BodyParagraph[], text: string): void {
  const last = paragraphs[paragraphs.length - 1];
  if (last?.kind === 'body' && !endsSentence(last.text)) {
    paragraphs[paragraphs.length - 1] = { kind: 'body', text: joinSoftBreaks([last.text, text]) };
  } else {
    paragraphs.push({ kind: 'body', text });
  }
}

function finish(draft: ArticleDraft): ImportedArticle {
  const { kicker, subhead, byline, source, ...rest } = draft;
  return {
    ...(kicker === undefined ? {} : { kicker }),
    headline: rest.headline,
    ...(subhead === undefined ? {} : { subhead }),
    ...(byline === undefined ? {} : { byline }),
    paragraphs: rest.paragraphs,
    ...(source === undefined ? {} : { source }),
    captions: rest.captions,
  };
}
