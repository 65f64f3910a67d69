/**
 * The structure found on a page → the text of a draft manifest (docs/manifest.md). What the
 * page does not say is filled with placeholders that validate, each with a comment saying so.
 * A caption without an image file cannot be a `photos:` entry (it needs a file), so its text
 * stays in print as the first paragraph of its story and a comment says what to do.
 */
import { Document, Scalar, YAMLMap, isScalar, visit } from 'yaml';
import { UNTITLED_HEADLINE } from './assemble.js';
import type { DraftPlacement } from './paginate.js';
import { DEFAULT_DRAFT_TEMPLATE, type ImportedArticle, type PageStructure, type PhotoCaption } from './types.js';

export interface DraftSettings {
  readonly publication?: string;
  readonly issue?: string;
  /** ISO YYYY-MM-DD */
  readonly date?: string;
  readonly template?: string;
  /** image files for the captions, in the order the draft lists them, relative to the manifest */
  readonly photoFiles?: readonly string[];
}

/** An article's captions: those with an image file become photos, the rest stay in print as text. */
export interface ArticleCaptions {
  readonly photos: readonly { readonly caption: PhotoCaption; readonly file: string }[];
  readonly asText: readonly PhotoCaption[];
}

/** The given files go to the captions in page order; captions past the last file stay text. One entry per article. */
export function assignPhotoFiles(articles: readonly ImportedArticle[], files: readonly string[] = []): ArticleCaptions[] {
  let next = 0;
  return articles.map((article) => {
    const photos: { caption: PhotoCaption; file: string }[] = [];
    const asText: PhotoCaption[] = [];
    for (const caption of article.captions) {
      const file = files[next++];
      if (file === undefined) asText.push(caption);
      else photos.push({ caption, file });
    }
    return { photos, asText };
  });
}

const PLACEHOLDERS = { publication: '报名待填', issue: '期号待填', date: '2000-01-01' } as const;

/** A comment for the draft: on the value at `path`, or as lines before its key. */
interface Annotation {
  readonly path: readonly (string | number)[];
  readonly text: string;
  readonly before?: boolean;
}

export function draftManifest(
  page: PageStructure,
  placement: readonly (readonly DraftPlacement[])[],
  captions: readonly ArticleCaptions[],
  settings: DraftSettings = {},
): string {
  const notes: Annotation[] = [];
  const meta = (field: keyof typeof PLACEHOLDERS): string => {
    const value = settings[field] ?? page.head[field];
    if (value !== undefined) return value;
    notes.push({ path: [field], text: ` placeholder: the page text does not give the ${field}` });
    return PLACEHOLDERS[field];
  };
  const data = {
    publication: meta('publication'),
    issue: meta('issue'),
    date: meta('date'),
    template: settings.template ?? DEFAULT_DRAFT_TEMPLATE,
    pages: placement.map((onPage, p) => ({
      ...(page.head.section === undefined ? {} : { section: page.head.section }),
      ...(page.head.editor === undefined ? {} : { editor: page.head.editor }),
      articles: onPage.map(({ article, continueOn }, a) => {
        const path = ['pages', p, 'articles', a];
        return articleEntry(page.articles[article] as ImportedArticle, continueOn, captions[article] as ArticleCaptions, (field, text, before) =>
          notes.push({ path: [...path, field], text, ...(before ? { before } : {}) }),
        );
      }),
    })),
  };
  const doc = new Document(data);
  doc.commentBefore =
    ' Draft made by `banmian import` from the extracted text of a page. Check the headline groups,\n' +
    ' bylines, credits and captions against the page before building.';
  for (const note of notes) annotate(doc, note.path, note.text, note.before === true);
  markBodiesAsBlocks(doc);
  return doc.toString({ lineWidth: 0 });
}

type Note = (field: string, text: string, before?: boolean) => void;

function articleEntry(
  article: ImportedArticle,
  continueOn: number | undefined,
  captions: ArticleCaptions,
  note: Note,
): Record<string, unknown> {
  const photos = captions.photos.map(({ caption, file }) => ({ file, caption: caption.text, ...(caption.credit === undefined ? {} : { credit: caption.credit }) }));
  const captionParagraphs = captions.asText.map(printedCaption);
  if (article.headline === UNTITLED_HEADLINE) note('headline', ' placeholder: no headline was found above this text');
  if (captionParagraphs.length > 0) {
    note(
      'body',
      ` photo caption${captionParagraphs.length > 1 ? 's' : ''} kept in print as the first paragraph${captionParagraphs.length > 1 ? 's' : ''}, for want of an image file:\n` +
        captionParagraphs.map((c) => `   ${c}\n`).join('') +
        ' give the file (banmian import --photo FILE) to make it a photos: entry instead',
      true,
    );
  }
  const body = [...captionParagraphs, ...article.paragraphs.map((p) => (p.kind === 'subhead' ? `## ${p.text}` : p.text))].join('\n\n');
  return {
    ...(article.kicker === undefined ? {} : { kicker: article.kicker }),
    headline: article.headline,
    ...(article.subhead === undefined ? {} : { subhead: article.subhead }),
    ...(article.byline === undefined ? {} : { byline: article.byline }),
    body,
    ...(article.source === undefined ? {} : { source: article.source }),
    ...(photos.length === 0 ? {} : { photos }),
    ...(continueOn === undefined ? {} : { continue_on: continueOn }),
  };
}

/** The caption as the page printed it: the credit back in its brackets. */
export function printedCaption(caption: PhotoCaption): string {
  return caption.credit === undefined ? caption.text : `${caption.text}（${caption.credit}）`;
}

function annotate(doc: Document, path: readonly (string | number)[], text: string, before: boolean): void {
  const field = path[path.length - 1];
  const parent = doc.getIn(path.slice(0, -1), true);
  if (!(parent instanceof YAMLMap)) return;
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === field);
  if (!pair || !isScalar(pair.key) || !isScalar(pair.value)) return;
  if (before) pair.key.commentBefore = text;
  else pair.value.comment = text;
}

/** Bodies as `|` blocks, one paragraph per line, so the draft reads like the page. */
function markBodiesAsBlocks(doc: Document): void {
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'body' && isScalar(pair.value)) pair.value.type = Scalar.BLOCK_LITERAL;
    },
  });
}
