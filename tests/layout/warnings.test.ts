// Lines the composer could only set by bending a rule are reported with page, article and
// text, so that `check` can send the sub-editor to them; clean copy gives no warning.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
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
    expect(layout.warnings.length).toBeGreaterThan(0);
    for (const w of layout.warnings) {
      expect(w).toMatchObject({ page: 1, article: 'web-address', forced: 'inside-token', role: 'body' });
      expect(url).toContain(w.text.replace(/^详细数据见|。其他内容从略。$/gu, '').slice(0, 8));
    }
  });

  it('gives none for ordinary copy', async () => {
    const { layout } = await layOut(manifest('社会工作者深入社区，为老人提供服务。'.repeat(20)));
    expect(layout.warnings).toEqual([]);
  });
});
