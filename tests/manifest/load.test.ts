import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BanmianError } from '../../src/errors.js';
import { loadIssue } from '../../src/manifest/load.js';
import { inputFailure } from '../support/input-failure.js';

const GOOD = `publication: 公益时报
issue: 第46期
date: 2024-11-28
template: tabloid
pages:
  - section: 社会工作
    editor: 本版编辑 王某
    articles:
      - id: red-button
        kicker: “红纽扣医务社工项目”
        headline: 浙江站启动
        subhead: 22家试点医院签约
        byline: 本报记者 于俊如
        body: |
          深化志愿者和社会工作专业人才培养是……

          ## 启动仪式
          11月23日,全国医务社会工作……
        source: 据新华社客户端
        columns: 3
        photos:
          - file: photos/red-button.jpg
            caption: 启动仪式
            credit: 新华社记者 龚雯/摄
            columns: 2
        continue_on: 2
  - articles:
      - id: second
        headline: 第二篇
        body_file: articles/second.md
        area: lead
`;

/** Files every fixture folder gets: the photo and body file GOOD refers to. */
const SUPPORT: Record<string, string | Uint8Array> = {
  'photos/red-button.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0xd9]),
  'articles/second.md': '第二篇的正文。\r\n\r\n第二段。\n',
};

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'banmian-manifest-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A fresh folder holding issue.yaml with `text` plus the support files; returns the manifest path. */
async function fixture(text: string, extra: Record<string, string | Uint8Array> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(root, 'case-'));
  for (const [name, content] of Object.entries({ ...SUPPORT, ...extra })) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  const file = path.join(dir, 'issue.yaml');
  await writeFile(file, text);
  return file;
}

/** GOOD with one piece of text replaced (the piece must exist). */
function edit(from: string, to: string, text = GOOD): string {
  if (!text.includes(from)) throw new Error(`fixture text not found: ${from}`);
  return text.replace(from, to);
}

/** 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`not in fixture: ${needle}`);
  return index + 1;
}

async function loadError(text: string, extra?: Record<string, string | Uint8Array>): Promise<BanmianError> {
  return inputFailure(loadIssue(await fixture(text, extra)));
}

describe('loadIssue: a good manifest', () => {
  it('loads every field with resolved paths and source lines', async () => {
    const file = await fixture(GOOD);
    const dir = path.dirname(file);
    const issue = await loadIssue(file);
    expect(issue.file).toBe(file);
    expect(issue.publication).toBe('公益时报');
    expect(issue.issue).toBe('第46期');
    expect(issue.date).toBe('2024-11-28');
    expect(issue.template).toBe('tabloid');
    expect(issue.pages).toHaveLength(2);

    const [first, second] = issue.pages;
    expect(first?.section).toBe('社会工作');
    expect(first?.editor).toBe('本版编辑 王某');
    expect(first?.origin).toEqual({ file, line: 6, field: 'pages[0]' });

    const lead = first?.articles[0];
    expect(lead).toMatchObject({
      id: 'red-button',
      kicker: '“红纽扣医务社工项目”',
      headline: '浙江站启动',
      subhead: '22家试点医院签约',
      byline: '本报记者 于俊如',
      source: '据新华社客户端',
      columns: 3,
      continueOn: 2,
    });
    expect(lead?.body).toBe('深化志愿者和社会工作专业人才培养是……\n\n## 启动仪式\n11月23日,全国医务社会工作……\n');
    // the text of `body: |` starts on the line after the bar
    expect(lead?.bodySource).toEqual({ file, line: lineOf(GOOD, '深化志愿者'), field: 'pages[0].articles[0].body' });
    expect(lead?.origin).toEqual({ file, line: lineOf(GOOD, 'id: red-button'), field: 'pages[0].articles[0]' });
    expect(lead?.photos).toEqual([
      {
        file: path.join(dir, 'photos/red-button.jpg'),
        caption: '启动仪式',
        credit: '新华社记者 龚雯/摄',
        columns: 2,
        source: { file, line: lineOf(GOOD, '- file: photos'), field: 'pages[0].articles[0].photos[0]' },
        fieldLines: { caption: lineOf(GOOD, 'caption: 启动仪式'), credit: lineOf(GOOD, 'credit: 新华社') },
      },
    ]);

    // the line of each short text, for messages about its characters
    expect(issue.fieldLines).toEqual({ publication: 1, issue: 2 });
    expect(first?.fieldLines).toEqual({ section: 6, editor: 7 });
    expect(lead?.fieldLines).toEqual({ kicker: 10, headline: 11, subhead: 12, byline: 13, source: lineOf(GOOD, 'source: 据') });

    const jumped = second?.articles[0];
    expect(second?.section).toBeUndefined();
    expect(jumped?.body).toBe('第二篇的正文。\n\n第二段。\n');
    expect(jumped?.area).toBe('lead');
    expect(jumped?.photos).toEqual([]);
    expect(jumped?.bodySource).toEqual({
      file: path.join(dir, 'articles/second.md'),
      line: 1,
      field: 'pages[1].articles[0].body_file',
    });
    // optional fields that were not written are absent, not undefined-valued keys
    expect(Object.keys(jumped ?? {})).not.toContain('kicker');
    expect(JSON.parse(JSON.stringify(issue))).toEqual(issue);
  });

  it('keeps text that YAML would read as a number exactly as written', async () => {
    const text = edit('issue: 第46期', 'issue: 46', edit('headline: 浙江站启动', 'headline: 1.50'));
    const issue = await loadIssue(await fixture(text));
    expect(issue.issue).toBe('46');
    expect(issue.pages[0]?.articles[0]?.headline).toBe('1.50');
  });

  it('accepts a quoted date, empty optional fields and a template file in the folder', async () => {
    const text = edit('template: tabloid', 'template: ./tpl/house.yaml', edit('date: 2024-11-28', 'date: "2024-02-29"', edit('kicker: “红纽扣医务社工项目”', 'kicker:')));
    const file = await fixture(text, { 'tpl/house.yaml': 'pageWidthMm: 100\n' });
    const issue = await loadIssue(file);
    expect(issue.date).toBe('2024-02-29');
    expect(issue.template).toBe(path.join(path.dirname(file), 'tpl/house.yaml'));
    expect(issue.pages[0]?.articles[0]?.kicker).toBeUndefined();
  });

  it('resolves a relative manifest path against the working directory', async () => {
    const file = await fixture(GOOD);
    const issue = await loadIssue(path.relative(process.cwd(), file));
    expect(issue.file).toBe(file);
  });
});

interface BadCase {
  readonly name: string;
  readonly text: string;
  readonly code: string;
  /** the line, or a piece of text on it */
  readonly line: number | string;
  readonly field?: string;
  /** the hint must contain this */
  readonly hint?: string;
  readonly extra?: Record<string, string | Uint8Array>;
}

const BAD: readonly BadCase[] = [
  { name: 'unclosed flow sequence', text: edit('template: tabloid', 'template: [tabloid'), code: 'yaml-syntax', line: 5 },
  { name: 'tab indentation', text: edit('  - articles:', '\t- articles:'), code: 'yaml-syntax', line: '- articles:' },
  { name: 'duplicate key', text: edit('template: tabloid', 'template: tabloid\ndate: 2024-11-29'), code: 'duplicate-key', line: 5 },
  { name: 'empty file', text: '', code: 'empty-file', line: 1 },
  { name: 'a list at the top', text: '- a\n- b\n', code: 'wrong-type', line: 1 },
  {
    name: 'misspelt top-level field',
    text: edit('publication:', 'publicaton:'),
    code: 'unknown-field',
    line: 1,
    field: 'publicaton',
    hint: 'did you mean "publication"',
  },
  {
    name: 'misspelt article field',
    text: edit('headline: 浙江站启动', 'headlin: 浙江站启动'),
    code: 'unknown-field',
    line: 'headlin:',
    field: 'pages[0].articles[0].headlin',
    hint: 'did you mean "headline"',
  },
  {
    name: 'camelCase spelling of continue_on',
    text: edit('continue_on: 2', 'continueOn: 2'),
    code: 'unknown-field',
    line: 'continueOn',
    field: 'pages[0].articles[0].continueOn',
    hint: 'did you mean "continue_on"',
  },
  {
    name: 'misspelt photo field',
    text: edit('caption: 启动仪式', 'captoin: 启动仪式'),
    code: 'unknown-field',
    line: 'captoin',
    field: 'pages[0].articles[0].photos[0].captoin',
    hint: 'did you mean "caption"',
  },
  {
    name: 'an unknown field with no near match lists the allowed ones',
    text: edit('    editor: 本版编辑 王某', '    editor: 本版编辑 王某\n    colour: red'),
    code: 'unknown-field',
    line: 'colour',
    field: 'pages[0].colour',
    hint: 'allowed here: section, editor, articles',
  },
  {
    name: 'missing headline',
    text: edit('        headline: 浙江站启动\n', ''),
    code: 'missing-field',
    line: 'id: red-button',
    field: 'pages[0].articles[0].headline',
  },
  { name: 'missing pages', text: GOOD.slice(0, GOOD.indexOf('pages:')), code: 'missing-field', line: 1, field: 'pages' },
  { name: 'empty headline', text: edit('headline: 第二篇', 'headline:'), code: 'missing-field', line: 29, field: 'pages[1].articles[0].headline' },
  { name: 'blank publication', text: edit('publication: 公益时报', 'publication: "  "'), code: 'empty-field', line: 1, field: 'publication' },
  { name: 'columns as a word', text: edit('columns: 3', 'columns: three'), code: 'wrong-type', line: 'columns: three', field: 'pages[0].articles[0].columns' },
  { name: 'fractional columns', text: edit('columns: 2', 'columns: 1.5'), code: 'wrong-type', line: 'columns: 1.5', field: 'pages[0].articles[0].photos[0].columns' },
  { name: 'zero columns', text: edit('columns: 3', 'columns: 0'), code: 'bad-number', line: 'columns: 0', field: 'pages[0].articles[0].columns' },
  { name: 'headline as a list', text: edit('headline: 第二篇', 'headline: [第二, 篇]'), code: 'wrong-type', line: 'headline: [', field: 'pages[1].articles[0].headline' },
  { name: 'pages as a mapping', text: GOOD.slice(0, GOOD.indexOf('pages:')) + 'pages:\n  section: 社会\n', code: 'wrong-type', line: 6, field: 'pages', hint: '- ' },
  { name: 'impossible date', text: edit('date: 2024-11-28', 'date: 2024-02-30'), code: 'bad-date', line: 3, field: 'date', hint: 'YYYY-MM-DD' },
  { name: 'non-ISO date', text: edit('date: 2024-11-28', 'date: 28/11/2024'), code: 'bad-date', line: 3, field: 'date' },
  { name: 'date as a number', text: edit('date: 2024-11-28', 'date: 20241128'), code: 'bad-date', line: 3, field: 'date' },
  {
    name: 'both body and body_file',
    text: edit('        area: lead', '        area: lead\n        body: 正文'),
    code: 'conflicting-fields',
    line: 'body_file:',
    field: 'pages[1].articles[0].body_file',
  },
  {
    name: 'neither body nor body_file',
    text: edit('        body_file: articles/second.md\n', ''),
    code: 'missing-body',
    line: 'id: second',
    field: 'pages[1].articles[0]',
  },
  {
    name: 'duplicate article id',
    text: edit('id: second', 'id: red-button'),
    code: 'duplicate-id',
    line: 28,
    field: 'pages[1].articles[0].id',
  },
  { name: 'continue_on past the last page', text: edit('continue_on: 2', 'continue_on: 5'), code: 'bad-continue-on', line: 'continue_on', field: 'pages[0].articles[0].continue_on' },
  { name: 'continue_on to its own page', text: edit('continue_on: 2', 'continue_on: 1'), code: 'bad-continue-on', line: 'continue_on', field: 'pages[0].articles[0].continue_on' },
  {
    name: 'continue_on from the last page',
    text: edit('        area: lead', '        area: lead\n        continue_on: 1'),
    code: 'bad-continue-on',
    line: 'continue_on: 1',
    field: 'pages[1].articles[0].continue_on',
    hint: 'last page',
  },
  { name: 'page without articles', text: GOOD.slice(0, GOOD.indexOf('      - id: second')).replace(/articles:\n$/, 'articles: []\n'), code: 'empty-page', line: 'articles: []', field: 'pages[1].articles' },
  { name: 'no pages', text: GOOD.slice(0, GOOD.indexOf('pages:')) + 'pages: []\n', code: 'no-pages', line: 5, field: 'pages' },
  {
    name: 'unknown template name',
    text: edit('template: tabloid', 'template: tabloidd'),
    code: 'unknown-template',
    line: 4,
    field: 'template',
    hint: 'did you mean "tabloid"? available: a4, broadsheet, tabloid',
  },
  { name: 'template path escaping the folder', text: edit('template: tabloid', 'template: ../tabloid.yaml'), code: 'unsafe-path', line: 4, field: 'template' },
  { name: 'missing template file', text: edit('template: tabloid', 'template: tpl/none.yaml'), code: 'missing-file', line: 4, field: 'template' },
  {
    name: 'missing photo',
    text: edit('            columns: 2\n', '            columns: 2\n          - file: photos/missing.jpg\n'),
    code: 'missing-file',
    line: 'photos/missing.jpg',
    field: 'pages[0].articles[0].photos[1].file',
  },
  { name: 'photo is a folder', text: edit('file: photos/red-button.jpg', 'file: photos'), code: 'not-a-file', line: 'file: photos', field: 'pages[0].articles[0].photos[0].file' },
  { name: 'body_file escaping with ..', text: edit('articles/second.md', '../second.md'), code: 'unsafe-path', line: 'body_file', field: 'pages[1].articles[0].body_file' },
  { name: 'body_file escaping inside the path', text: edit('articles/second.md', 'articles/../../x.md'), code: 'unsafe-path', line: 'body_file', field: 'pages[1].articles[0].body_file' },
  { name: 'absolute body_file', text: edit('articles/second.md', '/etc/passwd'), code: 'unsafe-path', line: 'body_file', field: 'pages[1].articles[0].body_file', hint: 'relative' },
  { name: 'Windows absolute photo path', text: edit('photos/red-button.jpg', 'C:/photos/a.jpg'), code: 'unsafe-path', line: 'C:/photos', field: 'pages[0].articles[0].photos[0].file' },
  { name: 'backslash in a path', text: edit('articles/second.md', 'articles\\second.md'), code: 'unsafe-path', line: 'body_file', field: 'pages[1].articles[0].body_file', hint: 'forward slash' },
  {
    name: 'body_file not UTF-8 (GBK)',
    text: GOOD,
    // 第二 in GBK on line 2
    extra: { 'articles/second.md': new Uint8Array([0x0a, 0xb5, 0xda, 0xb6, 0xfe, 0x0a]) },
    code: 'not-utf8',
    line: 2,
    field: 'pages[1].articles[0].body_file',
    hint: 'GB18030',
  },
  {
    name: 'billion laughs',
    text: [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
      'publication: *i',
      '',
    ].join('\n'),
    code: 'too-many-aliases',
    line: 2,
  },
];

describe('loadIssue: bad manifests', () => {
  it.each(BAD)('$name → $code', async ({ text, code, line, field, hint, extra }) => {
    const error = await loadError(text, extra);
    expect(error.code, error.format()).toBe(code);
    expect(error.location.line, error.format()).toBe(typeof line === 'number' ? line : lineOf(text, line));
    if (code !== 'not-utf8') expect(error.location.file).toMatch(/issue\.yaml$/);
    if (field !== undefined) expect(error.location.field).toBe(field);
    if (hint !== undefined) expect(error.hint).toContain(hint);
    expect(error.hint ?? '', `${code} needs a hint`).not.toBe('');
  });

  it('reports a YAML syntax error with its column', async () => {
    const error = await loadError(edit('  - articles:', '\t- articles:'));
    expect(error.location.column).toBe(1);
    expect(error.format()).toMatch(/issue\.yaml:\d+:1: YAML syntax error/);
  });

  it('points an unknown key at the key itself, column included', async () => {
    const error = await loadError(edit('headline: 浙江站启动', 'headlin: 浙江站启动'));
    expect(error.location.column).toBe(9);
  });

  it('names the body file and the line of its first bad byte when it is not UTF-8', async () => {
    const file = await fixture(GOOD, { 'articles/second.md': new Uint8Array([0x41, 0x0a, 0x42, 0xff, 0x0a]) });
    const error = await inputFailure(loadIssue(file));
    expect(error.code).toBe('not-utf8');
    expect(error.location.file).toBe(path.join(path.dirname(file), 'articles/second.md'));
    expect(error.location.line).toBe(2);
  });

  it('refuses a symbolic link that leaves the folder', async () => {
    const outside = path.join(root, 'outside.md');
    await writeFile(outside, '秘密\n');
    const file = await fixture(edit('articles/second.md', 'articles/link.md'));
    await symlink(outside, path.join(path.dirname(file), 'articles/link.md'));
    const error = await inputFailure(loadIssue(file));
    expect(error.code).toBe('unsafe-path');
    expect(error.location.line).toBe(lineOf(GOOD, 'body_file'));
    expect(error.message).toContain('symbolic link');
  });

  it('follows a symbolic link that stays inside the folder', async () => {
    const file = await fixture(edit('articles/second.md', 'articles/link.md'));
    await symlink('second.md', path.join(path.dirname(file), 'articles/link.md'));
    const issue = await loadIssue(file);
    expect(issue.pages[1]?.articles[0]?.body).toContain('第二篇');
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable photo', async () => {
    const file = await fixture(GOOD);
    await chmod(path.join(path.dirname(file), 'photos/red-button.jpg'), 0o000);
    const error = await inputFailure(loadIssue(file));
    expect(error.code).toBe('unreadable-file');
  });

  it('reports a missing manifest', async () => {
    const error = await inputFailure(loadIssue(path.join(root, 'nope.yaml')));
    expect(error).toBeInstanceOf(BanmianError);
    expect(error.code).toBe('missing-file');
  });

  it('refuses a manifest over 2 MB', async () => {
    const error = await loadError(GOOD + `# ${'x'.repeat(2 * 1024 * 1024)}\n`);
    expect(error.code).toBe('file-too-large');
  });

  it('reports the first problem in file order when there are several', async () => {
    const text = edit('columns: 2', 'columns: -1', edit('date: 2024-11-28', 'date: 2024-13-01'));
    const error = await loadError(text);
    expect(error.code).toBe('bad-date');
    expect(error.location.line).toBe(3);
  });
});
