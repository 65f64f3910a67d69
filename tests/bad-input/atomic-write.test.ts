/** writeFileAtomic in-process: the old file survives a failed write, and no temporary is left. */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryPath, writeFileAtomic } from '../../src/output/atomic-write.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'banmian-atomic-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('replaces the file and leaves only the file', async () => {
    const file = path.join(dir, 'a', 'issue.pdf');
    await writeFileAtomic(file, Buffer.from('old'));
    await writeFileAtomic(file, Buffer.from('new'));
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(path.dirname(file))).toEqual(['issue.pdf']);
  });

  it('removes its temporary when the rename fails', async () => {
    // A folder where the PDF should go: the temporary is written, the rename over it fails.
    const file = path.join(dir, 'b', 'issue.pdf');
    await mkdir(path.join(file, 'inside'), { recursive: true });
    await expect(writeFileAtomic(file, Buffer.from('new'))).rejects.toThrow();
    expect(await readdir(path.dirname(file))).toEqual(['issue.pdf']);
    expect(await readdir(file)).toEqual(['inside']);
  });

  it("removes temporaries of processes that have ended, not those of running ones", async () => {
    const file = path.join(dir, 'c', 'issue.pdf');
    await mkdir(path.dirname(file), { recursive: true });
    const dead = path.join(dir, 'c', '.issue.pdf.2147483646.tmp');
    const mine = temporaryPath(file).replace(`.${process.pid}.`, `.${process.ppid}.`);
    await writeFile(dead, 'half a PDF');
    await writeFile(mine, 'being written by the parent');
    await writeFileAtomic(file, Buffer.from('new'));
    expect((await readdir(path.dirname(file))).sort()).toEqual([path.basename(mine), 'issue.pdf'].sort());
  });
});
