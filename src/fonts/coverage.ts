/**
 * Glyph coverage before layout: every character of the issue must be drawable by the font of the
 * style it is set in, read from the fonts' cmaps. A character a style's font lacks is set from
 * the first family of the `fallback:` list (fonts/families.yaml) that has it, at the nearest
 * weight; the rest of the style stays in its own font (see fallback-face.ts). When no family has
 * the character, the issue cannot be laid out: a 'layout' BanmianError names the character, its
 * code point, the article and the line.
 */
import { BanmianError, type ErrorLocation } from '../errors.js';
import type { FontBook } from '../layout/set-text.js';
import type { Article, Issue } from '../manifest/types.js';
import type { Template } from '../template/types.js';
import { furnitureTexts, jumpLineTexts } from '../text/furniture-words.js';
import { isVariationSelector } from '../text/classes.js';
import { FIELD_AS_SET, normalizeByline, normalizeText } from '../text/normalize.js';
import { paragraphsOf } from '../text/segment.js';
import type { FontFace } from '../text/font-face.js';
import { withFallback } from './fallback-face.js';
import { fallbackFamilies, fontKey, fontOfKey, forgetUnparsedFonts, loadFontFace, nearestWeightKey, prefetchFonts } from './registry.js';

type Role = keyof Template['styles'];

/** A piece of the issue's text, the style it is set in and where it was written. */
interface StyledText {
  readonly text: string;
  readonly role: Role;
  readonly where: ErrorLocation;
  /** the article, for messages */
  readonly article?: string;
}

/** First use of a character in a style's font. */
interface Use {
  readonly char: string;
  readonly text: StyledText;
}

/** Not checked against a font's cmap: white space (drawn with the space glyph, or a gap), variation selectors (shaped with the character before them). */
const needsNoGlyph = (ch: string): boolean => /\s/u.test(ch) || isVariationSelector(ch);

const INVISIBLE: Readonly<Record<number, string>> = {
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x2060: 'WORD JOINER',
};

/**
 * The font book for laying out `issue`: each style's own font, with fallback fonts for the
 * characters it lacks. Rejects with a BanmianError for a character no font has. Every style's
 * font file is read in the background (see prefetchFonts) while the texts are walked; those of
 * styles the issue does not use are let go.
 */
export async function issueFontBook(issue: Issue, template: Template): Promise<FontBook> {
  void prefetchFonts(Object.values(template.styles).map((style) => fontKey(style.family, style.weight)));
  const uses = new Map<string, Map<string, Use>>(); // font key → character → first use
  for (const text of styledTexts(issue)) {
    const style = template.styles[text.role];
    const key = fontKey(style.family, style.weight);
    const chars = uses.get(key) ?? new Map<string, Use>();
    uses.set(key, chars);
    for (const char of text.text) {
      if (!chars.has(char) && !needsNoGlyph(char)) chars.set(char, { char, text });
    }
  }
  await prefetchFonts(uses.keys());
  const faces = new Map<string, FontFace>();
  for (const [key, chars] of uses) {
    const face = loadFontFace(key);
    const fallbacks = fallbacksFor(face, [...chars.values()]);
    faces.set(key, fallbacks.size > 0 ? withFallback(face, fallbacks) : face);
  }
  forgetUnparsedFonts();
  return (family, weight) => {
    const key = fontKey(family, weight);
    return faces.get(key) ?? loadFontFace(key);
  };
}

/** For each character used with `face` that its font lacks: the first fallback face that has it. */
function fallbacksFor(face: FontFace, uses: readonly Use[]): Map<number, FontFace> {
  const fallbacks = new Map<number, FontFace>();
  const missing = uses.filter((use) => !covers(face, use.char));
  if (missing.length === 0) return fallbacks;
  const { family, weight } = fontOfKey(face.key);
  const candidates = fallbackFamilies()
    .filter((name) => name !== family)
    .map((name) => nearestWeightKey(name, weight));
  for (const use of missing) {
    const fallback = candidates.find((candidate) => covers(loadFontFace(candidate), use.char));
    if (!fallback) throw missingGlyph(use, [face.key, ...candidates]);
    fallbacks.set(use.char.codePointAt(0) ?? 0, loadFontFace(fallback));
  }
  return fallbacks;
}

function describeFont(key: string): string {
  const { family, weight } = fontOfKey(key);
  return `${family} ${weight}`;
}

function covers(face: FontFace, char: string): boolean {
  return face.covers(char.codePointAt(0) ?? 0);
}

function missingGlyph({ char, text }: Use, tried: readonly string[]): BanmianError {
  const codePoint = char.codePointAt(0) ?? 0;
  const code = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = INVISIBLE[codePoint] ?? (/\p{Cc}/u.test(char) ? 'a control character' : undefined);
  const shown = name ? `${code} (${name})` : `“${char}” (${code})`;
  return new BanmianError(
    'missing-glyph',
    'layout',
    `${text.article ? `article ${text.article}: ` : ''}no configured font can draw ${shown} in the ${text.role} style (tried ${tried.map(describeFont).join(', ')})`,
    text.where,
    name ? 'the character is invisible: delete it' : 'replace the character, or add a font that has it to fonts/families.yaml and its `fallback:` list',
  );
}

/**
 * Every text of the issue as it will be set (normalised: the full-width marks, dashes and
 * ellipses the composer draws, the byline mark, the credit's brackets), with the style that sets
 * it. Body paragraphs name the line they start on.
 */
function* styledTexts(issue: Issue): Generator<StyledText> {
  const at = (line: number | undefined, field: string): ErrorLocation => ({ file: issue.file, line, field });
  for (const field of ['publication', 'issue'] as const) yield { text: normalizeText(issue[field]), role: 'runningHead', where: at(issue.fieldLines?.[field], field) };
  for (const page of issue.pages) {
    const pageField = (name: 'section' | 'editor'): ErrorLocation => at(page.fieldLines?.[name] ?? page.origin.line, `${page.origin.field}.${name}`);
    if (page.section !== undefined) yield { text: normalizeText(page.section), role: 'runningHead', where: pageField('section') };
    if (page.editor !== undefined) yield { text: normalizeByline(page.editor), role: 'pageEditor', where: pageField('editor') };
    for (const article of page.articles) yield* articleTexts(issue, article);
  }
  yield* furnitureAsSet(issue);
}

/**
 * The page furniture as layout sets it, with the words Banmian adds (the date, 第3版, the jump
 * lines' 下转/上接, the slug label in the folio's face): the fonts of those styles must draw them too.
 */
function* furnitureAsSet(issue: Issue): Generator<StyledText> {
  for (const [i, page] of issue.pages.entries()) {
    const where: ErrorLocation = { file: issue.file, line: page.origin.line, field: page.origin.field };
    const texts = furnitureTexts(issue, page, i + 1);
    yield { text: texts.masthead, role: 'runningHead', where };
    yield { text: texts.dateline, role: 'runningHead', where };
    yield { text: texts.folio, role: 'folio', where };
    yield { text: texts.slug, role: 'folio', where };
    for (const article of page.articles) {
      if (article.continueOn === undefined) continue;
      const jump = jumpLineTexts(i + 1, article.continueOn);
      const at: ErrorLocation = { file: issue.file, line: article.origin.line, field: `${article.origin.field}.continue_on` };
      for (const text of [jump.forward, jump.back]) yield { text, role: 'jumpLine', where: at, article: `“${article.headline}”` };
    }
  }
}

function* articleTexts(issue: Issue, article: Article): Generator<StyledText> {
  const label = `“${article.headline}”${article.id ? ` (${article.id})` : ''}`;
  const fieldAt = (name: 'kicker' | 'headline' | 'subhead' | 'byline' | 'source'): ErrorLocation => ({
    file: issue.file,
    line: article.fieldLines?.[name] ?? article.origin.line,
    field: `${article.origin.field}.${name}`,
  });
  for (const name of ['kicker', 'headline', 'subhead', 'byline'] as const) {
    const text = article[name];
    if (text !== undefined) yield { text: FIELD_AS_SET[name](text), role: name, where: fieldAt(name), article: label };
  }
  if (article.source !== undefined) yield { text: FIELD_AS_SET.source(article.source), role: 'body', where: fieldAt('source'), article: label };
  const { file, line, field } = article.bodySource;
  for (const paragraph of paragraphsOf(article)) {
    const role = paragraph.kind === 'subhead' ? 'bodySubhead' : 'body';
    yield { text: paragraph.text, role, where: { file, line: line + paragraph.lineOffset, field }, article: label };
  }
  for (const photo of article.photos) {
    for (const name of ['caption', 'credit'] as const) {
      const text = photo[name];
      const line = photo.fieldLines?.[name] ?? photo.source.line;
      if (text !== undefined) yield { text: FIELD_AS_SET[name](text), role: name, where: { file: issue.file, line, field: `${photo.source.field}.${name}` }, article: label };
    }
  }
}
