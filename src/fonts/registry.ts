/**
 * The font registry: `fonts/families.yaml` names the families, weights and TTF files. Each TTF
 * (10–15 MB) is read and parsed once per process; the same parsed fontkit Font serves measuring
 * (FontFace) and embedding (pdfkit accepts a parsed font since 0.20), so both see identical glyphs.
 */
/// <reference types="node" />
// (TypeScript 6 no longer includes @types/node by default; tsconfig has no `types` entry.)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { create, type Font } from 'fontkit';
import { parse } from 'yaml';
import { BanmianError } from '../errors.js';
import type { FontFace } from '../text/font-face.js';
import { FontkitFace } from './font-face.js';

/** `fonts/` of the project root: two levels up from both src/fonts/ and dist/fonts/. */
const FONTS_DIR = new URL('../../fonts/', import.meta.url);
const FAMILIES_FILE = fileURLToPath(new URL('families.yaml', FONTS_DIR));
const requireFromHere = createRequire(import.meta.url);

interface FamilyEntry {
  readonly family: string;
  readonly prefix: string;
  /** weight → package-relative font file */
  readonly weights: ReadonlyMap<number, string>;
}

let families: readonly FamilyEntry[] | undefined;
const fonts = new Map<string, Font>();
const faces = new Map<string, FontkitFace>();

/** Registry key of a family and weight, e.g. `fontKey('Noto Serif SC', 400)` → `serif-400`. */
export function fontKey(family: string, weight: number): string {
  const entry = loadFamilies().find((f) => f.family === family);
  if (!entry || !entry.weights.has(weight)) {
    throw new BanmianError(
      'unknown-font',
      'input',
      entry
        ? `font family "${family}" has no weight ${weight}`
        : `unknown font family "${family}"`,
      { file: FAMILIES_FILE },
      `available: ${describeAvailable()}`,
    );
  }
  return `${entry.prefix}-${weight}`;
}

/** All registry keys, in file order. */
export function fontKeys(): string[] {
  return loadFamilies().flatMap((f) => [...f.weights.keys()].map((w) => `${f.prefix}-${w}`));
}

/** Absolute path of the TTF behind a key. */
export function fontFile(key: string): string {
  const [entry, weight] = lookupKey(key);
  const relative = entry.weights.get(weight) ?? '';
  try {
    return requireFromHere.resolve(relative);
  } catch {
    throw new BanmianError(
      'font-file-missing',
      'input',
      `font file ${relative} for ${key} is not installed`,
      { file: FAMILIES_FILE },
      'run npm install, or fix the path in fonts/families.yaml',
    );
  }
}

/** The parsed fontkit font of a key; parsed on first use, then shared. */
export function fontkitFont(key: string): Font {
  let font = fonts.get(key);
  if (!font) {
    const file = fontFile(key);
    const parsed = create(readFileSync(file));
    if (!('layout' in parsed)) {
      throw new BanmianError('unknown-font', 'input', `${file} is a font collection, not a single font`, { file });
    }
    font = parsed;
    fonts.set(key, font);
  }
  return font;
}

/** The FontFace of a key (one per key, so its shaping cache is shared too). */
export function loadFontFace(key: string): FontFace {
  let face = faces.get(key);
  if (!face) {
    face = new FontkitFace(key, fontkitFont(key));
    faces.set(key, face);
  }
  return face;
}

function lookupKey(key: string): [FamilyEntry, number] {
  const match = /^(.+)-(\d+)$/.exec(key);
  const entry = match && loadFamilies().find((f) => f.prefix === match[1]);
  const weight = Number(match?.[2]);
  if (!entry || !entry.weights.has(weight)) {
    throw new BanmianError(
      'unknown-font',
      'input',
      `unknown font key "${key}"`,
      { file: FAMILIES_FILE },
      `available: ${fontKeys().join(', ')}`,
    );
  }
  return [entry, weight];
}

function describeAvailable(): string {
  return loadFamilies()
    .map((f) => `${f.family} (${[...f.weights.keys()].join(', ')})`)
    .join('; ');
}

function loadFamilies(): readonly FamilyEntry[] {
  if (families) return families;
  const doc: unknown = parse(readFileSync(FAMILIES_FILE, 'utf8'));
  const raw = isRecord(doc) && isRecord(doc.families) ? doc.families : undefined;
  if (!raw) throw badRegistry('expected a `families:` mapping');
  families = Object.entries(raw).map(([family, value]) => {
    if (!isRecord(value) || typeof value.key !== 'string' || !isRecord(value.weights)) {
      throw badRegistry(`family "${family}" needs \`key\` and \`weights\``);
    }
    const weights = new Map<number, string>();
    for (const [w, file] of Object.entries(value.weights)) {
      if (!/^\d+$/.test(w) || typeof file !== 'string') throw badRegistry(`bad weight ${w} in "${family}"`);
      weights.set(Number(w), file);
    }
    return { family, prefix: value.key, weights };
  });
  return families;
}

function badRegistry(message: string): BanmianError {
  return new BanmianError('bad-font-registry', 'input', `fonts/families.yaml: ${message}`, { file: FAMILIES_FILE });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
