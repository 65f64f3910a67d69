/**
 * Photos cached by content: decoding, resizing and separating a 6-megapixel photo takes a
 * sizeable part of a second, and an archive rebuild or a desk's tenth build of the day places the
 * same photos at the same sizes again. The key covers everything the JPEG depends on (the
 * photo's bytes, its placed size, the profile, the CMYK output profile's bytes, the sharp
 * release, the separation method), so a hit gives the very bytes a fresh preparation would:
 * output stays reproducible. What the probe learnt about a photo (its pixel size, and that it
 * decodes) is kept by content too, so a build whose photos are all cached never decodes one,
 * nor loads sharp (about 100 ms of a cold start).
 *
 * Two levels: a small in-process map (a warm process rebuilding issues) and files under
 * `.banmian-cache/images` of the working folder (`BANMIAN_CACHE_DIR` moves it, `off` disables
 * it), written atomically so parallel batch workers never read half a file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PixelSize } from '../layout/module.js';
import type { RenderProfile } from '../render/page-boxes.js';
import type { PlacedSize } from './prepare.js';
import { SEPARATION_METHOD } from './separation.js';
import { fileDigest } from '../file-version.js';
import { cacheRoot } from '../cache-root.js';

const MEMORY_ENTRIES = 64;
const memory = new Map<string, Buffer>();

function cacheDir(): string | undefined {
  const root = cacheRoot();
  return root && path.join(root, 'images');
}

/**
 * The sharp release that decodes and encodes the photos: each release pins the libvips it ships.
 * Read from its package.json (not exported: the nearest one above its entry point), which costs
 * nothing, where `sharp.versions` would load the addon.
 */
function sharpRelease(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve('sharp'));
  while (!existsSync(path.join(dir, 'package.json'))) {
    if (path.dirname(dir) === dir) throw new Error('sharp has no package.json above its entry point');
    dir = path.dirname(dir);
  }
  const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  return `sharp-${version}`;
}
const SHARP_RELEASE = sharpRelease();

/** The JPEG of a photo at a placed size in a profile: from the cache, or prepared and cached. */
export async function cachedPreparedImage(file: string, placed: PlacedSize, profile: RenderProfile, cmykProfile?: string): Promise<Buffer> {
  const key = await preparedImageKey(file, placed, profile, cmykProfile);
  const stored = await storedJpeg(key);
  if (stored) return stored;
  // sharp is loaded only when a photo has to be prepared.
  const jpeg = await (await import('./prepare.js')).prepareImage(file, placed, profile, cmykProfile);
  const dir = cacheDir();
  if (dir) await store(dir, `${key}.jpg`, jpeg);
  remember(key, jpeg);
  return jpeg;
}

/**
 * The JPEG a build prepared before, if the cache has it: never prepares one. Reads may run side
 * by side (the renderer reads an issue's photos at once); preparing runs one photo at a time.
 */
export async function storedPreparedImage(file: string, placed: PlacedSize, profile: RenderProfile, cmykProfile?: string): Promise<Buffer | undefined> {
  return storedJpeg(await preparedImageKey(file, placed, profile, cmykProfile));
}

async function preparedImageKey(file: string, placed: PlacedSize, profile: RenderProfile, cmykProfile: string | undefined): Promise<string> {
  const parts = [
    await fileDigest(file),
    placed.widthPt.toFixed(3),
    placed.heightPt.toFixed(3),
    profile,
    cmykProfile ? await fileDigest(cmykProfile) : 'builtin',
    SHARP_RELEASE,
    SEPARATION_METHOD,
  ];
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

/** From memory, else from the cache folder (then kept in memory too). */
async function storedJpeg(key: string): Promise<Buffer | undefined> {
  const remembered = memory.get(key);
  if (remembered) return remembered;
  const dir = cacheDir();
  const stored = dir ? await readFile(path.join(dir, `${key}.jpg`)).catch(() => undefined) : undefined;
  if (stored) remember(key, stored);
  return stored;
}

function remember(key: string, jpeg: Buffer): void {
  if (memory.size >= MEMORY_ENTRIES) memory.delete(memory.keys().next().value as string);
  memory.set(key, jpeg);
}

/**
 * The pixel size of a photo whose bytes (`digest`) an earlier probe, under the same `rules`
 * (formats, pixel limit), passed.
 */
export async function probedPhotoSize(digest: string, rules: string): Promise<PixelSize | undefined> {
  const dir = cacheDir();
  if (!dir) return undefined;
  const stored = await readFile(path.join(dir, probeName(digest, rules)), 'utf8').catch(() => undefined);
  if (stored === undefined) return undefined;
  try {
    const { pixelWidth, pixelHeight } = JSON.parse(stored) as Partial<PixelSize>;
    if (Number.isInteger(pixelWidth) && Number.isInteger(pixelHeight)) return { pixelWidth, pixelHeight } as PixelSize;
  } catch {
    // a damaged entry is probed again and rewritten
  }
  return undefined;
}

/** Records that the photo with these bytes passed the probe's `rules`, and its pixel size. */
export async function rememberProbedPhoto(digest: string, rules: string, size: PixelSize): Promise<void> {
  const dir = cacheDir();
  if (dir) await store(dir, probeName(digest, rules), Buffer.from(JSON.stringify(size)));
}

/** The probe's verdict depends on its rules and on the decoder: a stricter release probes again. */
function probeName(digest: string, rules: string): string {
  const ruleTag = createHash('sha256').update(rules).digest('hex').slice(0, 12);
  return `${digest}.${SHARP_RELEASE}.${ruleTag}.probe.json`;
}

/** Best effort: a cache that cannot be written only costs time next build. */
async function store(dir: string, name: string, bytes: Buffer): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    const temporary = path.join(dir, `.${name}.${process.pid}.${process.hrtime.bigint()}.tmp`);
    await writeFile(temporary, bytes);
    await rename(temporary, path.join(dir, name));
  } catch {
    // read-only folder, full disk: build on without the cache
  }
}
