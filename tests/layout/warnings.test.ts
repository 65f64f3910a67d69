// Lines the composer could only set by bending a rule are reported with page, article and
// text, so that `check` can send the sub-editor to them; clean copy gives no warning.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { forcedBreaks } from '../../src/check/diagnose.js';
import { layOut } from '../../src/pipeline.js';

const dir = mkdtempSync(join(tmpdir(), 'banmian-warnings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function manifest(body: string): string {
  const file = join(dir, `w${body.length}.yaml`);
  const article = { id: 'web-address', headline: '网址测试', body };
  writeFileSync(file, stringify({ publication: '晨报', issue: '第1期', date: '2025-03-01', template: 'tabloid', pages: [{ articles: [article] }] }));
  return file;
}

describe('composition warnings', () => {
  it('names the line where a Latin token wider than the column had to be broken', async () => {
    const url = 'https://www.example.org/reports/2025/social-work/annual-statistics-full-edition.pdf';
    const { layout } = await layOut(manifest(`详细数据见${url}。其他内容从略。`));
    const findings = forcedBreaks(layout);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f).toMatchObject({ code: 'forced-break', page: 1, article: 'web-address' });
      expect(f.where).toMatch(/^column \d+, line \d+$/u);
      expect(f.message).toContain('a word or number is split across lines');
    }
  });

  it('gives none for ordinary copy', async () => {
    const { layout } = await layOut(manifest('社会工作者深入社区，为老人提供服务。'.repeat(20)));
    expect(forcedBreaks(layout)).toEqual([]);
  });
});
