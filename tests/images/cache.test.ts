// The prepared-photo cache returns exactly the bytes a fresh preparation makes, and keeps them
// on disk for the next process; the probe's verdict on a photo is kept by its content.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedPreparedImage, probedPhotoSize, rememberProbedPhoto, storedPreparedImage } from '../../src/images/cache.js';
import { prepareImage } from '../../src/images/prepare.js';
import { probePhotos } from '../../src/images/probe.js';
import type { Issue } from '../../src/manifest/types.js';
import sharp from 'sharp';

const dir = mkdtempSync(join(tmpdir(), 'banmian-image-cache-'));
const previous = process.env.BANMIAN_CACHE_DIR;
process.env.BANMIAN_CACHE_DIR = dir;
afterAll(() => {
  if (previous === undefined) delete process.env.BANMIAN_CACHE_DIR;
  else process.env.BANMIAN_CACHE_DIR = previous;
  rmSync(dir, { recursive: true, force: true });
});

const PHOTO = join(import.meta.dirname, '..', '..', 'issues', 'photos', 'jingzhou-college.jpg');

describe('prepared-photo cache', () => {
  it('gives the bytes of a fresh preparation, and stores them for the next build', async () => {
    const placed = { widthPt: 200, heightPt: 130 };
    const fresh = await prepareImage(PHOTO, placed, 'email');
    const first = await cachedPreparedImage(PHOTO, placed, 'email');
    expect(first.equals(fresh)).toBe(true);
    const stored = readdirSync(join(dir, 'images')).filter((f) => f.endsWith('.jpg'));
    expect(stored).toHaveLength(1);
    expect(readFileSync(join(dir, 'images', stored[0] as string)).equals(fresh)).toBe(true);
    // another size is another entry, never the first one's bytes
    const other = await cachedPreparedImage(PHOTO, { widthPt: 100, heightPt: 130 }, 'email');
    expect(other.equals(fresh)).toBe(false);
    expect(readdirSync(join(dir, 'images')).filter((f) => f.endsWith('.jpg'))).toHaveLength(2);
  });

  it('reads what an earlier build prepared, and prepares nothing itself', async () => {
    const placed = { widthPt: 150, heightPt: 110 };
    const jpegs = (): string[] => readdirSync(join(dir, 'images')).filter((f) => f.endsWith('.jpg'));
    const before = jpegs().length;
    expect(await storedPreparedImage(PHOTO, placed, 'print')).toBeUndefined();
    expect(jpegs()).toHaveLength(before);
    const prepared = await cachedPreparedImage(PHOTO, placed, 'print');
    expect((await storedPreparedImage(PHOTO, placed, 'print'))?.equals(prepared)).toBe(true);
    expect(await storedPreparedImage(PHOTO, placed, 'email')).toBeUndefined(); // another profile, another JPEG
  });

  it('sees a photo replaced under the same name (a desk swapping a photo while watch runs)', async () => {
    const photo = join(dir, 'swapped.jpg');
    const other = join(import.meta.dirname, '..', '..', 'issues', 'photos', 'changde-elderly.jpg');
    const placed = { widthPt: 120, heightPt: 90 };
    copyFileSync(PHOTO, photo);
    const before = await cachedPreparedImage(photo, placed, 'email');
    copyFileSync(other, photo);
    utimesSync(photo, new Date(), new Date(Date.now() + 5000)); // a later modification time, whatever the clock's grain
    const after = await cachedPreparedImage(photo, placed, 'email');
    expect(after.equals(before)).toBe(false);
    expect(after.equals(await prepareImage(other, placed, 'email'))).toBe(true);
  });
});

/** An issue of one article with one photo: all the probe reads. */
function issueWithPhoto(file: string): Issue {
  const photo = { file, source: { file: join(dir, 'issue.yaml'), line: 7, field: 'pages[0].articles[0].photos[0]' } };
  return { pages: [{ articles: [{ photos: [photo] }] }] } as unknown as Issue;
}

describe('probed photos', () => {
  const probeEntries = (): string[] => readdirSync(join(dir, 'images')).filter((f) => f.endsWith('.probe.json'));

  it('keeps the pixel size of a photo that decoded, by content, for the next build', async () => {
    const photo = join(dir, 'probed.jpg');
    copyFileSync(PHOTO, photo);
    const before = probeEntries().length;
    const sizes = await probePhotos(issueWithPhoto(photo));
    const meta = await sharp(PHOTO).metadata();
    expect(sizes.get(photo)).toEqual({ pixelWidth: meta.autoOrient.width, pixelHeight: meta.autoOrient.height });
    expect(probeEntries()).toHaveLength(before + 1);

    // The same bytes under another name: the size comes from the entry, which is not rewritten.
    const entry = join(dir, 'images', probeEntries().find((f) => !f.startsWith('.')) as string);
    writeFileSync(entry, JSON.stringify({ pixelWidth: 11, pixelHeight: 7 }));
    const copy = join(dir, 'probed-copy.jpg');
    copyFileSync(PHOTO, copy);
    expect((await probePhotos(issueWithPhoto(copy))).get(copy)).toEqual({ pixelWidth: 11, pixelHeight: 7 });
  });

  it('probes again over a damaged entry, and mends it', async () => {
    const photo = join(dir, 'damaged-entry.jpg');
    copyFileSync(PHOTO, photo);
    expect(probeEntries().length).toBeGreaterThan(0);
    for (const f of probeEntries()) writeFileSync(join(dir, 'images', f), '{"pixelWidth": "wide"');
    const meta = await sharp(PHOTO).metadata();
    const size = { pixelWidth: meta.autoOrient.width, pixelHeight: meta.autoOrient.height };
    expect((await probePhotos(issueWithPhoto(photo))).get(photo)).toEqual(size);
    for (const f of probeEntries()) expect(JSON.parse(readFileSync(join(dir, 'images', f), 'utf8'))).toEqual(size);
  });

  it('does not take the verdict of a probe made under other rules (formats, pixel limit)', async () => {
    const size = { pixelWidth: 640, pixelHeight: 480 };
    await rememberProbedPhoto('0'.repeat(64), 'formats jpeg; at most 10 pixels', size);
    expect(await probedPhotoSize('0'.repeat(64), 'formats jpeg; at most 10 pixels')).toEqual(size);
    expect(await probedPhotoSize('0'.repeat(64), 'formats jpeg,png; at most 10 pixels')).toBeUndefined();
  });
});
