/**
 * Random damage to the sample manifests (issues/*.yaml) never crashes banmian: every mutant either
 * lays out or fails with a BanmianError. Mutations work on the parsed YAML document (delete,
 * duplicate and retype values, odd Unicode in text) and on the raw text (cut short, lines dropped
 * or doubled, odd characters anywhere). BANMIAN_MUTATION_RUNS sets the number of cases.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { isCollection, isPair, isScalar, parseDocument, visit, type Document } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BanmianError } from '../../src/errors.js';
import { buildIssue, layOut } from '../../src/pipeline.js';

const RUNS = Number(process.env.BANMIAN_MUTATION_RUNS ?? 4000);
const BUILDS = Math.max(1, Math.round(RUNS / 100));
const ISSUES = new URL('../../issues/', import.meta.url);

/** Characters that break naive code: invisible, bidi, surrogates, astral, combining, YAML syntax. */
const ODD = ['\u0000', '\u0007', '\u200b', '\u200d', '\ufeff', '\u202e', '\u2028', '\ud800', '\udfff', '\ufffd', '𠀀', '😀', '👩‍👩‍👧', 'e\u0301', '\ufe0f', '\u{e0100}', '\u3000', '\t', '\r', '\n', '"', "'", ': ', '# ', '- ', '&a ', '*a', '!!binary ', '[', '{', '|', '>', '%', '---\n', '\\', '……', '——'];
const oddText = fc.oneof(fc.array(fc.constantFrom(...ODD), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')), fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }));
const anyValue = fc.oneof(
  fc.integer({ min: -5, max: 100 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  oddText,
  fc.constant(''),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);

type DocMutation =
  | { readonly kind: 'delete'; readonly pick: number }
  | { readonly kind: 'duplicate'; readonly pick: number }
  | { readonly kind: 'retype'; readonly pick: number; readonly value: unknown }
  | { readonly kind: 'inject'; readonly pick: number; readonly at: number; readonly text: string };
type TextMutation =
  | { readonly kind: 'cut'; readonly at: number }
  | { readonly kind: 'drop-line' | 'double-line'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string };

const pick = fc.nat();
const docMutation: fc.Arbitrary<DocMutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), pick }),
  fc.record({ kind: fc.constant('retype' as const), pick, value: anyValue }),
  fc.record({ kind: fc.constant('inject' as const), pick, at: fc.nat(), text: oddText }),
);
const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('cut' as const, 'drop-line' as const, 'double-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: oddText }),
);
interface Mutant {
  readonly sample: number;
  readonly doc: readonly DocMutation[];
  readonly text: readonly TextMutation[];
}
const mutant: fc.Arbitrary<Mutant> = fc.record({
  sample: fc.nat(),
  doc: fc.array(docMutation, { maxLength: 3 }),
  text: fc.array(textMutation, { maxLength: 2 }),
});

/** Every key–value pair and list item of the document, in document order. */
function places(doc: Document): { parent: unknown; item: unknown }[] {
  const found: { parent: unknown; item: unknown }[] = [];
  visit(doc, {
    Pair(_key, pair, path) {
      found.push({ parent: path.at(-1), item: pair });
    },
    Node(_key, node, path) {
      const parent = path.at(-1);
      if (isCollection(parent) && !isPair(node)) found.push({ parent, item: node });
    },
  });
  return found;
}

function mutateDocument(doc: Document, mutation: DocMutation): void {
  const all = places(doc);
  const place = all[mutation.pick % Math.max(all.length, 1)];
  if (!place || !isCollection(place.parent)) return;
  const items = place.parent.items as unknown[];
  const index = items.indexOf(place.item);
  if (mutation.kind === 'delete') items.splice(index, 1);
  else if (mutation.kind === 'duplicate') items.splice(index, 0, structuredCloneNode(doc, place.item));
  else if (mutation.kind === 'retype') setValue(doc, items, index, mutation.value);
  else {
    const target = isPair(place.item) ? place.item.value : place.item;
    if (isScalar(target) && typeof target.value === 'string') {
      const at = mutation.at % (target.value.length + 1);
      target.value = target.value.slice(0, at) + mutation.text + target.value.slice(at);
    }
  }
}

function structuredCloneNode(doc: Document, item: unknown): unknown {
  return isPair(item) ? doc.createPair(item.key, item.value) : (item as { clone(): unknown }).clone();
}

function setValue(doc: Document, items: unknown[], index: number, value: unknown): void {
  const item = items[index];
  if (isPair(item)) item.value = doc.createNode(value);
  else items[index] = doc.createNode(value);
}

function mutateText(text: string, mutation: TextMutation): string {
  const at = mutation.at % (text.length + 1);
  if (mutation.kind === 'cut') return text.slice(0, at);
  if (mutation.kind === 'insert') return text.slice(0, at) + mutation.text + text.slice(at);
  const lines = text.split('\n');
  const line = mutation.at % lines.length;
  lines.splice(line, mutation.kind === 'drop-line' ? 1 : 0, ...(mutation.kind === 'drop-line' ? [] : [lines[line] ?? '']));
  return lines.join('\n');
}

let dir: string;
let samples: string[];
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'banmian-mutants-'));
  await cp(ISSUES, dir, { recursive: true });
  const names = (await readdir(dir)).filter((name) => name.endsWith('.yaml')).sort();
  samples = (await Promise.all(names.map((name) => readFile(path.join(dir, name), 'utf8')))).map(shortBodies);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * The samples with every body cut to its first 200 characters: layout time grows with the text,
 * and thousands of full issues would not fit in a test run. Everything else stays as written.
 */
function shortBodies(sample: string): string {
  const doc = parseDocument(sample);
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && pair.key.value === 'body' && isScalar(pair.value) && typeof pair.value.value === 'string') {
        pair.value.value = `${pair.value.value.slice(0, 200)}\n`;
      }
    },
  });
  return doc.toString();
}

function mutantText({ sample, doc: docMutations, text: textMutations }: Mutant): string {
  const source = samples[sample % samples.length] ?? '';
  let text = source;
  if (docMutations.length > 0) {
    const doc = parseDocument(source);
    for (const mutation of docMutations) mutateDocument(doc, mutation);
    text = doc.toString();
  }
  return textMutations.reduce(mutateText, text);
}

/** Resolves for a good result or a BanmianError; anything else fails the property with the mutant. */
async function onlyCleanOutcomes(text: string, run: (file: string) => Promise<unknown>): Promise<'ok' | 'error'> {
  const file = path.join(dir, 'mutant.yaml');
  await writeFile(file, text);
  try {
    await run(file);
    return 'ok';
  } catch (error) {
    if (error instanceof BanmianError) {
      expect(error.format()).not.toMatch(/\n\s+at /);
      return 'error';
    }
    throw new Error(`crash: ${String(error)}\n--- mutant ---\n${text}`, { cause: error });
  }
}

describe('mutated sample manifests', () => {
  it(`${RUNS} mutants: load and lay out, or fail with a BanmianError`, async () => {
    const outcomes = { ok: 0, error: 0 };
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(mutant, async (m) => {
        outcomes[await onlyCleanOutcomes(mutantText(m), layOut)]++;
      }),
      { numRuns: RUNS, seed: Number(process.env.BANMIAN_MUTATION_SEED ?? 20241128), endOnFailure: true },
    );
    console.info(`${RUNS} mutants in ${Math.round(performance.now() - started)} ms: ${outcomes.ok} laid out, ${outcomes.error} BanmianErrors`);
    // Both outcomes must occur, or the mutations are too mild or too wild to test anything.
    expect(outcomes.ok).toBeGreaterThan(RUNS / 20);
    expect(outcomes.error).toBeGreaterThan(RUNS / 20);
  });

  it(`${BUILDS} mutants through the whole build`, async () => {
    const output = path.join(dir, 'out', 'mutant.pdf');
    await fc.assert(
      fc.asyncProperty(mutant, async (m) => {
        await onlyCleanOutcomes(mutantText(m), (file) => buildIssue(file, { output, profile: 'email' }));
      }),
      { numRuns: BUILDS, seed: 46, endOnFailure: true },
    );
  });
});
