// Jumps and overset: a story that does not fit continues on the page its manifest names, with
// （下转第N版） and （上接第M版） and its headline again, every character set exactly once in
// reading order; a story that does not fit and may not jump stops the build (exit 1), names
// itself and how much did not fit, and leaves the previous PDF untouched.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { isBanmianError } from '../../src/errors.js';
import type { GlyphRun } from '../../src/layout/frames.js';
import { pageGrid } from '../../src/layout/grid.js';
import { buildIssue, checkIssue, layOut } from '../../src/pipeline.js';
import { loadTemplate } from '../../src/template/load.js';
import { normalizeByline } from '../../src/text/normalize.js';
import { segmentBody } from '../../src/text/segment.js';
import { CLI } from '../cli/run-cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const visible = (s: string): string => s.replace(/[\s\u3000]/gu, '');

describe('a lead story that continues on page 2 (issues/newsletter-2024-11-26.yaml)', () => {
  it('carries jump lines both ways with the real page numbers, and the story once, in order', async () => {
    const { issue, layout } = await layOut(join(ROOT, 'issues', 'newsletter-2024-11-26.yaml'));
    const template = await loadTemplate(issue.template, dirname(issue.file));
    expect(layout.overset).toEqual([]);
    const lead = issue.pages[0]?.articles[0];
    if (!lead) throw new Error('no lead');

    const storyRuns: GlyphRun[] = [];
    const jumpTexts: string[][] = [];
    layout.pages.forEach((page, p) => {
      const grid = pageGrid(template, page.number);
      const frame = layout.frames.pages[p];
      const runs = (frame?.items ?? []).filter((i): i is GlyphRun => i.kind === 'glyphs');
      const texts: string[] = [];
      for (const m of page.arrangement.modules.filter((mod) => mod.layout.prepared.article.headline === lead.headline)) {
        const left = grid.typeLeft + m.column * (grid.columnWidth + grid.gutter);
        const right = left + m.layout.widthColumns * (grid.columnWidth + grid.gutter);
        const top = grid.typeTop + m.row * grid.pitch;
        const bottom = top + m.layout.heightLines * grid.pitch;
        const inModule = runs.filter((r) => {
          const x = r.x + (r.glyphs[0]?.x ?? 0);
          return x >= left - 0.01 && x < right && r.baseline > top && r.baseline < bottom;
        });
        // reading order: column by column, top to bottom
        const column = (r: GlyphRun): number => Math.floor((r.x + (r.glyphs[0]?.x ?? 0) - grid.typeLeft + 0.01) / (grid.columnWidth + grid.gutter));
        inModule.sort((a, b) => column(a) - column(b) || a.baseline - b.baseline);
        for (const r of inModule) {
          const text = r.glyphs.map((g) => g.text).join('');
          if (['body', 'byline', 'bodySubhead'].includes(r.role)) storyRuns.push(r);
          if (r.role === 'jumpLine' || r.role === 'jumpHeadline') texts.push(`${r.role}:${text}`);
        }
      }
      jumpTexts.push(texts);
    });
    // Page 1 ends the story's first part with the jump line; page 2 repeats the headline, then
    // says where the story came from.
    expect(jumpTexts[0]).toEqual(['jumpLine:（下转第2版）']);
    expect(jumpTexts[1]).toEqual([`jumpHeadline:${lead.headline}`, 'jumpLine:（上接第1版）']);

    const expected = `■${normalizeByline(lead.byline ?? '')}${segmentBody(lead.body).map((p) => p.text).join('')}`;
    expect(visible(storyRuns.map((r) => r.glyphs.map((g) => g.text).join('')).join(''))).toBe(visible(expected));
  });
});

describe('an article far too long for its page, with no continue_on', () => {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-overset-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const manifest = join(dir, 'long.yaml');
  const output = join(dir, 'long.pdf');
  const previous = Buffer.from('%PDF-1.3 the last good build\n');

  const source = parse(readFileSync(join(ROOT, 'issues', 'gongyi-2023-03-21.yaml'), 'utf8')) as {
    template: string;
    pages: { articles: { id: string; body: string }[] }[];
  };
  const article = source.pages[0]?.articles[1];
  if (!article) throw new Error('no second article');
  article.body = Array.from({ length: 4 }, () => article.body).join('\n\n');
  writeFileSync(manifest, stringify(source));

  it('is refused by the library with the article, the page and what did not fit; the old PDF stays', async () => {
    writeFileSync(output, previous);
    const failure = await buildIssue(manifest, { output, profile: 'email' }).catch((e: unknown) => e);
    expect(isBanmianError(failure)).toBe(true);
    if (!isBanmianError(failure)) return;
    expect(failure.kind).toBe('layout');
    expect(failure.exitStatus).toBe(1);
    expect(failure.location.file).toBe(manifest);
    const amount = new RegExp(`“${article.id}” on page 1: (\\d+) (lines?) \\((\\d+) (characters?)\\) (do|does) not fit`, 'u').exec(failure.message);
    expect(amount, failure.message).not.toBeNull();
    const [, lines, lineWord, chars, charWord, verb] = amount ?? [];
    // counted in English: `1 line (10 characters) does not fit`, `14 lines (210 characters) do not fit`
    expect([lineWord, verb]).toEqual(Number(lines) === 1 ? ['line', 'does'] : ['lines', 'do']);
    expect(charWord).toBe(Number(chars) === 1 ? 'character' : 'characters');
    expect(readFileSync(output)).toEqual(previous);
    expect(readdirSync(dir).sort()).toEqual(['long.pdf', 'long.yaml']);

    const check = await checkIssue(manifest);
    expect(check.ok).toBe(false);
    expect(check.overset.map((o) => o.article)).toContain(article.id);
  });

  it('exits with status 1 from the command line, in one message without a stack trace', async () => {
    writeFileSync(output, previous);
    const run = promisify(execFile);
    for (const args of [['build', manifest, '-o', output], ['check', manifest]]) {
      const result = await run(process.execPath, [CLI, ...args]).then(
        () => ({ code: 0, stdout: '', stderr: '' }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
      // build reports on stderr; check's report (stdout) is where the sub-editor reads it
      const said = `${result.stdout}${result.stderr}`;
      expect(result.code).toBe(1);
      expect(said).toContain('long.yaml');
      expect(said).toContain(article.id);
      expect(said).not.toMatch(/^\s+at /mu);
    }
    expect(readFileSync(output)).toEqual(previous);
  });
});
