// The sample back issues in issues/*.yaml are transcriptions of five real pages. This proves they
// are faithful: nothing of a seed page is left out, changed or added, except what the manifest
// format adds or removes by contract. The seed texts (extracted text of the pages, exactly as
// received) are copied in tests/fixtures/seeds/ so the test needs nothing outside the repository.
//
// The YAML is parsed with the `yaml` package directly, not with the project's loader, so this
// checks the data, not the loader.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ISSUES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'issues');

/** Which seed page each sample manifest transcribes. */
const SAMPLES: readonly { manifest: string; seed: string }[] = [
  { manifest: 'gongyi-2024-04-02.yaml', seed: '000_ec21b2a4dd89f1c8.txt' },
  { manifest: 'gongyi-2024-11-26.yaml', seed: '001_e02ebff22f2e1019.txt' },
  { manifest: 'gongyi-2023-03-07.yaml', seed: '002_97ebb4bc4085e2f5.txt' },
  { manifest: 'gongyi-2023-03-21.yaml', seed: '003_94c147f5600688ed.txt' },
  { manifest: 'gongyi-2025-04-15.yaml', seed: '004_4fa76e924e05dc0d.txt' },
];

/** The raw YAML shape (snake_case keys), only what this test reads. */
interface RawPhoto {
  file: string;
  caption?: string;
  credit?: string;
}
interface RawArticle {
  id?: string;
  kicker?: string;
  headline: string;
  subhead?: string;
  byline?: string;
  body?: string;
  body_file?: string;
  source?: string;
  photos?: RawPhoto[];
}
interface RawIssue {
  publication: string;
  issue: string;
  date: string;
  template: string;
  pages: { section?: string; editor?: string; articles: RawArticle[] }[];
}

function loadManifest(name: string): RawIssue {
  return parse(readFileSync(join(ISSUES, name), 'utf8')) as RawIssue;
}

/** The seed pages, copied verbatim from ../shared/seeds so the test needs nothing outside the repo. */
const SEED_DIR = fileURLToPath(new URL('../fixtures/seeds/', import.meta.url));

function seedText(name: string): string {
  return readFileSync(join(SEED_DIR, name), 'utf8');
}

/** The articles with each `body_file` read in as `body` (files shared with other manifests). */
function articles(issue: RawIssue): RawArticle[] {
  return issue.pages
    .flatMap((page) => page.articles)
    .map((a) => (a.body_file ? { ...a, body: readFileSync(join(ISSUES, a.body_file), 'utf8') } : a));
}

/** Body paragraphs (blank-line separated), each with its `## ` subhead marker removed. */
function paragraphs(body: string): { text: string; subhead: boolean }[] {
  return body
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => (p.startsWith('## ') ? { text: p.slice(3).trim(), subhead: true } : { text: p, subhead: false }));
}

/**
 * The manifest's text as the seed page printed it: every text field, with what the template puts
 * back by contract — the ■ before a byline, the brackets around a source credit and a photo credit.
 */
function printedUnits(issue: RawIssue): { ordered: string[]; photos: string[] } {
  const ordered: string[] = [];
  const photos: string[] = [];
  for (const a of articles(issue)) {
    if (a.kicker !== undefined) ordered.push(a.kicker);
    ordered.push(a.headline);
    if (a.subhead !== undefined) ordered.push(a.subhead);
    if (a.byline !== undefined) ordered.push(`■ ${a.byline}`);
    for (const p of paragraphs(a.body ?? '')) ordered.push(p.text);
    if (a.source !== undefined) ordered.push(`(${a.source})`);
    for (const photo of a.photos ?? []) {
      photos.push((photo.caption ?? '') + (photo.credit === undefined ? '' : `(${photo.credit})`));
    }
  }
  return { ordered, photos };
}

/** The seed as printed: its markdown heading markers (`# `, `## ` at a line start) removed. */
function printedSeed(seed: string): string {
  return seed.replace(/^#{1,6}[ \t]+/gm, '');
}

function countChars(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text.replace(/\s+/gu, '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

function describeChar(ch: string): string {
  const code = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `"${ch}" (U+${code})`;
}

/** Every difference between two character multisets, as readable lines; empty when equal. */
function multisetDifferences(seed: Map<string, number>, manifest: Map<string, number>): string[] {
  const out: string[] = [];
  for (const ch of new Set([...seed.keys(), ...manifest.keys()])) {
    const s = seed.get(ch) ?? 0;
    const m = manifest.get(ch) ?? 0;
    if (s > m) out.push(`missing from the manifest: ${s - m} × ${describeChar(ch)} (seed ${s}, manifest ${m})`);
    if (m > s) out.push(`not in the seed: ${m - s} × ${describeChar(ch)} (seed ${s}, manifest ${m})`);
  }
  return out.sort();
}

/** Where a text that is not a run of the seed stops matching it: the longest matching prefix. */
function divergence(flat: string, unit: string): string {
  let n = 0;
  while (n < unit.length && flat.includes(unit.slice(0, n + 1))) n++;
  const at = flat.indexOf(unit.slice(0, n));
  return (
    `not a run of the seed: «${unit.slice(0, 30)}…» agrees up to «…${unit.slice(Math.max(0, n - 12), n)}», ` +
    `then the manifest has «${unit.slice(n, n + 12)}» where the seed has «${flat.slice(at + n, at + n + 12)}»`
  );
}

/** A paragraph ends a sentence: 。!?:; (full- or half-width) or …, then maybe closing quotes. */
const SENTENCE_END = /[。!?:;…!?:;][”’」』)》]*$/u;

describe('sample back issues', () => {
  it('map every sample to a seed that exists', () => {
    for (const { manifest, seed } of SAMPLES) {
      expect(existsSync(join(ISSUES, manifest)), manifest).toBe(true);
      expect(seedText(seed).length, seed).toBeGreaterThan(1000);
    }
    expect(new Set(SAMPLES.map((s) => s.seed)).size).toBe(SAMPLES.length);
  });

  for (const { manifest, seed } of SAMPLES) {
    describe(`${manifest} (seed ${seed})`, () => {
      const issue = loadManifest(manifest);
      const page = printedSeed(seedText(seed));

      it('has the same characters as its seed, each as often', () => {
        const { ordered, photos } = printedUnits(issue);
        const differences = multisetDifferences(countChars(page), countChars([...ordered, ...photos].join('')));
        expect(differences, `${manifest} differs from seed ${seed}:\n${differences.join('\n')}`).toEqual([]);
      });

      it('has every field and paragraph as a run of its seed, in the seed order', () => {
        // Line breaks (column breaks) are the only thing removed from inside a paragraph.
        const flat = page.replace(/\n+/g, '');
        const { ordered, photos } = printedUnits(issue);
        const problems: string[] = [];
        let at = 0;
        for (const unit of ordered) {
          const found = flat.indexOf(unit, at);
          if (found < 0) {
            problems.push(flat.includes(unit) ? `out of seed order: ${unit.slice(0, 40)}…` : divergence(flat, unit));
          } else {
            at = found + unit.length;
          }
        }
        for (const caption of photos) {
          if (!flat.includes(caption)) problems.push(`caption not a run of the seed: ${caption}`);
        }
        expect(problems, problems.join('\n')).toEqual([]);
      });

      it('has no paragraph cut at a column break', () => {
        const cut: string[] = [];
        for (const a of articles(issue)) {
          for (const p of paragraphs(a.body ?? '')) {
            if (p.text.includes('\n')) cut.push(`${a.id}: line break inside a paragraph: ${p.text.slice(0, 30)}`);
            if (!p.subhead && !SENTENCE_END.test(p.text)) cut.push(`${a.id}: ends mid-sentence: …${p.text.slice(-20)}`);
          }
        }
        expect(cut, cut.join('\n')).toEqual([]);
      });

      it('is a one-page 公益时报 tabloid issue with unique ids and existing stand-in photos', () => {
        expect(issue.publication).toBe('公益时报');
        expect(issue.template).toBe('tabloid');
        expect(String(issue.date)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(issue.pages).toHaveLength(1);
        const ids = articles(issue).map((a) => a.id);
        for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(new Set(ids).size).toBe(ids.length);
        for (const a of articles(issue)) {
          expect(a.body, `${a.id} has a body`).toEqual(expect.any(String));
          for (const photo of a.photos ?? []) {
            expect(photo.file).toMatch(/^photos\/[a-z0-9-]+\.jpg$/);
            const bytes = readFileSync(join(ISSUES, photo.file));
            expect(bytes.subarray(0, 3).toString('hex'), photo.file).toBe('ffd8ff');
            expect(bytes.length, photo.file).toBeLessThan(500 * 1024);
          }
        }
      });
    });
  }
});
