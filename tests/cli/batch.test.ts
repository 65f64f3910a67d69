import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, banmian, ROOT } from './run-cli.js';

const GOOD = ['gongyi-2023-03-07', 'gongyi-2023-03-21'];

describe('banmian batch', () => {
  let dir: string;
  const run = (...args: string[]) => banmian(['batch', 'issues', '-o', 'out', '--jobs', '2', ...args], dir);

  beforeAll(() => {
    assertBuilt();
    dir = mkdtempSync(path.join(tmpdir(), 'banmian-batch-'));
    cpSync(path.join(ROOT, 'issues/photos'), path.join(dir, 'issues/photos'), { recursive: true });
    for (const name of GOOD) cpSync(path.join(ROOT, `issues/${name}.yaml`), path.join(dir, `issues/${name}.yaml`));
    writeFileSync(path.join(dir, 'issues/broken.yaml'), 'publication: 公益时报\nissue: [第1期\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds the good issues, reports the broken one and exits 2', () => {
    const r = run();
    expect(r.status).toBe(2);
    for (const name of GOOD) {
      expect(existsSync(path.join(dir, `out/${name}.pdf`))).toBe(true);
      expect(r.stdout).toMatch(new RegExp(`${name}\\.yaml\\s+built\\s+1`));
    }
    expect(r.stdout).toMatch(/broken\.yaml\s+failed/);
    expect(r.stdout).toContain('2 built, 0 skipped, 1 failed');
    expect(r.stderr).toMatch(/banmian: .*broken\.yaml:3:\d+: YAML syntax error/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // Atomic writes: no temporary is left beside the PDFs.
    expect(readdirSync(path.join(dir, 'out')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('skips what is unchanged on the next run, and says so', () => {
    const r = run();
    expect(r.status).toBe(2);
    for (const name of GOOD) expect(r.stdout).toMatch(new RegExp(`${name}\\.yaml\\s+skipped\\s+1.*\\(unchanged\\)`));
    expect(r.stdout).toContain('0 built, 2 skipped as unchanged');
  });

  it('rebuilds an issue whose manifest changed, and only that one', () => {
    appendFileSync(path.join(dir, `issues/${GOOD[0]}.yaml`), '# edited\n');
    const r = run();
    expect(r.stdout).toMatch(new RegExp(`${GOOD[0]}\\.yaml\\s+built`));
    expect(r.stdout).toMatch(new RegExp(`${GOOD[1]}\\.yaml\\s+skipped`));
  });

  it('rebuilds everything with --force and reports in JSON', () => {
    const r = run('--force', '--json');
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout) as { command: string; status: number; issues: { manifest: string; result: string; pages?: number; errors: { code: string; line?: number }[]; timingsMs?: { total: number } }[] };
    expect(report.command).toBe('batch');
    expect(report.status).toBe(2);
    const byName = new Map(report.issues.map((i) => [path.basename(i.manifest, '.yaml'), i]));
    for (const name of GOOD) {
      expect(byName.get(name)?.result).toBe('built');
      expect(byName.get(name)?.pages).toBe(1);
      expect(byName.get(name)?.timingsMs?.total).toBeTypeOf('number');
    }
    expect(byName.get('broken')?.result).toBe('failed');
    expect(byName.get('broken')?.errors[0]).toMatchObject({ code: 'yaml-syntax', line: 3 });
  });
});
