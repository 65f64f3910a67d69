/** A scratch copy of the bad-input corpus, so tests can add links, change permissions and write PDFs. */
import { chmod, copyFile, cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS = fileURLToPath(new URL('./corpus/', import.meta.url));
export { CLI } from '../cli/run-cli.js';

export interface Workspace {
  /** the copied corpus: manifests and their support files */
  readonly dir: string;
  remove(): Promise<void>;
}

/**
 * ROOT/corpus/… with ROOT/outside.md beside it, the target of corpus/articles/outside-link.md,
 * and corpus/photos/unreadable.jpg without read permission.
 */
export async function makeWorkspace(): Promise<Workspace> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'banmian-bad-input-'));
  const dir = path.join(root, 'corpus');
  await cp(CORPUS, dir, { recursive: true });
  await writeFile(path.join(root, 'outside.md'), '不在文件夹里的正文。\n');
  await symlink(path.join(root, 'outside.md'), path.join(dir, 'articles/outside-link.md'));
  await copyFile(path.join(dir, 'photos/ok.jpg'), path.join(dir, 'photos/unreadable.jpg'));
  await chmod(path.join(dir, 'photos/unreadable.jpg'), 0o000);
  return { dir, remove: () => rm(root, { recursive: true, force: true }) };
}

/** Permissions do not stop root: cases that need an unreadable file are skipped then. */
export const IS_ROOT = process.getuid?.() === 0;

/** 1-based number of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`not in the file: ${needle}`);
  return index + 1;
}
