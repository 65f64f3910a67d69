import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIssue } from '../../src/manifest/load.js';
import { listTemplateNames, loadTemplate, templatesDir } from '../../src/template/load.js';
import type { Template } from '../../src/template/types.js';
import { defaultOutputProfile } from '../../src/render/output-profile.js';
import { mmToPt } from '../../src/units.js';
import { inputFailure } from '../support/input-failure.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'banmian-template-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function measurePt(t: Template): number {
  const typeWidth = t.pageWidthMm - t.margins.insideMm - t.margins.outsideMm;
  return mmToPt((typeWidth - (t.columns - 1) * t.gutterMm) / t.columns);
}

function gridHeightPt(t: Template): number {
  return mmToPt(t.pageHeightMm - t.margins.topMm - t.margins.bottomMm - t.runningHeadMm - t.footMm);
}

describe('bundled templates', () => {
  it('lists a4, broadsheet and tabloid', async () => {
    expect(await listTemplateNames()).toEqual(['a4', 'broadsheet', 'tabloid']);
  });

  // name, page size, columns, 字 per column, lines per column: the numbers in each file's header
  it.each([
    ['tabloid', 270, 390, 5, 15, 78],
    ['broadsheet', 390, 540, 8, 13, 97],
    ['a4', 210, 297, 3, 15, 45],
  ] as const)('%s: %i × %i mm, %i columns of %i 字 × %i lines', async (name, width, height, columns, chars, lines) => {
    const t = await loadTemplate(name, root);
    expect(t.name).toBe(name);
    expect(t.file).toBe(path.join(templatesDir(), `${name}.yaml`));
    expect([t.pageWidthMm, t.pageHeightMm, t.columns]).toEqual([width, height, columns]);

    const body = t.styles.body;
    // the column measure is a whole number of body characters
    expect(Math.abs(measurePt(t) - chars * body.sizePt)).toBeLessThanOrEqual(0.01);
    // the grid is a whole number of body lines
    expect(Math.abs(gridHeightPt(t) - lines * body.leadingPt)).toBeLessThanOrEqual(0.01);

    expect(body).toMatchObject({ family: 'Noto Serif SC', weight: 400, align: 'justify', tint: 0 });
    expect(body.sizePt).toBeGreaterThanOrEqual(9);
    expect(body.sizePt).toBeLessThanOrEqual(10.5);
    // newsprint sets 1.4 (0.4 em between lines); newsletters up to 1.6
    expect(body.leadingPt / body.sizePt).toBeGreaterThanOrEqual(1.4);
    expect(body.leadingPt / body.sizePt).toBeLessThanOrEqual(1.6);
    expect(t.bleedMm).toBe(3);
    expect(t.maxInkPercent).toBe(240);
    expect(t.composition).toEqual({ kinsoku: 'gb', cjkLatinSpacingEm: 0.25, indentEm: 2 });
    expect(t.areas.map((a) => a.name)).toContain('lead');
    for (const style of Object.values(t.styles)) {
      expect(['Noto Serif SC', 'Noto Sans SC']).toContain(style.family);
      expect(style.leadingPt).toBeGreaterThanOrEqual(style.sizePt);
    }
    expect(t.styles.headline.sizePt).toBeGreaterThanOrEqual(22);
    expect(t.styles.headline.sizePt).toBeLessThanOrEqual(36);
  });
});

/** A folder with the given files; returns it. */
async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(root, 'case-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`not in fixture: ${needle}`);
  return index + 1;
}

const STYLE = '{ family: Noto Serif SC, weight: 400, sizePt: 10, leadingPt: 15 }';
const MINIMAL = `pageWidthMm: 200
pageHeightMm: 280
margins: { topMm: 15, bottomMm: 15, insideMm: 15, outsideMm: 15 }
columns: 3
gutterMm: 5
styles:
${['kicker', 'headline', 'subhead', 'byline', 'body', 'bodySubhead', 'caption', 'credit', 'runningHead', 'folio', 'jumpLine', 'pageEditor']
  .map((name) => `  ${name}: ${STYLE}`)
  .join('\n')}
`;

function edit(from: string, to: string, text = MINIMAL): string {
  if (!text.includes(from)) throw new Error(`fixture text not found: ${from}`);
  return text.replace(from, to);
}

describe('template files', () => {
  it('loads a template by path relative to the manifest, with defaults for optional fields', async () => {
    const dir = await folder({ 'tpl/house.yaml': MINIMAL });
    const t = await loadTemplate('tpl/house.yaml', dir);
    expect(t.name).toBe('house');
    expect(t.file).toBe(path.join(dir, 'tpl/house.yaml'));
    expect(t.bleedMm).toBe(3);
    expect(t.runningHeadMm).toBe(0);
    expect(t.footMm).toBe(0);
    expect(t.maxInkPercent).toBe(240);
    expect(t.composition).toEqual({ kinsoku: 'gb', cjkLatinSpacingEm: 0.25, indentEm: 2 });
    expect(t.areas).toEqual([]);
    expect(t.styles.body).toEqual({ family: 'Noto Serif SC', weight: 400, sizePt: 10, leadingPt: 15, align: 'left', tint: 0 });
  });

  it('loads the absolute template path that loadIssue produced', async () => {
    const bundled = await readFile(path.join(templatesDir(), 'a4.yaml'), 'utf8');
    const dir = await folder({
      'house.yaml': bundled,
      'a.md': '正文\n',
      'issue.yaml': 'publication: 刊\nissue: 1\ndate: 2024-01-02\ntemplate: house.yaml\npages:\n  - articles:\n      - headline: 题\n        body_file: a.md\n',
    });
    const issue = await loadIssue(path.join(dir, 'issue.yaml'));
    const t = await loadTemplate(issue.template, path.dirname(issue.file));
    expect(t.name).toBe('house');
    expect(t.columns).toBe(3);
  });

  it('names the available templates for an unknown name', async () => {
    const error = await inputFailure(loadTemplate('braodsheet', root));
    expect(error.code).toBe('unknown-template');
    expect(error.hint).toContain('did you mean "broadsheet"');
    expect(error.hint).toContain('a4, broadsheet, tabloid');
  });

  it.each([
    ['../elsewhere.yaml', 'unsafe-path'],
    ['/etc/passwd.yaml', 'unsafe-path'],
    ['tpl/none.yaml', 'missing-file'],
  ])('refuses %s (%s)', async (written, code) => {
    const dir = await folder({ 'keep.txt': '' });
    const error = await inputFailure(loadTemplate(written, dir));
    expect(error.code).toBe(code);
  });

  describe('iccProfile', () => {
    /** A 128-byte ICC header: class, colour space, and the `acsp` signature. */
    const iccHeader = (profileClass: string, space: string): Buffer => {
      const header = Buffer.alloc(128);
      header.write(profileClass, 12, 'latin1');
      header.write(space, 16, 'latin1');
      header.write('acsp', 36, 'latin1');
      return header;
    };
    const withProfile = async (content: Buffer): Promise<string> => {
      const dir = await folder({ 'house.yaml': `${MINIMAL}iccProfile: plant.icc\n` });
      await writeFile(path.join(dir, 'plant.icc'), content);
      return dir;
    };

    it('loads a CMYK output profile beside the template', async () => {
      const dir = await withProfile(await readFile(defaultOutputProfile().file));
      expect((await loadTemplate('house.yaml', dir)).iccProfile).toBe(path.join(dir, 'plant.icc'));
    });

    it.each([
      ['a text file', Buffer.from('not a profile at all, just some text '.repeat(8)), /is not an ICC profile/],
      ['an RGB display profile', iccHeader('mntr', 'RGB '), /is a RGB profile, not CMYK/],
      ['a CMYK device-link', iccHeader('link', 'CMYK'), /not an output \(printer\) profile/],
    ])('refuses %s, naming the template line', async (_what, content, message) => {
      const dir = await withProfile(content);
      const error = await inputFailure(loadTemplate('house.yaml', dir));
      expect(error.code).toBe('bad-icc-profile');
      expect(error.message).toMatch(message);
      expect(error.location).toMatchObject({ file: path.join(dir, 'house.yaml'), line: MINIMAL.split('\n').length, field: 'iccProfile' });
    });
  });

  interface BadCase {
    readonly name: string;
    readonly text: string;
    readonly code: string;
    readonly line: number | string;
    readonly field: string;
    readonly hint?: string;
  }
  const BAD: readonly BadCase[] = [
    {
      name: 'misspelt style field',
      text: edit(`body: ${STYLE}`, 'body: { family: Noto Serif SC, weight: 400, sizept: 10, leadingPt: 15 }'),
      code: 'unknown-field',
      line: 'sizept',
      field: 'styles.body.sizept',
      hint: 'did you mean "sizePt"',
    },
    { name: 'misspelt top-level field', text: edit('gutterMm: 5', 'gutterMM: 5'), code: 'unknown-field', line: 5, field: 'gutterMM', hint: 'did you mean "gutterMm"' },
    { name: 'missing style', text: edit(`  folio: ${STYLE}\n`, ''), code: 'missing-field', line: 'kicker', field: 'styles.folio' },
    { name: 'margin as text', text: edit('topMm: 15', 'topMm: 15mm'), code: 'wrong-type', line: 3, field: 'margins.topMm' },
    { name: 'fractional columns', text: edit('columns: 3', 'columns: 2.5'), code: 'wrong-type', line: 4, field: 'columns' },
    { name: 'unknown alignment', text: edit(`caption: ${STYLE}`, 'caption: { family: Noto Sans SC, weight: 400, sizePt: 8, leadingPt: 12, align: middle }'), code: 'bad-value', line: 'caption', field: 'styles.caption.align' },
    { name: 'unknown kinsoku level', text: `${MINIMAL}composition: { kinsoku: loose }\n`, code: 'bad-value', line: 'composition', field: 'composition.kinsoku' },
    {
      name: 'body leading below body size',
      text: edit(`body: ${STYLE}`, 'body: { family: Noto Serif SC, weight: 400, sizePt: 10, leadingPt: 8 }'),
      code: 'bad-number',
      line: 'body:',
      field: 'styles.body.leadingPt',
    },
    { name: 'too many columns', text: edit('columns: 3', 'columns: 60'), code: 'bad-geometry', line: 4, field: 'columns' },
    {
      name: 'area wider than the page',
      text: `${MINIMAL}areas:\n  - { name: lead, column: 1, columns: 3 }\n`,
      code: 'bad-area',
      line: 'name: lead',
      field: 'areas[0].columns',
    },
    {
      name: 'duplicate area',
      text: `${MINIMAL}areas:\n  - { name: lead, column: 0, columns: 3 }\n  - { name: lead, column: 0, columns: 1 }\n`,
      code: 'duplicate-area',
      line: 'columns: 1 }',
      field: 'areas[1].name',
    },
    { name: 'YAML syntax', text: edit('columns: 3', 'columns: [3'), code: 'yaml-syntax', line: 5, field: '' },
  ];

  it.each(BAD)('$name → $code', async ({ text, code, line, field, hint }) => {
    const dir = await folder({ 'bad.yaml': text });
    const error = await inputFailure(loadTemplate('bad.yaml', dir));
    expect(error.code, error.format()).toBe(code);
    expect(error.location.file).toBe(path.join(dir, 'bad.yaml'));
    expect(error.location.line, error.format()).toBe(typeof line === 'number' ? line : lineOf(text, line));
    if (field !== '') expect(error.location.field).toBe(field);
    if (hint !== undefined) expect(error.hint).toContain(hint);
    expect(error.hint).toBeTruthy();
  });
});
