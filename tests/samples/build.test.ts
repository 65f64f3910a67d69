// The five sample back issues build, each onto one page, and the PDF holds exactly the text of
// the manifest: every character of every article (after the engine's normalisation) plus the
// page furniture (running heads, folios, jump lines and jump headlines), nothing lost, nothing
// doubled — also for an article that jumps to a later page. Text is read back from the PDF with pdf-parse.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { afterAll, describe, expect, it } from 'vitest';
import type { Article, Issue } from '../../src/manifest/types.js';
import { buildIssue, layOut } from '../../src/pipeline.js';
import { normalizeByline, normalizeText, sourceCredit } from '../../src/text/normalize.js';

const ISSUES = join(import.meta.dirname, '..', '..', 'issues');
const SAMPLES = readdirSync(ISSUES).filter((f) => f.endsWith('.yaml')).sort();
const out = mkdtempSync(join(tmpdir(), 'banmian-samples-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const visible = (s: string): string => s.replace(/[\s\u3000]/gu, '');

function count(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of visible(text)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

/** What the reader must find of an article: its parts as the engine normalises them. */
function articleText(a: Article): string {
  const parts = [a.kicker, a.headline.replace(/。$/u, ''), a.subhead, a.body.replace(/^## /gmu, '')].map((p) =>
    p === undefined ? '' : normalizeText(p),
  );
  if (a.byline) parts.push(`■${normalizeByline(a.byline)}`);
  if (a.source) parts.push(sourceCredit(a.source));
  for (const photo of a.photos) parts.push(normalizeText(photo.caption ?? ''), normalizeByline(photo.credit ?? ''));
  return parts.join('');
}

async function pdfText(file: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const parser = new PDFParse({ data: new Uint8Array(await readFile(file)) });
  try {
    // pdf-parse marks page ends with `-- 1 of 2 --`: not ours.
    return (await parser.getText()).text.replace(/^-- \d+ of \d+ --$/gmu, '');
  } finally {
    await parser.destroy();
  }
}

function furnitureText(runs: readonly { role: string; glyphs: readonly { text: string }[] }[]): string {
  const furniture = new Set(['runningHead', 'folio', 'pageEditor', 'jumpLine', 'jumpHeadline']);
  return runs.filter((r) => furniture.has(r.role)).flatMap((r) => r.glyphs.map((g) => g.text)).join('');
}

describe.each(SAMPLES)('sample issue %s', (name) => {
  it('builds onto its pages, and the PDF holds exactly the manifest text plus the furniture', async () => {
    const manifest = join(ISSUES, name);
    const report = await buildIssue(manifest, { output: join(out, name.replace(/yaml$/u, 'pdf')), profile: 'email' });
    const { issue, layout } = await layOut(manifest);
    expect(report.pages).toBe(issue.pages.length);
    expect(layout.overset).toEqual([]);

    const runs = layout.frames.pages.flatMap((p) => p.items.flatMap((i) => (i.kind === 'glyphs' ? [i] : [])));
    const expected = count(issueText(issue) + furnitureText(runs));
    const found = count(await pdfText(report.output));
    const differences = [...new Set([...expected.keys(), ...found.keys()])]
      .filter((ch) => expected.get(ch) !== found.get(ch))
      .map((ch) => `${ch} expected ${expected.get(ch) ?? 0} found ${found.get(ch) ?? 0}`);
    expect(differences).toEqual([]);
  });
});

function issueText(issue: Issue): string {
  return issue.pages.flatMap((p) => p.articles.map(articleText)).join('');
}
