/**
 * The shape of an issue manifest (docs/manifest.md), strict: a field not listed here is a typo
 * until proven otherwise. Keys are the YAML spellings (`body_file`, `continue_on`).
 */

import { z } from 'zod';
import type { ProblemParams } from './problems.js';

/** Free text. YAML reads `issue: 46` as a number; accept it (the loader restores the source text). */
const asText = (value: unknown): unknown => (typeof value === 'number' || typeof value === 'boolean' ? String(value) : value);
const text = z.preprocess(asText, z.string());
/** Names, labels and paths: surrounding spaces are noise, and blank is missing. */
const requiredText = z.preprocess(asText, z.string().trim().min(1));
const optionalText = text.nullish();
const columns = z.int().positive().nullish();

/** A real calendar date written YYYY-MM-DD (2024-02-30 is refused). */
export function isRealIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const isoDate = z.unknown().transform((value, ctx) => {
  if (typeof value === 'string' && isRealIsoDate(value)) return value;
  const shown = value instanceof Date ? value.toISOString() : JSON.stringify(value);
  ctx.issues.push({
    code: 'custom',
    input: value,
    message:
      typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? `date ${value} does not exist in the calendar`
        : `date ${shown} is not an ISO date (YYYY-MM-DD)`,
    params: { code: 'bad-date', hint: 'write the date as YYYY-MM-DD, e.g. 2024-11-28' } satisfies ProblemParams,
  });
  return z.NEVER;
});

const photoSchema = z.strictObject({
  file: requiredText,
  caption: optionalText,
  credit: optionalText,
  columns,
});

const articleSchema = z
  .strictObject({
    id: optionalText,
    kicker: optionalText,
    headline: requiredText,
    subhead: optionalText,
    byline: optionalText,
    body: optionalText,
    body_file: optionalText,
    source: optionalText,
    columns,
    photos: z.array(photoSchema).nullish(),
    continue_on: z.int().positive().nullish(),
    area: optionalText,
  })
  .superRefine((article, ctx) => {
    const hasBody = article.body !== undefined && article.body !== null;
    const hasFile = article.body_file !== undefined && article.body_file !== null;
    if (hasBody && hasFile) {
      ctx.addIssue({
        code: 'custom',
        path: ['body_file'],
        message: 'an article has either `body` or `body_file`, not both',
        params: { code: 'conflicting-fields', hint: 'remove one of the two' } satisfies ProblemParams,
      });
    } else if (!hasBody && !hasFile) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'the article has no text',
        params: { code: 'missing-body', hint: 'add `body: |` with the text indented below it, or `body_file: articles/NAME.md`' } satisfies ProblemParams,
      });
    } else if (hasBody && article.body?.trim() === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['body'],
        message: 'the article text is empty',
        params: { code: 'empty-field', hint: 'write the text, indented, on the lines after `body: |`' } satisfies ProblemParams,
      });
    }
  });

const pageSchema = z.strictObject({
  section: optionalText,
  editor: optionalText,
  articles: z.array(articleSchema),
});

/** Body text per article, in characters, unless the manifest sets `max_article_chars`. */
export const DEFAULT_MAX_ARTICLE_CHARS = 50_000;
/** The setting itself is bounded: a hostile manifest must not lift the limit away. */
const MAX_ARTICLE_CHARS_CEILING = 1_000_000;

export const manifestSchema = z.strictObject({
  publication: requiredText,
  issue: requiredText,
  date: isoDate,
  template: requiredText,
  pages: z.array(pageSchema),
  max_article_chars: z.int().positive().max(MAX_ARTICLE_CHARS_CEILING).nullish(),
});

export type ManifestData = z.output<typeof manifestSchema>;
export type ArticleData = z.output<typeof articleSchema>;
export type PageData = z.output<typeof pageSchema>;
export type PhotoData = z.output<typeof photoSchema>;
