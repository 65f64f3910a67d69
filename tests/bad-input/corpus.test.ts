/**
 * Every case of the bad-input corpus through the library (layOut: load, template, photos, fonts,
 * layout) and a subset through the built CLI: the right code, message, file, line and exit status.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BanmianError } from '../../src/errors.js';
import { layOut } from '../../src/pipeline.js';
import { CASES, type BadInputCase } from './cases.js';
import { CLI, IS_ROOT, lineOf, makeWorkspace, type Workspace } from './workspace.js';

let workspace: Workspace;
beforeAll(async () => {
  workspace = await makeWorkspace();
});
afterAll(async () => {
  await workspace.remove();
});

const manifest = (c: Pick<BadInputCase, 'file'>): string => path.join(workspace.dir, `${c.file}.yaml`);
const skipped = (c: BadInputCase): boolean => c.setup === 'unreadable' && IS_ROOT;

async function expectedLine(c: BadInputCase): Promise<number | undefined> {
  if (typeof c.line !== 'string') return c.line;
  return lineOf(await readFile(path.join(workspace.dir, c.names ?? `${c.file}.yaml`), 'utf8'), c.line);
}

describe('bad-input corpus through the library', () => {
  it('starts from a manifest that lays out', async () => {
    const { layout } = await layOut(manifest({ file: 'good' }));
    expect(layout.overset).toEqual([]);
    expect(layout.frames.pages).toHaveLength(2);
  });

  it.each(CASES)('$file → $code', async (c) => {
    if (skipped(c)) return;
    const error: unknown = await layOut(manifest(c)).then(
      () => 'no error',
      (e: unknown) => e,
    );
    if (!(error instanceof BanmianError)) throw new Error(`expected a BanmianError, got ${String(error)}`);
    const shown = error.format();
    expect(error.code, shown).toBe(c.code);
    expect(error.message, shown).toContain(c.message);
    expect(error.exitStatus, shown).toBe(c.exit);
    expect(error.location.file, shown).toBe(path.join(workspace.dir, c.names ?? `${c.file}.yaml`));
    expect(error.location.line, shown).toBe(await expectedLine(c));
    if (c.field) expect(error.location.field, shown).toBe(c.field);
    expect(error.hint ?? '', `${c.code} needs a hint`).not.toBe('');
  });

  it('refuses a billion laughs in well under a second', async () => {
    const started = performance.now();
    await expect(layOut(manifest({ file: 'billion-laughs' }))).rejects.toThrow(/aliases/);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('bad-input corpus through the CLI', () => {
  const cliCases = CASES.filter((c) => c.cli && !skipped(c));

  it('has a built CLI to run', () => {
    expect(cliCases.length).toBeGreaterThanOrEqual(8);
    expect(spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).status).toBe(0);
  });

  it.each(cliCases)('banmian check $file exits $exit with one line naming the file', async (c) => {
    const run = spawnSync(process.execPath, [CLI, 'check', manifest(c)], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(c.exit);
    const [first = '', ...rest] = run.stderr.trimEnd().split('\n');
    const named = path.join(workspace.dir, c.names ?? `${c.file}.yaml`);
    expect(first).toContain(`banmian: ${named}:${await expectedLine(c)}`);
    expect(first).toContain(c.message);
    // one line, perhaps a hint below it; never a stack trace
    expect(rest.length, run.stderr).toBeLessThanOrEqual(1);
    expect(rest.join('\n')).toMatch(/^(\s+hint: .*)?$/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
