/**
 * A build killed while it writes its PDF leaves the last good PDF as it was. The CLI runs with a
 * preload that stops it after the new PDF is written to its temporary and before the rename, so
 * the kill lands at the same point every time.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, makeWorkspace, type Workspace } from './workspace.js';

const PAUSE = fileURLToPath(new URL('./hooks/pause-before-rename.mjs', import.meta.url));

let workspace: Workspace;
let manifest: string;
let output: string;
let good: Buffer;
beforeAll(async () => {
  workspace = await makeWorkspace();
  manifest = path.join(workspace.dir, 'good.yaml');
  output = path.join(workspace.dir, 'out', 'issue.pdf');
  const first = build();
  expect(first.status, String(first.stderr)).toBe(0);
  good = await readFile(output);
  // The next build would write a different PDF.
  await writeFile(manifest, (await readFile(manifest, 'utf8')).replace('浙江站启动', '浙江站今日启动'));
});
afterAll(async () => {
  await workspace.remove();
});

function build(): ReturnType<typeof spawnSync> {
  return spawnSync(process.execPath, [CLI, 'build', manifest, '-o', output, '--profile', 'email'], { encoding: 'utf8', timeout: 120_000 });
}

/** Starts a build that stops before its rename; resolves with the child and its temporary. */
async function pausedBuild(): Promise<{ child: ReturnType<typeof spawn>; temporary: string; exited: Promise<NodeJS.Signals | number | null> }> {
  const child = spawn(process.execPath, ['--import', PAUSE, CLI, 'build', manifest, '-o', output, '--profile', 'email'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  let stderr = '';
  const temporary = await new Promise<string>((resolve, reject) => {
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
      const match = /PAUSED-BEFORE-RENAME (.+)\n/.exec(stderr);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then(() => reject(new Error(`build ended before writing: ${stderr}`)));
  });
  return { child, temporary, exited };
}

const pdfsIn = async (dir: string): Promise<string[]> => (await readdir(dir)).filter((name) => name.endsWith('.pdf'));

describe('an interrupted build', () => {
  it('killed with SIGKILL mid-write leaves the old PDF and nothing that looks like output', async () => {
    const { child, temporary, exited } = await pausedBuild();
    // The new PDF is complete in its temporary: the kill loses it, not the old one.
    expect((await readFile(temporary)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(path.dirname(temporary)).toBe(path.dirname(output));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    expect(await readFile(output)).toEqual(good);
    expect(await pdfsIn(path.dirname(output))).toEqual(['issue.pdf']);
    expect(path.basename(temporary)).toMatch(/^\.issue\.pdf\.\d+\.tmp$/);

    // The next build removes what the killed one left and puts the new PDF in place.
    const next = build();
    expect(next.status, String(next.stderr)).toBe(0);
    expect(existsSync(temporary)).toBe(false);
    expect(await readdir(path.dirname(output))).toEqual(['issue.pdf']);
    expect(await readFile(output)).not.toEqual(good);
    good = await readFile(output);
  });

  it('stopped with Ctrl-C (SIGINT) removes its temporary and ends as SIGINT would', async () => {
    const { child, temporary, exited } = await pausedBuild();
    expect(existsSync(temporary)).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe('SIGINT');
    expect(existsSync(temporary)).toBe(false);
    expect(await readdir(path.dirname(output))).toEqual(['issue.pdf']);
    expect(await readFile(output)).toEqual(good);
  });
});
