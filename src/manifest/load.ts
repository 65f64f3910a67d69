/**
 * loadIssue: manifest file → validated `Issue` with every path resolved and every value traced to
 * its line. All user mistakes become a BanmianError of kind 'input' naming file, line and field.
 */

import path from 'node:path';
import { isTemplatePath, listTemplateNames, unknownTemplateError } from '../template/load.js';
import { crossCheckManifest } from './checks.js';
import { resolveInside } from './paths.js';
import { parseOrThrow, throwFirstProblem } from './problems.js';
import { DEFAULT_MAX_ARTICLE_CHARS, manifestSchema, type ArticleData, type PageData, type PhotoData } from './schema.js';
import { readTextFile } from './text-file.js';
import { codePointCount } from '../text/classes.js';
import type { Article, Issue, Page, Photo, SourceRef } from './types.js';
import {
  formatFieldPath,
  positionOfPath,
  readYamlSource,
  scalarText,
  textStartLine,
  type PathKey,
  type YamlSource,
} from './yaml-source.js';
import { BanmianError, type ErrorLocation } from '../errors.js';

export async function loadIssue(manifestPath: string): Promise<Issue> {
  const file = path.resolve(manifestPath);
  const source = await readYamlSource(file, 'manifest');
  const manifest = parseOrThrow(manifestSchema, source, 'manifest');
  const problems = crossCheckManifest(manifest);
  if (problems.length > 0) throwFirstProblem(source, problems);

  const reader = new ManifestReader(source, manifest.max_article_chars ?? DEFAULT_MAX_ARTICLE_CHARS);
  // Sequential on purpose: the first bad path in file order is the one reported.
  const template = await reader.template(manifest.template);
  const pages: Page[] = [];
  for (const [index, page] of manifest.pages.entries()) pages.push(await reader.page(page, ['pages', index]));
  return {
    file,
    publication: reader.text(['publication'], manifest.publication),
    issue: reader.text(['issue'], manifest.issue),
    date: manifest.date,
    template,
    pages,
    fieldLines: reader.lines([], manifest, ['publication', 'issue']),
  };
}

/** Turns validated manifest data into the Issue types, with source references and checked files. */
class ManifestReader {
  private readonly folder: string;

  constructor(
    private readonly source: YamlSource,
    private readonly maxArticleChars: number,
  ) {
    this.folder = path.dirname(source.file);
  }

  async template(written: string): Promise<string> {
    const where = this.where(['template']);
    if (isTemplatePath(written)) return resolveInside(this.folder, written, { what: 'template', where });
    const names = await listTemplateNames();
    if (!names.includes(written)) throw await unknownTemplateError(written, where);
    return written;
  }

  async page(page: PageData, at: PathKey[]): Promise<Page> {
    const articles: Article[] = [];
    for (const [index, article] of page.articles.entries()) articles.push(await this.article(article, [...at, 'articles', index]));
    return withoutUndefined({
      section: this.optionalText([...at, 'section'], page.section),
      editor: this.optionalText([...at, 'editor'], page.editor),
      articles,
      origin: this.ref(at),
      fieldLines: this.lines(at, page, ['section', 'editor']),
    });
  }

  private async article(article: ArticleData, at: PathKey[]): Promise<Article> {
    const { body, bodySource } = await this.body(article, at);
    const photos: Photo[] = [];
    for (const [index, photo] of (article.photos ?? []).entries()) photos.push(await this.photo(photo, [...at, 'photos', index]));
    return withoutUndefined({
      id: this.optionalText([...at, 'id'], article.id),
      kicker: this.optionalText([...at, 'kicker'], article.kicker),
      headline: this.text([...at, 'headline'], article.headline),
      subhead: this.optionalText([...at, 'subhead'], article.subhead),
      byline: this.optionalText([...at, 'byline'], article.byline),
      body,
      bodySource,
      source: this.optionalText([...at, 'source'], article.source),
      columns: article.columns ?? undefined,
      photos,
      continueOn: article.continue_on ?? undefined,
      area: this.optionalText([...at, 'area'], article.area),
      origin: this.ref(at),
      fieldLines: this.lines(at, article, ['kicker', 'headline', 'subhead', 'byline', 'source']),
    });
  }

  private async body(article: ArticleData, at: PathKey[]): Promise<{ body: string; bodySource: SourceRef }> {
    const found = await this.bodyText(article, at);
    const length = codePointCount(found.body);
    if (length > this.maxArticleChars) {
      const field = [...at, article.body_file === undefined || article.body_file === null ? 'body' : 'body_file'];
      throw new BanmianError(
        'text-too-long',
        'input',
        `the article text has ${length} characters; the limit is ${this.maxArticleChars}`,
        this.where(field),
        'split the article, or raise the limit with `max_article_chars:` at the top of the manifest',
      );
    }
    return found;
  }

  private async bodyText(article: ArticleData, at: PathKey[]): Promise<{ body: string; bodySource: SourceRef }> {
    if (article.body_file !== undefined && article.body_file !== null) {
      const fieldPath = [...at, 'body_file'];
      const where = this.where(fieldPath);
      const file = await resolveInside(this.folder, article.body_file, { what: 'body file', where });
      const body = await readTextFile(file, 'body file', where);
      return { body, bodySource: { file, line: 1, field: formatFieldPath(fieldPath) } };
    }
    const fieldPath = [...at, 'body'];
    return {
      body: this.text(fieldPath, article.body ?? ''),
      bodySource: { file: this.source.file, line: textStartLine(this.source, fieldPath), field: formatFieldPath(fieldPath) },
    };
  }

  private async photo(photo: PhotoData, at: PathKey[]): Promise<Photo> {
    const file = await resolveInside(this.folder, photo.file, { what: 'photo', where: this.where([...at, 'file']) });
    return withoutUndefined({
      file,
      caption: this.optionalText([...at, 'caption'], photo.caption),
      credit: this.optionalText([...at, 'credit'], photo.credit),
      columns: photo.columns ?? undefined,
      source: this.ref(at),
      fieldLines: this.lines(at, photo, ['caption', 'credit']),
    });
  }

  text(at: readonly PathKey[], value: string): string {
    return scalarText(this.source, at, value);
  }

  private optionalText(at: readonly PathKey[], value: string | null | undefined): string | undefined {
    return value === undefined || value === null ? undefined : this.text(at, value);
  }

  /** The line of each of `fields` written in `data` (the mapping at `at`). */
  lines<K extends string>(at: readonly PathKey[], data: Partial<Record<K, unknown>>, fields: readonly K[]): Readonly<Partial<Record<K, number>>> {
    const present = fields.filter((field) => data[field] !== undefined && data[field] !== null);
    return Object.fromEntries(present.map((field) => [field, positionOfPath(this.source, [...at, field]).line])) as Partial<Record<K, number>>;
  }

  private ref(at: readonly PathKey[]): SourceRef {
    return { file: this.source.file, line: positionOfPath(this.source, at).line, field: formatFieldPath(at) };
  }

  private where(at: readonly PathKey[]): ErrorLocation {
    const { line, column } = positionOfPath(this.source, at);
    return { file: this.source.file, line, column, field: formatFieldPath(at) };
  }
}

/** Optional fields are left out rather than set to undefined: the Issue stays clean JSON. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
