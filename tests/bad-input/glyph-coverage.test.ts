/** Characters the fonts lack: a style falls back to the `fallback:` list, or layout refuses the issue. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BanmianError } from '../../src/errors.js';
import type { GlyphRun } from '../../src/layout/frames.js';
import { issueFontBook } from '../../src/fonts/coverage.js';
import { fallbackFamilies, loadFontFace } from '../../src/fonts/registry.js';
import { loadIssue } from '../../src/manifest/load.js';
import { layOut } from '../../src/pipeline.js';
import { loadTemplate, templatesDir } from '../../src/template/load.js';
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

  it('sets a style in the first fallback family that has all its characters, at the nearest weight', async () => {
    const body = await fontBookFor(await variant('sans-only-body', '举行。', `在${SANS_ONLY}村举行。`));
    expect(body('Noto Serif SC', 400).key).toBe('sans-400');
    expect(body('Noto Sans SC', 700).key).toBe('sans-700');
    const headline = await fontBookFor(await variant('serif-only-headline', 'headline: 浙江站启动', `headline: 浙江站${SERIF_ONLY}启动`));
    expect(headline('Noto Sans SC', 700).key).toBe('serif-700');
    expect(headline('Noto Serif SC', 400).key).toBe('serif-400');
  });

  it('lays out an issue whose characters only a fallback font has', async () => {
    const { layout } = await layOut(await variant('fallback-layout', '举行。', `在${SANS_ONLY}村举行。`));
    expect(layout.overset).toEqual([]);
  });

  it('refuses characters no single configured font has, naming both', async () => {
    const file = await variant('no-single-font', '举行。', `在${SANS_ONLY}村${SERIF_ONLY}举行。`);
    const error = await layOut(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BanmianError);
    const { code, kind, message, location } = error as BanmianError;
    expect({ code, kind }).toEqual({ code: 'missing-glyph', kind: 'layout' });
    expect(message).toContain(`“${SANS_ONLY}” (U+25AD7)`);
    expect(message).toContain('Noto Sans SC 400 has it but lacks other characters of this style');
    expect(location).toMatchObject({ file, line: 16, field: 'pages[0].articles[0].body' });
  });

  it('checks the furniture as it is set: the slug label in the folio face falls back like any style', async () => {
    // The folio in a serif face that lacks a character of the publication's name, which only the
    // slug label sets in the folio's face (the running head's sans has it).
    const tabloid = await readFile(path.join(templatesDir(), 'tabloid.yaml'), 'utf8');
    const folio = /^ {2}folio: .*$/m;
    expect(tabloid).toMatch(folio);
    await writeFile(path.join(workspace.dir, 'templates', 'serif-folio.yaml'), tabloid.replace(folio, '  folio: { family: Noto Serif SC, weight: 700, sizePt: 9, leadingPt: 12, align: right, tint: 0 }'));
    const good = await readFile(path.join(workspace.dir, 'good.yaml'), 'utf8');
    const file = path.join(workspace.dir, 'serif-folio.yaml');
    await writeFile(file, good.replace('publication: 公益时报', `publication: 公益${SANS_ONLY}报`).replace('template: tabloid', 'template: templates/serif-folio.yaml'));

    const fonts = await fontBookFor(file);
    expect(fonts('Noto Serif SC', 700).key).toBe('sans-700');
    const { layout } = await layOut(file);
    const pages = layout.frames.pages;
    expect(pages.map((p) => p.slug.fontKey)).toEqual(pages.map(() => 'sans-700'));
    const runs = pages.flatMap((p) => [p.slug, ...p.items.filter((i): i is GlyphRun => i.kind === 'glyphs')]);
    expect(runs.flatMap((r) => r.glyphs).filter((g) => g.id === 0).map((g) => g.text)).toEqual([]);
    expect(pages[0]?.slug.glyphs.map((g) => g.text).join('')).toBe(`公益${SANS_ONLY}报\u3000第46期\u30002024-11-28\u3000第1版`);
  });
});
