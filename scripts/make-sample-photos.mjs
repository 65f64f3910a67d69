#!/usr/bin/env node
// Draws the stand-in photos of the sample back issues (issues/*.yaml) into issues/photos/.
//
// The seed pages the samples were transcribed from carry no images, only their captions, so each
// captioned photo gets an abstract but photo-like picture: a smooth two-tone "sky to ground"
// gradient, low-frequency light variation, soft out-of-focus shapes, a vignette and fine grain.
// Everything is derived from a fixed seed per file, so a rerun draws the same pictures.
//
//   node scripts/make-sample-photos.mjs            # (re)write every photo
//   node scripts/make-sample-photos.mjs changde-elderly foshan-standard   # only these
/* global Buffer, console, process */
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { rng } from './rng.mjs';

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'issues', 'photos');
const QUALITY = 80;
const MAX_BYTES = 500 * 1024;

/**
 * One entry per photo referenced by the sample manifests: the file is `<id>.jpg`, the id being
 * the article's id. Sizes are typical of cameras and agency feeds, in both orientations.
 */
const PHOTOS = [
  { id: 'enterprise-health', width: 2400, height: 1600, seed: 11, hue: 205 }, // gongyi-2024-04-02
  { id: 'quanjiao-five-social', width: 1920, height: 1280, seed: 23, hue: 20 }, // gongyi-2024-04-02
  { id: 'jingzhou-college', width: 3000, height: 2000, seed: 37, hue: 350 }, // gongyi-2024-11-26
  { id: 'changde-elderly', width: 1600, height: 2000, seed: 41, hue: 95 }, // gongyi-2025-04-15
  { id: 'foshan-standard', width: 2048, height: 1536, seed: 53, hue: 230 }, // gongyi-2025-04-15
];


/** HSL (h in degrees, s and l in 0..1) to linear-ish RGB 0..255. */
function hsl(h, s, l) {
  const k = (n) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [f(0) * 255, f(8) * 255, f(4) * 255];
}

function draw({ width, height, seed, hue }) {
  const rand = rng(seed);
  const top = hsl(hue, 0.35 + rand() * 0.2, 0.72 + rand() * 0.1);
  const bottom = hsl((hue + 30 + rand() * 40) % 360, 0.3 + rand() * 0.2, 0.28 + rand() * 0.1);
  const horizon = 0.45 + rand() * 0.2;

  // Low-frequency light variation: a few long sinusoids.
  const waves = Array.from({ length: 4 }, () => ({
    fx: (0.5 + rand() * 2) * Math.PI * 2,
    fy: (0.5 + rand() * 2) * Math.PI * 2,
    phase: rand() * Math.PI * 2,
    amp: 6 + rand() * 10,
  }));

  // Soft out-of-focus shapes: "people" and "objects" in the middle ground, lights above.
  const blobs = Array.from({ length: 9 + Math.floor(rand() * 6) }, (_, i) => {
    const upper = i % 4 === 0;
    return {
      cx: rand(),
      cy: upper ? rand() * horizon : horizon + (rand() - 0.3) * 0.4,
      rx: (upper ? 0.03 : 0.05) + rand() * 0.08,
      ry: (upper ? 0.03 : 0.1) + rand() * 0.12,
      color: upper
        ? hsl((hue + 180 + rand() * 60) % 360, 0.4, 0.85)
        : hsl((hue + rand() * 120 - 60 + 360) % 360, 0.25 + rand() * 0.35, 0.2 + rand() * 0.45),
      alpha: upper ? 0.35 + rand() * 0.3 : 0.55 + rand() * 0.35,
    };
  });

  const data = Buffer.alloc(width * height * 3);
  const aspect = width / height;
  for (let y = 0; y < height; y++) {
    const v = y / (height - 1);
    // smoothstep across the horizon band
    const t0 = Math.min(1, Math.max(0, (v - horizon + 0.25) / 0.5));
    const t = t0 * t0 * (3 - 2 * t0);
    for (let x = 0; x < width; x++) {
      const u = x / (width - 1);
      let r = top[0] + (bottom[0] - top[0]) * t;
      let g = top[1] + (bottom[1] - top[1]) * t;
      let b = top[2] + (bottom[2] - top[2]) * t;

      let light = 0;
      for (const w of waves) light += w.amp * Math.sin(u * w.fx + w.phase) * Math.cos(v * w.fy - w.phase);
      r += light;
      g += light;
      b += light;

      for (const bl of blobs) {
        const dx = ((u - bl.cx) * aspect) / bl.rx;
        const dy = (v - bl.cy) / bl.ry;
        const d2 = dx * dx + dy * dy;
        if (d2 > 9) continue;
        const a = bl.alpha * Math.exp(-d2 * 1.2);
        r += (bl.color[0] - r) * a;
        g += (bl.color[1] - g) * a;
        b += (bl.color[2] - b) * a;
      }

      const du = u - 0.5;
      const dv = v - 0.5;
      const vignette = 1 - 0.45 * (du * du + dv * dv) * 2;
      const grain = (rand() - 0.5) * 7;
      const i = (y * width + x) * 3;
      data[i] = Math.max(0, Math.min(255, r * vignette + grain));
      data[i + 1] = Math.max(0, Math.min(255, g * vignette + grain));
      data[i + 2] = Math.max(0, Math.min(255, b * vignette + grain));
    }
  }
  return data;
}

async function main() {
  const only = new Set(process.argv.slice(2));
  const unknown = [...only].filter((id) => !PHOTOS.some((p) => p.id === id));
  if (unknown.length > 0) throw new Error(`unknown photo id(s): ${unknown.join(', ')}`);
  await mkdir(OUT_DIR, { recursive: true });
  for (const photo of PHOTOS) {
    if (only.size > 0 && !only.has(photo.id)) continue;
    const file = join(OUT_DIR, `${photo.id}.jpg`);
    await sharp(draw(photo), { raw: { width: photo.width, height: photo.height, channels: 3 } })
      .jpeg({ quality: QUALITY, chromaSubsampling: '4:2:0' })
      .toFile(file);
    const { size } = await stat(file);
    if (size > MAX_BYTES) throw new Error(`${file}: ${size} bytes, more than ${MAX_BYTES}`);
    console.log(`${file}  ${photo.width}×${photo.height}  ${(size / 1024).toFixed(0)} KB`);
  }
}

await main();
