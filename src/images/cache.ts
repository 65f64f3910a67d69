/**
 * Prepared photos cached by content: decoding, resizing and separating a 6-megapixel photo
 * takes a sizeable part of a second, and an archive rebuild or a desk's tenth build of the day
 * places the same photos at the same sizes again. The key covers everything the JPEG depends
 * on (the photo's bytes, its placed size, the profile, the CMYK output profile's bytes, sharp's
 * version, the separation method), so a hit gives the very bytes a fresh preparation would:
 * output stays reproducible.
 *
 * Two levels: a small in-process map (a warm process rebuilding issues) and files under
 * `.banmian-cache/images` of the working folder (`BANMIAN_CACHE_DIR` moves it, `off` disables
 * it), written atomically so parallel batch workers never read half a file.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { RenderProfile } from '../render/page-boxes.js';
import { prepareImage, type PlacedSize } from './prepare.js';
import { SEPARATION_METHOD } from './separation.js';
import { fileVersion } from '../file-version.js';

const MEMORY_ENTRIES = 64;
const memory = new Map<string, Buffer>();
const fileDigests = new Map<string, Promise<string>>();

function cacheDir(): string | undefined {
  const setting = process.env.BANMIAN_CACHE_DIR;
  if (setting === 'off') return undefined;
  return path.resolve(setting ?? '.banmian-cache', 'images');
}

/**
 * SHA-256 of a file's bytes, hashed once per process for each path, size and modification time:
 * a photo replaced between two builds of a watching process gets its new digest.
 */
async function digestOf(file: string): Promise<string> {
  const version = await fileVersion(file);
  let digest = fileDigests.get(version);
  if (!digest) {
    digest = readFile(file).then((bytes) => createHash('sha256').update(bytes).digest('hex'));
    fileDigests.set(version, digest);
  }
  return digest;
}

export async function cachedPreparedImage(file: string, placed: PlacedSize, profile: RenderProfile, cmykProfile?: string): Promise<Buffer> {
  const parts = [
    await digestOf(file),
    placed.widthPt.toFixed(3),
    placed.heightPt.toFixed(3),
    profile,
    cmykProfile ? await digestOf(cmykProfile) : 'builtin',
    sharp.versions.vips ?? '',
    SEPARATION_METHOD,
  ];
  const key = createHash('sha256').update(parts.join('\n')).digest('hex');
  const remembered = memory.get(key);
  if (remembered) return remembered;
  const dir = cacheDir();
  const stored = dir ? await readFile(path.join(dir, `${key}.jpg`)).catch(() => undefined) : undefined;
  const jpeg = stored ?? (await prepareImage(file, placed, profile, cmykProfile));
  if (dir && !stored) await store(dir, key, jpeg);
  remember(key, jpeg);
  return jpeg;
}

function remember(key: string, jpeg: Buffer): void {
  if (memory.size >= MEMORY_ENTRIES) memory.delete(memory.keys().next().value as string);
  memory.set(key, jpeg);
}

/** Best effort: a cache that cannot be written only costs time next build. */
async function store(dir: string, key: string, jpeg: Buffer): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    const temporary = path.join(dir, `.${key}.${process.pid}.${process.hrtime.bigint()}.tmp`);
    await writeFile(temporary, jpeg);
    await rename(temporary, path.join(dir, `${key}.jpg`));
  } catch {
    // read-only folder, full disk: build on without the cache
  }
}
