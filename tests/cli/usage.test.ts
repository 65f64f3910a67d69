import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, banmian, ROOT } from './run-cli.js';

const OPTIONS: Readonly<Record<string, readonly string[]>> = {
  build: ['--output', '--profile', '--json'],
  check: ['--profile', '--json'],
  batch: ['--output', '--profile', '--jobs', '--force', '--json'],
  proof: ['--output', '--dpi', '--profile', '--sheet'],
  watch: ['--output', '--profile'],
};

function expectOneLineError(stderr: string): void {
  const lines = stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^banmian: /);
  // One line; a BanmianError may add an indented hint below it, never a stack trace.
  expect(lines.slice(1).every((line) => line.startsWith('  hint: '))).toBe(true);
  expect(stderr).not.toMatch(/^\s+at /m);
}

describe('banmian usage', () => {
  beforeAll(assertBuilt);

  it.each(Object.entries(OPTIONS))('%s --help lists its options', (command, options) => {
    const r = banmian([command, '--help']);
    expect(r.status).toBe(0);
    for (const option of [...options, '--help']) expect(r.stdout).toContain(option);
  });

  it.each(Object.keys(OPTIONS))('%s with an unknown option exits 2 with one line', (command) => {
    const r = banmian([command, 'issues/gongyi-2023-03-07.yaml', '--no-such-option']);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain("unknown option '--no-such-option'");
  });

  it.each(['build', 'check', 'batch', 'proof', 'watch'])('%s of a missing file exits 2 without a stack trace', (command) => {
    const r = banmian([command, 'issues/no-such-issue.yaml']);
    expect(r.status).toBe(2);
    expectOneLineError(r.stderr);
    expect(r.stderr).toContain('no-such-issue.yaml');
  });

  it('rejects a bad --dpi or --jobs as a usage error', () => {
    for (const args of [['proof', 'x.yaml', '--dpi', 'high'], ['batch', 'issues', '--jobs', '0']]) {
      const r = banmian(args);
      expect(r.status).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('build refuses two manifests that would write the same PDF, before building either', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'banmian-same-name-'));
    try {
      const sample = 'gongyi-2023-03-07.yaml';
      mkdirSync(path.join(dir, 'copy'));
      copyFileSync(path.join(ROOT, 'issues', sample), path.join(dir, 'copy', sample));
      const out = path.join(dir, 'out');
      const r = banmian(['build', `issues/${sample}`, path.join(dir, 'copy', sample), '-o', out]);
      expect(r.status).toBe(2);
      expectOneLineError(r.stderr);
      expect(r.stderr).toMatch(/would both be written to .*gongyi-2023-03-07\.pdf/);
      expect(existsSync(out)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
