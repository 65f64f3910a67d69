/**
 * A file's version as a cache key: its path, size and modification time. A file replaced while a
 * process runs (a photo swapped under `watch`, a new plant profile) gets a new key, so the
 * per-process caches of what was read from a file key on this. (Fonts are parsed once per
 * process; a font file that changes under it is refused instead: fonts/font-file.ts.)
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';

export async function fileVersion(file: string): Promise<string> {
  return versionOf(file, await stat(file));
}

/** The same key from a stat already made (a caller that needs the size or the error anyway). */
export function versionOf(file: string, info: Pick<Stats, 'size' | 'mtimeMs'>): string {
  return `${file}\0${info.size}\0${info.mtimeMs}`;
}

/**
 * `make(file)` once per version of the file, for the life of the process. A failure is not kept:
 * the next call tries again.
 */
export function memoByFileVersion<T>(make: (file: string) => Promise<T>): (file: string) => Promise<T> {
  const made = new Map<string, Promise<T>>();
  return async (file) => {
    const version = await fileVersion(file);
    let value = made.get(version);
    if (!value) {
      value = make(file);
      made.set(version, value);
      value.catch(() => made.delete(version));
    }
    return value;
  };
}

/**
 * SHA-256 of a file's bytes, hashed once per process for each version of the file: batch's
 * fingerprint, the photo probe and the prepared-photo cache all ask, and the file is read once.
 */
export const fileDigest = memoByFileVersion(async (file) => createHash('sha256').update(await readFile(file)).digest('hex'));
