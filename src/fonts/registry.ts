/**
 * The font registry: `fonts/families.yaml` names the families, weights and TTF files. Each TTF is
 * read once per process (without its outlines when read ahead: font-file.ts) and parsed once;
 * the same parsed fontkit Font serves measuring (FontFace) and embedding (pdfkit accepts a parsed
 * font since 0.20), so both see identical glyphs.
 */
/// <reference types="node" />
// (TypeScript 6 no longer includes @types/node by default; tsconfig has no `types` entry.)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { create, type Font } from 'fontkit';
import { parse } from 'yaml';
import { BanmianError } from '../errors.js';
import { didYouMean } from '../manifest/did-you-mean.js';
import type { FontFace } from '../text/font-face.js';
import type { AdvanceWidths } from './advances.js';
import { readCharacterMap, type CharacterMap } from './cmap.js';
import { fontInMemory, readFontWithoutOutlines, type FontBytes } from './font-file.js';
import { FontkitFace } from './font-face.js';
import { TrueTypeSubset } from './subset.js';

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

interface Registry {
  readonly families: readonly FamilyEntry[];
  /** family names tried, in order, for a character a style's own font cannot draw */
  readonly fallback: readonly string[];
}

let registry: Registry | undefined;
/** A parsed font: the file as read (fontkit parses the same bytes), and how it is measured. */
interface LoadedFont extends Omit<FontBytes, 'data'> {
  readonly font: Font;
  readonly advances: AdvanceWidths;
  readonly glyphIds: CharacterMap;
}

const fonts = new Map<string, LoadedFont>();
const faces = new Map<string, FontkitFace>();

/** Registry key of a family and weight, e.g. `fontKey('Noto Serif SC', 400)` → `serif-400`. */
export function fontKey(family: string, weight: number): string {
  const choice = fontChoice(family, weight);
  if ('problem' in choice) throw new BanmianError('unknown-font', 'input', choice.problem.message, { file: FAMILIES_FILE }, choice.problem.hint);
  return `${choice.entry.prefix}-${weight}`;
}

interface ChoiceProblem {
  readonly field: 'family' | 'weight';
  readonly message: string;
  readonly hint: string;
}

/** Why a template may not use this family and weight (message and hint), or undefined if it may. */
export function fontChoiceProblem(family: string, weight: number): ChoiceProblem | undefined {
  const choice = fontChoice(family, weight);
  return 'problem' in choice ? choice.problem : undefined;
}

/** The registry's entry for a family that has this weight, or what is wrong with the choice. */
function fontChoice(family: string, weight: number): { readonly entry: FamilyEntry } | { readonly problem: ChoiceProblem } {
  const entry = loadFamilies().find((f) => f.family === family);
  if (!entry) {
    const families = loadFamilies().map((f) => f.family);
    return { problem: { field: 'family', message: `unknown font family "${family}"`, hint: didYouMean(family, families, `available: ${describeAvailable()}`) } };
  }
  if (entry.weights.has(weight)) return { entry };
  return { problem: { field: 'weight', message: `font family "${family}" has no weight ${weight}`, hint: `available weights: ${[...entry.weights.keys()].join(', ')}` } };
}

/** The families of the `fallback:` list in fonts/families.yaml, in order. */
export function fallbackFamilies(): readonly string[] {
  return loadRegistry().fallback;
}

/** The key of `family` at the registered weight nearest to `weight` (fallback fonts keep the style's weight as far as they can). */
export function nearestWeightKey(family: string, weight: number): string {
  const entry = loadFamilies().find((f) => f.family === family);
  const weights = [...(entry?.weights.keys() ?? [])];
  const nearest = weights.reduce((best, w) => (Math.abs(w - weight) < Math.abs(best - weight) ? w : best), weights[0] ?? weight);
  return fontKey(family, nearest);
}

/** Family and weight of a key: `serif-400` → Noto Serif SC, 400. */
export function fontOfKey(key: string): { family: string; weight: number } {
  const [entry, weight] = lookupKey(key);
  return { family: entry.family, weight };
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
  return loadedFont(key).font;
}

/** Advance widths of a key's glyphs, in font units: from the hmtx table, or fontkit for a variable font. */
export function glyphAdvances(key: string): AdvanceWidths {
  return loadedFont(key).advances;
}

/** A new, empty subset of a key's font for one PDF: our TrueType copier, or undefined to leave it to fontkit. */
export function newSubset(key: string): TrueTypeSubset | undefined {
  const { sfnt, metrics, outlines } = loadedFont(key);
  return TrueTypeSubset.of(sfnt, metrics, outlines);
}

/** Font files being read ahead by `prefetchFonts`, until they are parsed or let go. */
const readingAhead = new Map<string, Promise<FontBytes | undefined>>();
const readAhead = new Map<string, FontBytes>();

/**
 * Reads the files of these fonts in the background (libuv's threads), without their outlines
 * (font-file.ts), so that a build can parse its manifest's text and probe its photos meanwhile
 * instead of waiting for them when layout first asks. Resolves when they are read; fonts already
 * parsed are skipped, and a file that cannot be read is left for the parse to report. A font
 * loaded without being read ahead (a fallback candidate, a test) is read whole.
 */
export async function prefetchFonts(keys: Iterable<string>): Promise<void> {
  const reads = [...new Set(keys)]
    .filter((key) => !fonts.has(key))
    .map((key) => {
      let reading = readingAhead.get(key);
      if (!reading) {
        // fontFile throws for a font that is not installed: inside the promise, like a failed read.
        const read = async (): Promise<FontBytes> => readFontWithoutOutlines(fontFile(key));
        reading = read().then(
          (data) => {
            if (readingAhead.has(key)) readAhead.set(key, data);
            return data;
          },
          () => undefined,
        );
        readingAhead.set(key, reading);
      }
      return reading;
    });
  await Promise.all(reads);
}

/** Lets go of fonts read ahead but never parsed (a template style the issue does not use). */
export function forgetUnparsedFonts(): void {
  readingAhead.clear();
  readAhead.clear();
}

function loadedFont(key: string): LoadedFont {
  let loaded = fonts.get(key);
  if (!loaded) {
    const file = fontFile(key);
    const { data, sfnt, metrics, outlines } = readAhead.get(key) ?? fontInMemory(readFileSync(file));
    readAhead.delete(key);
    readingAhead.delete(key);
    const parsed = create(data);
    if (!('layout' in parsed)) {
      throw new BanmianError('unknown-font', 'input', `${file} is a font collection, not a single font`, { file });
    }
    const font = parsed;
    if (outlines) withEmptyLocation(font);
    const advances = metrics?.advance ?? ((glyphId: number) => font.getGlyph(glyphId).advanceWidth);
    const glyphIds = (sfnt && readCharacterMap(sfnt)) ?? ((codePoint: number) => font.glyphForCodePoint(codePoint).id);
    loaded = { font, sfnt, metrics, outlines, advances, glyphIds };
    fonts.set(key, loaded);
  }
  return loaded;
}

/**
 * fontkit reads a TrueType glyph's bounding box for its metrics, from `glyf` at the glyph's `loca`
 * offset. In a font read without outlines `glyf` is zeros, so every box is empty at any offset:
 * all-zero offsets give the same boxes without decoding `loca`, 30,000 entries one by one (5–9 ms
 * a face in a cold process). Internals used (fontkit 2): `_tables`, where decoded tables are kept.
 */
function withEmptyLocation(font: Font): void {
  const tables = (font as unknown as { _tables?: Record<string, unknown> })._tables;
  if (tables && !('loca' in tables)) tables.loca = { offsets: new Uint32Array(font.numGlyphs + 1) };
}

/** The FontFace of a key (one per key, so its shaping cache is shared too). */
export function loadFontFace(key: string): FontFace {
  let face = faces.get(key);
  if (!face) {
    const { font, advances, glyphIds } = loadedFont(key);
    face = new FontkitFace(key, font, advances, glyphIds);
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
  return loadRegistry().families;
}

function loadRegistry(): Registry {
  if (registry) return registry;
  const doc: unknown = parse(readFileSync(FAMILIES_FILE, 'utf8'));
  const raw = isRecord(doc) && isRecord(doc.families) ? doc.families : undefined;
  if (!raw) throw badRegistry('expected a `families:` mapping');
  const families = Object.entries(raw).map(([family, value]) => {
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
  const fallback = isRecord(doc) && doc.fallback !== undefined ? doc.fallback : [];
  if (!Array.isArray(fallback) || !fallback.every((name) => typeof name === 'string' && name in raw)) {
    throw badRegistry('`fallback:` must list families defined under `families:`');
  }
  registry = { families, fallback: fallback as string[] };
  return registry;
}

function badRegistry(message: string): BanmianError {
  return new BanmianError('bad-font-registry', 'input', `fonts/families.yaml: ${message}`, { file: FAMILIES_FILE });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
