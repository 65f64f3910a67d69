// What `banmian watch` says after a rebuild: the layout changes between two builds of an issue,
// in one line, and nothing when nothing moved.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { layOut } from '../../src/pipeline.js';
import { describeChanges, snapshot } from '../../src/watch/diff.js';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'banmian-watch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type RawIssue = { pages: { articles: { id: string; columns?: number; body: string }[] }[] };
const sample = (): RawIssue => parse(readFileSync(join(ROOT, 'issues', 'gongyi-2023-03-21.yaml'), 'utf8')) as RawIssue;

async function snapshotOf(issue: RawIssue, name: string) {
  const file = join(dir, name);
  writeFileSync(file, stringify(issue));
  return snapshot((await layOut(file)).layout);
}

describe('watch: layout changes between two builds', () => {
  it('says nothing changed when nothing did', async () => {
    const before = await snapshotOf(sample(), 'same-a.yaml');
    const after = await snapshotOf(sample(), 'same-b.yaml');
    expect(describeChanges(before, after)).toBe('no layout change');
  });

  it('names the article an edit moved or resized, and an article that no longer fits', async () => {
    const before = await snapshotOf(sample(), 'before.yaml');
    const narrowed = sample();
    const lead = narrowed.pages[0]?.articles[0];
    if (!lead) throw new Error('no lead');
    lead.columns = 2;
    const after = await snapshotOf(narrowed, 'narrowed.yaml');
    expect(describeChanges(before, after)).toMatch(new RegExp(`“${lead.id}” (moved and resized|resized):`, 'u'));

    const longer = sample();
    const second = longer.pages[0]?.articles[1];
    if (!second) throw new Error('no second article');
    second.body = Array.from({ length: 4 }, () => second.body).join('\n\n');
    const overset = await snapshotOf(longer, 'longer.yaml');
    expect(describeChanges(before, overset)).toContain(`“${second.id}” overset by`);
    expect(describeChanges(overset, before)).toContain(`“${second.id}” fits now`);
  });
});
