/** The issue manifest after loading and validation: plain data, every path resolved. */

/** Where a value came from, for messages that name the file and the line. */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
  /** field path such as pages[0].articles[1].body */
  readonly field: string;
}

/**
 * The manifest line of each short text field that was written, for messages about its characters.
 * Optional so that hand-built Issues (tests, importers) need not invent lines.
 */
export type FieldLines<K extends string> = Readonly<Partial<Record<K, number>>>;

export interface Photo {
  /** absolute path, checked to stay inside the manifest's folder */
  readonly file: string;
  readonly caption?: string;
  readonly credit?: string;
  readonly columns?: number;
  readonly source: SourceRef;
  readonly fieldLines?: FieldLines<'caption' | 'credit'>;
}

export interface Article {
  readonly id?: string;
  readonly kicker?: string;
  readonly headline: string;
  readonly subhead?: string;
  readonly byline?: string;
  /** raw body text (from `body` or `body_file`), not yet normalised */
  readonly body: string;
  /** where the body text starts (file and line of its first line) */
  readonly bodySource: SourceRef;
  /** credit set after the last paragraph as （据…）; the raw value, without brackets */
  readonly source?: string;
  readonly columns?: number;
  readonly photos: readonly Photo[];
  /** 1-based page number where what does not fit continues */
  readonly continueOn?: number;
  /** a named area of the template the article is pinned to */
  readonly area?: string;
  readonly origin: SourceRef;
  readonly fieldLines?: FieldLines<'kicker' | 'headline' | 'subhead' | 'byline' | 'source'>;
}

export interface Page {
  readonly section?: string;
  readonly editor?: string;
  readonly articles: readonly Article[];
  readonly origin: SourceRef;
  readonly fieldLines?: FieldLines<'section' | 'editor'>;
}

export interface Issue {
  /** absolute path of the manifest */
  readonly file: string;
  readonly publication: string;
  readonly issue: string;
  /** ISO date YYYY-MM-DD */
  readonly date: string;
  /** template name (templates/NAME.yaml) or absolute path of a template file */
  readonly template: string;
  readonly pages: readonly Page[];
  readonly fieldLines?: FieldLines<'publication' | 'issue'>;
}
