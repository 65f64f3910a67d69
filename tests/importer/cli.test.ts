// `banmian import` as registered on a commander program: stdout by default, -o writes the file
// and refuses to overwrite one without --force, options reach the draft.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { registerImportCommand } from '../../src/cli/import.js';

const dir = mkdtempSync(join(tmpdir(), 'banmian-import-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const PAGE = join(dir, 'page.txt');
writeFileSync(PAGE, '标题甲\n\n正文甲。\n\n活动现场(新华社记者 龚雯/摄)\n');

async function run(...args: string[]): Promise<string> {
  const program = new Command('banmian').exitOverride();
  registerImportCommand(program);
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  await program.parseAsync(['import', ...args], { from: 'user' });
  return stdout;
}

describe('banmian import', () => {
  it('prints the draft to stdout by default', async () => {
    const draft = parse(await run(PAGE, '--publication', '公益时报', '--date', '2024-04-02'));
    expect(draft.publication).toBe('公益时报');
    expect(draft.date).toBe('2024-04-02');
    expect(draft.pages[0].articles[0].headline).toBe('标题甲');
  });

  it('writes -o, and will not overwrite it without --force', async () => {
    const output = join(dir, 'draft.yaml');
    expect(await run(PAGE, '-o', output, '--photo', 'photos/a.jpg')).toBe('');
    expect(parse(readFileSync(output, 'utf8')).pages[0].articles[0].photos[0].file).toBe('photos/a.jpg');
    await expect(run(PAGE, '-o', output)).rejects.toMatchObject({ code: 'output-exists', exitStatus: 2 });
    await run(PAGE, '-o', output, '--force');
    expect(parse(readFileSync(output, 'utf8')).pages[0].articles[0].photos).toBeUndefined();
  });

  it('refuses a missing page and a date that does not exist', async () => {
    await expect(run(join(dir, 'nope.txt'))).rejects.toMatchObject({ code: 'missing-file', exitStatus: 2 });
    await expect(run(PAGE, '--date', '2024-02-30')).rejects.toMatchObject({ code: 'commander.invalidArgument' });
  });
});
