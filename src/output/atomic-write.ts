/**
 * Write a file so that readers only ever see the old or the new complete content: write a
 * temporary file beside it (same file system, so the rename is atomic), flush it, rename it over,
 * flush the folder. A failed or interrupted build leaves the last good PDF untouched.
 *
 * Temporaries are hidden and end in `.tmp`, never `.pdf`, so nothing mistakes one for output.
 * Ctrl-C (SIGINT, SIGTERM, SIGHUP) during a write removes it before the process ends; a process
 * killed outright (SIGKILL, power cut) leaves it, and the next write of the same file removes it.
 */
import { rmSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const inFlight = new Set<string>();

export async function writeFileAtomic(file: string, data: Uint8Array): Promise<void> {
  const folder = path.dirname(file);
  await mkdir(folder, { recursive: true });
  await removeOrphans(file);
  const temporary = temporaryPath(file);
  track(temporary);
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(data);
      // The content and the size must reach the disk before the rename; the times need not.
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
    await syncFolder(folder);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    untrack(temporary);
  }
}

/** The temporary a write to `file` uses in this process, so an interrupted run can remove it. */
export function temporaryPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
}

/** Temporaries of `file` left by processes that no longer run (killed mid-write). */
async function removeOrphans(file: string): Promise<void> {
  const prefix = `.${path.basename(file)}.`;
  const entries = await readdir(path.dirname(file)).catch(() => [] as string[]);
  for (const entry of entries) {
    const pid = entry.startsWith(prefix) && entry.endsWith('.tmp') ? Number(entry.slice(prefix.length, -'.tmp'.length)) : NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) await rm(path.join(path.dirname(file), entry), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The rename is durable only once the folder's entry is on disk. Not every platform can open a folder. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // EINVAL/EISDIR where folders cannot be flushed; the file itself is flushed already.
  } finally {
    await handle.close();
  }
}

/** Signal handlers are installed only while a write is in flight; otherwise signals keep their default effect. */
function track(temporary: string): void {
  if (inFlight.size === 0) for (const signal of SIGNALS) process.on(signal, onSignal);
  inFlight.add(temporary);
}

function untrack(temporary: string): void {
  inFlight.delete(temporary);
  if (inFlight.size === 0) for (const signal of SIGNALS) process.off(signal, onSignal);
}

function onSignal(signal: NodeJS.Signals): void {
  for (const temporary of inFlight) rmSync(temporary, { force: true });
  inFlight.clear();
  for (const name of SIGNALS) process.off(name, onSignal);
  // If nobody else handles the signal, end the process the way the signal would have.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}
