/**
 * importPage: the extracted text of an old page → a draft manifest and the structure found.
 * Stages: lines → what each line is → articles → pages → YAML. Every character of the page is
 * kept (whitespace and markdown heading markers aside): the running head and editor credit go
 * to the fields the template prints them from, ■ and the credit brackets are put back by the
 * template, and everything else is in a text field.
 */
import { assemblePage } from './assemble.js';
import { classifyLines } from './classify.js';
import { assignPhotoFiles, draftManifest, printedCaption, type ArticleCaptions, type DraftSettings } from './draft-manifest.js';
import { readPageLines } from './page-lines.js';
import { paginate, textSize, type ArticleSize, type DraftPlacement, type PageBudget } from './paginate.js';
import type { ImportedArticle, PageStructure, PhotoCaption } from './types.js';

export interface ImportOptions extends DraftSettings {
  /** how much a draft page holds; the default suits the `tabloid` template */
  readonly budget?: PageBudget;
}

export interface ImportResult {
  /** the draft manifest, YAML text */
  readonly manifest: string;
  readonly structure: PageStructure;
  /** article indices (into structure.articles) on each draft page */
  readonly pages: readonly (readonly DraftPlacement[])[];
}

export function importPage(text: string, options: ImportOptions = {}): ImportResult {
  const structure = assemblePage(classifyLines(readPageLines(text)));
  const captions = assignPhotoFiles(structure.articles, options.photoFiles);
  const sizes = structure.articles.map((article, a): ArticleSize => {
    const { asText, photos } = captions[a] as ArticleCaptions;
    return { chars: runningTextSize(article, asText), photos: photos.length };
  });
  const pages = paginate(sizes, options.budget);
  return { manifest: draftManifest(structure, pages, captions, options), structure, pages };
}

/** Byline, paragraphs, credit and the captions set as text for want of a file. */
function runningTextSize(article: ImportedArticle, textCaptions: readonly PhotoCaption[]): number {
  return textSize([article.byline, ...article.paragraphs.map((p) => p.text), article.source, ...textCaptions.map(printedCaption)]);
}
