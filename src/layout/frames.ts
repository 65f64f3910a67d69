/**
 * The product of layout: positioned boxes on pages, plain data. Absolute points, origin at the
 * top-left corner of the trimmed page, y growing downwards. Exporters consume these only.
 */

export interface PositionedGlyph {
  readonly id: number;
  /** pen position of the glyph origin, relative to the run's x, in pt */
  readonly x: number;
  /** the font's natural advance of this glyph at the run's size, in pt */
  readonly advancePt: number;
  /** the text the glyph stands for (ToUnicode) */
  readonly text: string;
}

export interface GlyphRun {
  readonly kind: 'glyphs';
  /** registry key of the font, e.g. `serif-400` */
  readonly fontKey: string;
  readonly sizePt: number;
  /** x of the run's origin */
  readonly x: number;
  /** y of the baseline */
  readonly baseline: number;
  readonly glyphs: readonly PositionedGlyph[];
  /** what the element is, for transcripts and reports: body, headline, caption … */
  readonly role: string;
}

export interface ImageBox {
  readonly kind: 'image';
  /** absolute path of the source image */
  readonly file: string;
  /** the article the photo belongs to (its id, or its headline), for reports */
  readonly article: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** pixel size of the source, read with sharp before layout */
  readonly pixelWidth: number;
  readonly pixelHeight: number;
}

export interface RuleLine {
  readonly kind: 'rule';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly widthPt: number;
}

export type FrameItem = GlyphRun | ImageBox | RuleLine;

/** A bookmark target: one per article, for the email profile's outline. */
export interface FrameBookmark {
  readonly title: string;
  readonly y: number;
}

export interface PageFrame {
  /** folio: 1-based page number in the issue */
  readonly number: number;
  readonly widthPt: number;
  readonly heightPt: number;
  readonly items: readonly FrameItem[];
  readonly bookmarks: readonly FrameBookmark[];
  /** the page's label for the slug of print pages, starting at the origin (the renderer places it) */
  readonly slug: readonly GlyphRun[];
}

export interface IssueFrames {
  readonly title: string;
  readonly publication: string;
  readonly issueLabel: string;
  /** ISO date YYYY-MM-DD */
  readonly date: string;
  readonly bleedMm: number;
  readonly pages: readonly PageFrame[];
}
