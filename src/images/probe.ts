/**
 * Pixel sizes of the issue's photos, read with sharp before layout (layout itself is pure). Each
 * photo is also decoded once, at a reduced size, so that a truncated or corrupt file is reported
 * against the manifest line that names it instead of failing halfway through rendering. Both
 * are remembered by the photo's content (images/cache.ts): a photo an earlier build probed is
 * not decoded again.
 */
import { stat } from 'node:fs/promises';
import { BanmianError, type ErrorLocation } from '../errors.js';
import type { Issue, Photo } from '../manifest/types.js';
import type { PixelSize } from '../layout/module.js';
import { fileDigest, versionOf } from '../file-version.js';
import { loadSharp } from './sharp-library.js';
import { probedPhotoSize, rememberProbedPhoto } from './cache.js';

/**
 * Refused before decoding: a decoded photo takes width × height × 4 bytes, and a 69-byte PNG can
 * claim 60 000 × 60 000. 150 megapixels is above any camera a newsroom uses.
 */
const MAX_PHOTO_PIXELS = 150_000_000;

/** Formats the renderer takes. SVG is left out: it can refer to other files and URLs. */
const FORMATS = new Set(['jpeg', 'png', 'tiff', 'webp']);
const FORMAT_HINT = 'supply a JPEG, PNG, TIFF or WebP photo (HEIC photos from phones must be converted first)';
/** What a cached verdict was reached under: a photo passed under other rules is probed again. */
const PROBE_RULES = `formats ${[...FORMATS].join(',')}; at most ${MAX_PHOTO_PIXELS} pixels`;

/** Probed files by path, size and mtime: `check` then `build`, or a batch, probe each photo once. */
const probed = new Map<string, PixelSize>();

export async function probePhotos(issue: Issue): Promise<Map<string, PixelSize>> {
  const sizes = new Map<string, PixelSize>();
  for (const page of issue.pages) {
    for (const article of page.articles) {
      for (const photo of article.photos) {
        if (!sizes.has(photo.file)) sizes.set(photo.file, await probePhoto(photo));
      }
    }
  }
  return sizes;
}

async function probePhoto(photo: Photo): Promise<PixelSize> {
  const where: ErrorLocation = { file: photo.source.file, line: photo.source.line, field: `${photo.source.field}.file` };
  const fail = (code: string, message: string, hint = FORMAT_HINT): BanmianError => new BanmianError(code, 'input', message, where, hint);

  const info = await stat(photo.file).catch(() => {
    throw fail('missing-file', `photo not found: ${photo.file}`, 'check the spelling of the path; it is relative to the manifest');
  });
  const cacheKey = versionOf(photo.file, info);
  const known = probed.get(cacheKey);
  if (known) return known;
  if (info.size === 0) throw fail('truncated-image', `photo ${photo.file} is empty (0 bytes)`, 'copy the photo again; the transfer did not finish');
  const digest = await fileDigest(photo.file);
  let size = await probedPhotoSize(digest, PROBE_RULES);
  if (!size) {
    size = await decodeProbe(photo.file, fail);
    await rememberProbedPhoto(digest, PROBE_RULES, size);
  }
  probed.set(cacheKey, size);
  return size;
}

type Failure = (code: string, message: string, hint?: string) => BanmianError;

/** Reads the photo's header, then decodes it small: whatever passes here renders. */
async function decodeProbe(file: string, fail: Failure): Promise<PixelSize> {
  const sharp = await loadSharp();
  // The header only; the pixel limit is checked below, with a message that gives the size.
  const meta = await sharp(file, { limitInputPixels: false })
    .metadata()
    .catch((error: unknown) => {
      const reason = (error as Error).message;
      if (/unsupported image format/i.test(reason)) throw fail('not-an-image', `photo ${file} is not an image banmian can read`);
      throw fail('corrupt-image', `photo ${file} cannot be read: ${reason}`);
    });
  if (!FORMATS.has(meta.format)) throw fail('unsupported-image', `photo ${file} is a ${meta.format.toUpperCase()} image`);
  const { width, height } = meta.autoOrient;
  if (width * height > MAX_PHOTO_PIXELS) {
    throw fail(
      'image-too-large',
      `photo ${file} is ${width} × ${height} pixels (${Math.round((width * height) / 1e6)} megapixels); the limit is ${MAX_PHOTO_PIXELS / 1e6}`,
      'scale the photo down; 300 ppi at its printed size is all the press needs',
    );
  }

  // sharp's default failOn ('warning') is what the renderer uses too: what passes here renders.
  await sharp(file, { limitInputPixels: MAX_PHOTO_PIXELS })
    .resize(256, 256, { fit: 'inside' })
    .raw()
    .toBuffer()
    .catch((error: unknown) => {
      const reason = (error as Error).message;
      const truncated = /premature end of jpeg|truncated|unexpected end|end of (file|stream)/i.test(reason);
      throw fail(
        truncated ? 'truncated-image' : 'corrupt-image',
        `photo ${file} is ${truncated ? 'cut short' : 'damaged'} (${reason.trim()})`,
        truncated ? 'copy the photo again; the transfer did not finish' : 'export the photo again from the original',
      );
    });

  return { pixelWidth: width, pixelHeight: height };
}
