/** What the importer finds on a page: the draft manifest is written from this. */

/** The template a draft names when it is not told one. */
export const DEFAULT_DRAFT_TEMPLATE = 'tabloid';

/** A photo caption as printed, with its credit split off (without brackets). */
export interface PhotoCaption {
  readonly text: string;
  readonly credit?: string;
}

export interface BodyParagraph {
  /** `subhead` is an in-body subhead (小标题), written `## ` in the manifest */
  readonly kind: 'body' | 'subhead';
  readonly text: string;
}

export interface ImportedArticle {
  readonly kicker?: string;
  readonly headline: string;
  readonly subhead?: string;
  /** without the ■ mark: the template sets it */
  readonly byline?: string;
  readonly paragraphs: readonly BodyParagraph[];
  /** the credit after the last paragraph, without brackets: `据新华社客户端` */
  readonly source?: string;
  readonly captions: readonly PhotoCaption[];
}

/** What the page's running head and editor credit say; each part only if the page says it. */
export interface PageHead {
  readonly publication?: string;
  /** ISO YYYY-MM-DD */
  readonly date?: string;
  readonly issue?: string;
  readonly section?: string;
  readonly editor?: string;
}

export interface PageStructure {
  readonly head: PageHead;
  readonly articles: readonly ImportedArticle[];
}
