// `area: NAME` pins an article to a named rectangle of its template; the page search arranges
// the other articles in what is left.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { isBanmianError } from '../../src/errors.js';
import { layOut } from '../../src/pipeline.js';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'banmian-areas-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type RawIssue = { pages: { articles: { id: string; area?: string }[] }[] };

/** The 2023-03-21 sample with `area` set on its articles by index. */
function pinned(areas: Record<number, string>): string {
  const issue = parse(readFileSync(join(ROOT, 'issues', 'gongyi-2023-03-21.yaml'), 'utf8')) as RawIssue;
  for (const [index, area] of Object.entries(areas)) {
    const article = issue.pages[0]?.articles[Number(index)];
    if (article) article.area = area;
  }
  const file = join(dir, `pinned-${Object.values(areas).join('-')}-${Object.keys(areas).join('-')}.yaml`);
  writeFileSync(file, stringify(issue));
  return file;
}

describe('area pinning', () => {
  it('puts an article pinned to `lead` in the lead area and arranges the others below it', async () => {
    const { layout } = await layOut(pinned({ 2: 'lead' }));
    expect(layout.overset).toEqual([]);
    const modules = layout.pages[0]?.arrangement.modules ?? [];
    const third = modules.find((m) => m.layout.prepared.label === 'shunde-medical');
    // tabloid's lead area: all 5 columns, the top 28 lines
    expect(third).toMatchObject({ column: 0, row: 0 });
    expect(third?.layout.widthColumns).toBe(5);
    expect(third?.layout.heightLines).toBeLessThanOrEqual(28);
    expect(third?.layout.heightLines).toBeGreaterThan(20);
    for (const m of modules.filter((x) => x !== third)) expect(m.row).toBeGreaterThanOrEqual(28);
    // the pin does not change the manifest order of the modules
    expect(modules.map((m) => m.layout.prepared.label)).toEqual(['village-livestream', 'shenmu-stations', 'shunde-medical']);
  });

  it('refuses an area the template does not define, naming the article and the areas there are', async () => {
    const failure = await layOut(pinned({ 0: 'sidebar' })).catch((e: unknown) => e);
    expect(isBanmianError(failure)).toBe(true);
    if (!isBanmianError(failure)) return;
    expect(failure.code).toBe('unknown-area');
    expect(failure.message).toContain('village-livestream');
    expect(failure.message).toContain('sidebar');
    expect(failure.hint).toContain('lead');
    expect(failure.location.line).toBeGreaterThan(0);
  });

  it('refuses two articles pinned to the same area', async () => {
    const failure = await layOut(pinned({ 0: 'lead', 1: 'lead' })).catch((e: unknown) => e);
    expect(isBanmianError(failure) && failure.code).toBe('area-taken');
  });
});
