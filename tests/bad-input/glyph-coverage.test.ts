/** Characters the fonts lack: each is set from the first font of the `fallback:` list that has it, or layout refuses the issue. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BanmianError } from '../../src/errors.js';
import type { GlyphRun, PageFrame } from '../../src/layout/frames.js';
import { issueFontBook } from '../../src/fonts/coverage.js';
import { fallbackFamilies, loadFontFace } from '../../src/fonts/registry.js';
import { loadIssue } from '../../src/manifest/load.js';
import { layOut } from '../../src/pipeline.js';
import { loadTemplate, templatesDir } from '../../src/template/load.js';
import { transcribe } from '../../src/layout/transcript.js';
import { makeWorkspace, type Workspace } from './workspace.js';

// In Noto Sans SC but not Noto Serif SC (𥫗), and the other way round (U+9FF0).
const SANS_ONLY = '\u{25AD7}';
const SERIF_ONLY = '\u9FF0';

let workspace: Workspace;
beforeAll(async () => {
  workspace = await makeWorkspace();
});
afterAll(async () => {
  await workspace.remove();
});

async function variant(name: string, from: string, to: string): Promise<string> {
  const text = await readFile(path.join(workspace.dir, 'good.yaml'), 'utf8');
  if (!text.includes(from)) throw new Error(`not in good.yaml: ${from}`);
  const file = path.join(workspace.dir, `${name}.yaml`);
  await writeFile(file, text.replace(from, to));
  return file;
}

/** Every glyph run on the pages (the slug labels aside). */
function glyphRuns(pages: readonly PageFrame[]): GlyphRun[] {
  return pages.flatMap((p) => p.items.filter((i): i is GlyphRun => i.kind === 'glyphs'));
}

/** The fonts of the runs that draw `char`, once each. */
function fontsOf(runs: readonly GlyphRun[], char: string): string[] {
  return [...new Set(runs.filter((r) => r.glyphs.some((g) => g.text === char)).map((r) => r.fontKey))];
}

/** The text of every glyph drawn as .notdef (a box instead of the character). */
function notdefs(runs: readonly GlyphRun[]): string[] {
  return runs.flatMap((r) => r.glyphs.filter((g) => g.id === 0).map((g) => g.text));
}

async function fontBookFor(file: string): ReturnType<typeof issueFontBook> {
  const issue = await loadIssue(file);
  return issueFontBook(issue, await loadTemplate(issue.template, path.dirname(file)));
}

describe('glyph coverage', () => {
  it('the fixtures are what the tests assume', () => {
    expect(fallbackFamilies()).toEqual(['Noto Serif SC', 'Noto Sans SC']);
    expect(loadFontFace('serif-400').covers(SANS_ONLY.codePointAt(0) ?? 0)).toBe(false);
    expect(loadFontFace('sans-400').covers(SANS_ONLY.codePointAt(0) ?? 0)).toBe(true);
    expect(loadFontFace('sans-700').covers(SERIF_ONLY.codePointAt(0) ?? 0)).toBe(false);
    expect(loadFontFace('serif-700').covers(SERIF_ONLY.codePointAt(0) ?? 0)).toBe(true);
  });

  it('keeps every style in its own font when the font has all its characters', async () => {
    const fonts = await fontBookFor(path.join(workspace.dir, 'good.yaml'));
    expect(fonts('Noto Serif SC', 400).key).toBe('serif-400');
    expect(fonts('Noto Sans SC', 700).key).toBe('sans-700');
  });

  it('sets only the characters a style\'s font lacks from the first fallback family that has them, at the nearest weight', async () => {
    const body = (await fontBookFor(await variant('sans-only-body', '举行。', `在${SANS_ONLY}村举行。`)))('Noto Serif SC', 400);
    expect(body.key).toBe('serif-400');
    expect(body.shape(SANS_ONLY).glyphs.map((g) => [g.fallback, g.id > 0])).toEqual([['sans-400', true]]);
    expect(body.shape('村').glyphs.map((g) => g.fallback)).toEqual([undefined]);
    const headline = (await fontBookFor(await variant('serif-only-headline', 'headline: 浙江站启动', `headline: 浙江站${SERIF_ONLY}启动`)))('Noto Sans SC', 700);
    expect(headline.key).toBe('sans-700');
    expect(headline.shape(SERIF_ONLY).glyphs.map((g) => g.fallback)).toEqual(['serif-700']);
  });

  it('lays out a character only a fallback font has in a run of that font, the rest of the line in its own', async () => {
    const { layout } = await layOut(await variant('fallback-layout', '举行。', `在${SANS_ONLY}村举行。`));
    expect(layout.overset).toEqual([]);
    const runs = glyphRuns(layout.frames.pages);
    expect(fontsOf(runs, SANS_ONLY)).toEqual(['sans-400']);
    expect(fontsOf(runs, '村')).toEqual(['serif-400']);
    expect(runs.filter((r) => r.role === 'body' && r.fontKey !== 'serif-400').map((r) => r.glyphs.map((g) => g.text).join(''))).toEqual([SANS_ONLY]);
    expect(notdefs(runs)).toEqual([]);
    // The transcript shows the line whole, not one row per font.
    const row = transcribe(layout).split('\n').find((l) => l.includes(SANS_ONLY)) ?? '';
    expect(row).toMatch(new RegExp(`body 9\\.0pt \\S*在${SANS_ONLY}`, 'u'));
  });

  it('sets each character from a font that has it when no single font has them all', async () => {
    const { layout } = await layOut(await variant('no-single-font', '举行。', `在${SANS_ONLY}村${SERIF_ONLY}举行。`));
    const runs = glyphRuns(layout.frames.pages);
    expect(fontsOf(runs, SANS_ONLY)).toEqual(['sans-400']);
    expect(fontsOf(runs, SERIF_ONLY)).toEqual(['serif-400']);
    expect(notdefs(runs)).toEqual([]);
  });

  it('refuses a character no configured font has, naming the fonts tried and the line', async () => {
    const file = await variant('no-font', '举行。', '在\u{20000}村举行。');
    const error = await layOut(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BanmianError);
    const { code, kind, message, location } = error as BanmianError;
    expect({ code, kind }).toEqual({ code: 'missing-glyph', kind: 'layout' });
    expect(message).toContain('“\u{20000}” (U+20000)');
    expect(message).toContain('tried Noto Serif SC 400, Noto Sans SC 400');
    expect(location).toMatchObject({ file, line: 16, field: 'pages[0].articles[0].body' });
  });

  it('checks the furniture as it is set: the slug label in the folio face falls back like any text', async () => {
    // The folio in a serif face that lacks a character of the publication's name, which only the
    // slug label sets in the folio's face (the running head's sans has it).
    const tabloid = await readFile(path.join(templatesDir(), 'tabloid.yaml'), 'utf8');
    const folio = /^ {2}folio: .*$/m;
    expect(tabloid).toMatch(folio);
    await writeFile(path.join(workspace.dir, 'templates', 'serif-folio.yaml'), tabloid.replace(folio, '  folio: { family: Noto Serif SC, weight: 700, sizePt: 9, leadingPt: 12, align: right, tint: 0 }'));
    const good = await readFile(path.join(workspace.dir, 'good.yaml'), 'utf8');
    const file = path.join(workspace.dir, 'serif-folio.yaml');
    await writeFile(file, good.replace('publication: 公益时报', `publication: 公益${SANS_ONLY}报`).replace('template: tabloid', 'template: templates/serif-folio.yaml'));

    const { layout } = await layOut(file);
    const slug = layout.frames.pages.flatMap((p) => p.slug);
    expect(fontsOf(slug, SANS_ONLY)).toEqual(['sans-700']);
    expect(fontsOf(slug, '益')).toEqual(['serif-700']);
    expect(new Set(slug.map((r) => r.sizePt))).toEqual(new Set([6])); // the folio's 9 pt scaled to the slug's 6
    expect(notdefs([...slug, ...glyphRuns(layout.frames.pages)])).toEqual([]);
    expect(layout.frames.pages[0]?.slug.flatMap((r) => r.glyphs.map((g) => g.text)).join('')).toBe(`公益${SANS_ONLY}报\u3000第46期\u30002024-11-28\u3000第1版`);
  });
});
