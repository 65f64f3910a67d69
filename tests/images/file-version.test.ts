// What a process remembers of a file is remembered per version of it, and never a failure.
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoByFileVersion } from '../../src/file-version.js';

const dir = mkdtempSync(join(tmpdir(), 'banmian-file-version-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('memoByFileVersion', () => {
  it('makes once per version, again when the file changes, and retries after a failure', async () => {
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'one');
    let calls = 0;
    let failNext = true;
    const read = memoByFileVersion(async (f) => {
      calls += 1;
      if (failNext) {
        failNext = false;
        throw new Error(`cannot make ${f}`);
      }
      return calls;
    });
    await expect(read(file)).rejects.toThrow('cannot make');
    expect(await read(file)).toBe(2);
    expect(await read(file)).toBe(2);
    writeFileSync(file, 'two!');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(await read(file)).toBe(3);
    expect(calls).toBe(3);
  });
});
