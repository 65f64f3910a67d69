import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, banmian } from './run-cli.js';

describe('banmian check', () => {
  beforeAll(assertBuilt);

  it('reports pages, articles, warnings, errors and timings in JSON', () => {
    const r = banmian(['check', 'issues/gongyi-2023-03-07.yaml', 'issues/no-such-issue.yaml', '--json']);
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout) as { command: string; status: number; issues: Record<string, unknown>[]; timingsMs: { total: number } };
    expect(report).toMatchObject({ command: 'check', status: 2 });
    expect(report.issues[0]).toMatchObject({ ok: true, pages: 1, articles: 3, errors: [] });
    expect(report.issues[0]?.warnings).toBeInstanceOf(Array);
    expect(report.issues[1]).toMatchObject({ ok: false, status: 2, errors: [{ code: 'missing-file' }] });
  });

  it('says ok in a line for a clean issue', () => {
    const r = banmian(['check', 'issues/gongyi-2023-03-07.yaml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/gongyi-2023-03-07\.yaml: ok.*1 page, 3 articles/);
  });
});
