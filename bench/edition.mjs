/**
 * Generated editions for the benchmark: pages made from the five tabloid sample back issues
 * (issues/gongyi-*.yaml), every page and every run different text.
 *
 * How the text varies, per page and per seed:
 * - each page takes one sample page (rotating through the five, starting at a seed-dependent one)
 *   with its articles, headlines, photos and captions in the sample's order;
 * - the paragraphs of every article are shuffled;
 * - about 4 % of the 汉字 of every paragraph, headline and caption are replaced by other 汉字 of the
 *   samples (a Han character for a Han character: the same width and the same break rules, so a
 *   generated page fits wherever its sample fits), so no paragraph repeats between pages or runs.
 *
 * The same content is written twice: as a banmian manifest (YAML) and as an equivalent Typst
 * document (same page size, 5 columns, Noto Serif SC 9 pt on 12.6 pt, justified, lang "zh").
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify, parse } from 'yaml';
// Typst gets the text as banmian sets it: normalised (full-width punctuation, spacing rules).
import { joinSoftBreaks } from '../dist/text/segment.js';
import { normalizeText } from '../dist/text/normalize.js';
import { rng } from '../scripts/rng.mjs';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const ISSUES = path.join(ROOT, 'issues');
const SAMPLE_PATTERN = /^gongyi-.*\.ya?ml$/;
const SUBSTITUTION_RATE = 0.04;
const HAN = /[\u4e00-\u9fff]/u;


function shuffle(list, random) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Shuffles the body paragraphs; in-body subheads (`## …`) keep their places. */
function shuffleBody(paragraphs, random) {
  const isSubhead = (p) => /^##\s/.test(p);
  const body = shuffle(paragraphs.filter((p) => !isSubhead(p)), random);
  let next = 0;
  return paragraphs.map((p) => (isSubhead(p) ? p : body[next++]));
}

let samplesCache;

/** The tabloid sample pages with their article texts read in (body_file resolved). */
export function loadSamples() {
  if (samplesCache) return samplesCache;
  const files = readdirSync(ISSUES).filter((f) => SAMPLE_PATTERN.test(f)).sort();
  const pages = [];
  const han = new Set();
  for (const file of files) {
    const doc = parse(readFileSync(path.join(ISSUES, file), 'utf8'));
    if (doc.template !== 'tabloid') continue;
    for (const page of doc.pages) {
      const articles = page.articles.map((a) => {
        const body = a.body ?? readFileSync(path.join(ISSUES, a.body_file), 'utf8');
        for (const ch of body) if (HAN.test(ch)) han.add(ch);
        const paragraphs = body.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 0);
        const { body: _b, body_file: _f, ...rest } = a;
        return { ...rest, paragraphs };
      });
      pages.push({ sample: file, section: page.section, editor: page.editor, articles });
    }
  }
  if (pages.length === 0) throw new Error(`no tabloid samples in ${ISSUES}`);
  samplesCache = { pages, han: [...han].sort(), photosDir: path.join(ISSUES, 'photos') };
  return samplesCache;
}

function vary(text, random, pool) {
  if (typeof text !== 'string') return text;
  let out = '';
  for (const ch of text) {
    out += HAN.test(ch) && random() < SUBSTITUTION_RATE ? pool[Math.floor(random() * pool.length)] : ch;
  }
  return out;
}

/** Characters of the printed text (no whitespace). */
export function countChars(text) {
  let n = 0;
  for (const ch of text) if (!/\s/u.test(ch)) n += 1;
  return n;
}

/**
 * An edition of `pageCount` pages for `seed`. `firstPage` offsets which sample page opens it
 * (back issues use it to spread over the samples); `photos: false` leaves the photos out.
 */
export function makeEdition(seed, pageCount, options = {}) {
  const { pages: samples, han } = loadSamples();
  const random = rng(seed);
  const start = options.firstPage ?? Math.floor(random() * samples.length);
  const pages = [];
  let chars = 0;
  for (let i = 0; i < pageCount; i += 1) {
    const sample = samples[(start + i) % samples.length];
    const articles = sample.articles.map((a) => {
      const article = { ...a, ...(a.id ? { id: `${a.id}-p${i + 1}` } : {}) };
      for (const field of ['kicker', 'headline', 'subhead']) if (article[field]) article[field] = vary(article[field], random, han);
      article.paragraphs = shuffleBody(a.paragraphs, random).map((p) => vary(p, random, han));
      if (options.photos === false) delete article.photos;
      else if (a.photos) article.photos = a.photos.map((p) => ({ ...p, caption: vary(p.caption, random, han) }));
      for (const v of [article.kicker, article.headline, article.subhead, article.byline, article.source, ...article.paragraphs]) {
        if (typeof v === 'string') chars += countChars(v);
      }
      for (const p of article.photos ?? []) chars += countChars(p.caption ?? '') + countChars(p.credit ?? '');
      return article;
    });
    pages.push({ section: sample.section, editor: sample.editor, articles });
  }
  const day = 1 + (seed % 28);
  return {
    seed,
    publication: '公益时报',
    issue: `第${(seed % 50) + 1}期`,
    date: `2025-02-${String(day).padStart(2, '0')}`,
    pages,
    chars,
  };
}

/** The banmian manifest of an edition. */
export function toManifest(edition) {
  return stringify(
    {
      publication: edition.publication,
      issue: edition.issue,
      date: edition.date,
      template: 'tabloid',
      pages: edition.pages.map((page) => ({
        section: page.section,
        editor: page.editor,
        articles: page.articles.map(({ paragraphs, ...a }) => ({ ...a, body: `${paragraphs.join('\n\n')}\n` })),
      })),
    },
    { lineWidth: 0 },
  );
}

const MM = (v) => `${v}mm`;

/** Typst string literal. */
function str(s) {
  return `"${String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Text as Typst markup: every markup character escaped. */
function markup(s) {
  return String(s).replace(/[\\#*_`$<>@=\-+/~[\]"']/g, (c) => `\\${c}`);
}

/**
 * The equivalent Typst document: the tabloid's page, margins, running head and 5 columns, body
 * Noto Serif SC 9 pt on a 12.6 pt line pitch, justified, 2-em indent, lang "zh". The lead story's
 * headline group spans the page (a parent-scoped float, as banmian's lead area); every other
 * headline is set in its column. Photos at column width with caption and credit. One page per
 * manifest page (`pagebreak`).
 */
export function toTypst(edition) {
  const t = {
    width: 270, height: 390, top: 14.025, bottom: 14.025, inside: 9.5875, outside: 9.5875,
    head: 10.16, foot: 5.08, gutter: 3.175,
  };
  const lines = [];
  lines.push(`#set document(title: ${str(`${edition.publication} ${edition.issue}`)})`);
  lines.push(
    `#set page(width: ${MM(t.width)}, height: ${MM(t.height)}, columns: 5,`,
    `  margin: (top: ${MM(t.top + t.head)}, bottom: ${MM(t.bottom + t.foot)}, inside: ${MM(t.inside)}, outside: ${MM(t.outside)}),`,
    `  header: context text(font: "Noto Sans SC", weight: 500, size: 9pt)[${markup(edition.publication)} #h(1fr) ${markup(edition.date)} #h(1fr) 第 #counter(page).display() 版],`,
    `)`,
    `#set columns(gutter: ${MM(t.gutter)})`,
    // top/bottom edges of one em: 9 pt of line + 3.6 pt leading = the 12.6 pt grid
    `#set text(font: "Noto Serif SC", size: 9pt, lang: "zh", region: "cn", top-edge: 0.88em, bottom-edge: -0.12em)`,
    `#set par(justify: true, leading: 3.6pt, spacing: 3.6pt, first-line-indent: (amount: 2em, all: true))`,
    `#let kicker(body) = block(above: 0pt, below: 4pt, text(font: "Noto Serif SC", weight: 600, size: 16pt, body))`,
    `#let headline(body) = block(below: 6pt, par(justify: false, first-line-indent: 0pt, leading: 6pt, text(font: "Noto Sans SC", weight: 700, size: 28pt, body)))`,
    `#let subhead(body) = block(below: 4pt, par(first-line-indent: 0pt, text(font: "Noto Sans SC", weight: 500, size: 16pt, body)))`,
    `#let byline(body) = block(below: 6pt, par(first-line-indent: 0pt, text(font: "Noto Sans SC", weight: 400, size: 9.5pt, body)))`,
    `#let bodysubhead(body) = par(first-line-indent: 0pt, text(font: "Noto Sans SC", weight: 700, size: 9.5pt, body))`,
    `#let source(body) = par(first-line-indent: 0pt, align(right, text(font: "Noto Sans SC", weight: 400, size: 8pt, body)))`,
    `#let photo(file, caption, credit) = block(above: 6pt, below: 8pt, {`,
    `  image(file, width: 100%)`,
    `  par(first-line-indent: 0pt, text(font: "Noto Sans SC", weight: 400, size: 8.5pt, caption))`,
    `  if credit != none { align(right, text(font: "Noto Sans SC", weight: 300, size: 8pt, credit)) }`,
    `})`,
    `#let section(body, editor) = place(top, float: true, scope: "parent", clearance: 8pt, block(width: 100%, stroke: (bottom: 0.5pt), inset: (bottom: 3pt), text(font: "Noto Sans SC", weight: 500, size: 9pt)[#body #h(1fr) #editor]))`,
    '',
  );
  edition.pages.forEach((page, index) => {
    if (index > 0) lines.push('#pagebreak()');
    lines.push(`#section[${markup(page.section ?? '')}][${markup(page.editor ?? '')}]`);
    page.articles.forEach((a, k) => {
      const head = [];
      if (a.kicker) head.push(`#kicker[${markup(normalizeText(a.kicker))}]`);
      head.push(`#headline[${markup(normalizeText(a.headline))}]`);
      if (a.subhead) head.push(`#subhead[${markup(normalizeText(a.subhead))}]`);
      if (a.byline) head.push(`#byline[${markup(a.byline)}]`);
      if (k === 0) lines.push(`#place(top, float: true, scope: "parent", clearance: 10pt, block(width: 100%)[`, ...head, `])`);
      else lines.push(...head);
      for (const p of a.photos ?? []) {
        lines.push(`#photo(${str(p.file)}, [${markup(normalizeText(p.caption ?? ''))}], ${p.credit ? `[${markup(p.credit)}]` : 'none'})`);
      }
      for (const paragraph of a.paragraphs) {
        const subhead = /^##\s+/.exec(paragraph);
        if (subhead) lines.push('', `#bodysubhead[${markup(normalizeText(paragraph.slice(subhead[0].length)))}]`);
        else lines.push('', `#""${markup(normalizeText(joinSoftBreaks(paragraph.split(/\n/).map((l) => l.trim()))))}`);
      }
      if (a.source) lines.push('', `#source[${markup(normalizeText(a.source))}]`);
      lines.push('');
    });
  });
  return `${lines.join('\n')}\n`;
}

/** Copies the sample photos into `dir/photos` (manifest paths may not leave their folder). */
export function preparePhotos(dir) {
  const { photosDir } = loadSamples();
  const target = path.join(dir, 'photos');
  mkdirSync(target, { recursive: true });
  for (const f of readdirSync(photosDir)) if (/\.(jpe?g|png)$/i.test(f)) copyFileSync(path.join(photosDir, f), path.join(target, f));
}

/** Writes `name.yaml` and `name.typ` into `dir`; returns their paths and the edition's numbers. */
export function writeEdition(dir, name, edition) {
  const yaml = path.join(dir, `${name}.yaml`);
  const typ = path.join(dir, `${name}.typ`);
  writeFileSync(yaml, toManifest(edition));
  writeFileSync(typ, toTypst(edition));
  return { yaml, typ, pages: edition.pages.length, chars: edition.chars, seed: edition.seed };
}
