/**
 * A YAML file parsed with positions, so that every later error can name the line and column of
 * the value it is about. Used for manifests and templates alike.
 */

import { Composer, Lexer, LineCounter, Parser, isAlias, isMap, isScalar, isSeq, visit, CST, type Document } from 'yaml';
import { BanmianError } from '../errors.js';
import { readTextFile } from './text-file.js';
import { firstLineOf } from '../report/failure.js';

/** A key in a field path: object key or list index. */
export type PathKey = string | number;

export interface YamlSource {
  /** absolute path of the file */
  readonly file: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  /** the plain data (aliases expanded, bounded) */
  readonly data: unknown;
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Aliases expand to copies of their anchor; a few nested ones ("billion laughs") blow up to
 * gigabytes. 100 alias expansions are more than any real manifest needs.
 */
const MAX_ALIAS_COUNT = 100;

/**
 * The yaml parser recurses once per nested `[` or `{`: a 2 MB file of brackets overflows the stack
 * after seconds, or exhausts memory. Real manifests nest flow collections two or three deep.
 */
const MAX_FLOW_DEPTH = 32;

export async function readYamlSource(file: string, what: string): Promise<YamlSource> {
  const text = await readTextFile(file, what);
  const lines = new LineCounter();
  // The core schema keeps `2024-11-28` a string and `yes`/`no` text (YAML 1.2, not 1.1).
  const composer = new Composer({ schema: 'core', prettyErrors: false, uniqueKeys: true });
  const docs = composer.compose(parseBoundedFlow(text, lines, file, what), true, text.length);
  const doc = docs.next().value;
  if (!doc) throw new Error(`yaml composed no document from ${file}`);
  const second = docs.next().value;
  if (second) {
    const { line, col } = lines.linePos(second.range[0]);
    throw new BanmianError(
      'yaml-two-documents',
      'input',
      `the ${what} holds a second YAML document here (after a \`---\` or \`...\` line)`,
      { file, line, column: col },
      `one file is one ${what}: remove the separator line, or move the second part to a file of its own`,
    );
  }
  const first = doc.errors[0];
  if (first) {
    const { line, col } = lines.linePos(first.pos[0]);
    if (first.code === 'DUPLICATE_KEY') {
      throw new BanmianError('duplicate-key', 'input', 'the same key appears twice in one mapping', { file, line, column: col }, 'remove or rename one of the two');
    }
    if (first.code === 'RESOURCE_EXHAUSTION') throw tooComplex(file, what, { line, column: col });
    throw new BanmianError(
      'yaml-syntax',
      'input',
      `YAML syntax error: ${reasonOf(first.message)}`,
      { file, line, column: col },
      'check the indentation (spaces, not tabs) and that every `[`, `{` and quote is closed',
    );
  }
  return { file, doc, lines, data: toBoundedData(doc, lines, file, what) };
}

/** yaml lexer tokens that mark structure and stand for no source text. */
const CONTROL_TOKENS = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/**
 * The parser's tokens, from one pass of the lexer that also counts flow brackets (brackets inside
 * quoted or block text are not tokens of their own) and refuses nesting deeper than the parser's
 * recursion should meet.
 */
function* parseBoundedFlow(text: string, lines: LineCounter, file: string, what: string): Generator<CST.Token> {
  const parser = new Parser(lines.addNewLine);
  lines.addNewLine(0);
  let depth = 0;
  let offset = 0;
  for (const lexeme of new Lexer().lex(text)) {
    if (lexeme === '[' || lexeme === '{') depth++;
    else if (lexeme === ']' || lexeme === '}') depth--;
    if (depth > MAX_FLOW_DEPTH) {
      // the parser has counted the lines of every token before this one
      const { line, col } = lines.linePos(offset);
      throw tooComplex(file, what, { line, column: col });
    }
    if (!CONTROL_TOKENS.has(lexeme)) offset += lexeme.length;
    yield* parser.next(lexeme);
  }
  yield* parser.end();
}

function tooComplex(file: string, what: string, at: { line: number; column: number }): BanmianError {
  return new BanmianError(
    'yaml-too-deep',
    'input',
    `the ${what} nests lists or mappings too deeply (more than ${MAX_FLOW_DEPTH} levels); refused`,
    { file, ...at },
    'a manifest needs only a few levels: pages → articles → photos',
  );
}

function toBoundedData(doc: Document.Parsed, lines: LineCounter, file: string, what: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      throw new BanmianError(
        'too-many-aliases',
        'input',
        `the ${what} uses YAML aliases (*name) so heavily that expanding them would exhaust memory; refused`,
        { file, ...firstAliasPosition(doc, lines) },
        `write the values out instead of repeating *aliases (at most ${MAX_ALIAS_COUNT} expansions are allowed)`,
      );
    }
    throw error;
  }
}

function firstAliasPosition(doc: Document.Parsed, lines: LineCounter): { line?: number; column?: number } {
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  if (offset === undefined) return {};
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/** yaml's message without the position it appends (ours is in the location). */
function reasonOf(message: string): string {
  return firstLineOf(message).replace(/ at line \d+, column \d+:?$/, '');
}

/** `pages[2].articles[0].photos[1].file` */
export function formatFieldPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out;
}

/** The YAML node at `path` (aliases followed) and the key node naming it, if they exist. */
function nodeAt(source: YamlSource, path: readonly PathKey[]): { node?: unknown; keyNode?: unknown } {
  let node: unknown = source.doc.contents;
  let keyNode: unknown;
  for (const key of path) {
    if (isAlias(node)) node = node.resolve(source.doc);
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) return {};
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      keyNode = undefined;
      node = node.items[key];
    } else {
      return {};
    }
  }
  return { node, keyNode };
}

function positionOfNode(source: YamlSource, node: unknown): Position | undefined {
  const range = (node as { range?: readonly number[] | null } | null | undefined)?.range;
  const start = range?.[0];
  if (start === undefined) return undefined;
  const { line, col } = source.lines.linePos(start);
  return { line, column: col };
}

/**
 * Where `path` is in the file: its value (or, with `atKey`, its key). A path that does not exist
 * (a missing field) is placed at its nearest existing ancestor.
 */
export function positionOfPath(source: YamlSource, path: readonly PathKey[], atKey = false): Position {
  for (let length = path.length; length >= 0; length--) {
    const { node, keyNode } = nodeAt(source, path.slice(0, length));
    const wanted = atKey && length === path.length ? keyNode : (node ?? keyNode);
    const position = positionOfNode(source, wanted);
    if (position) return position;
  }
  return { line: 1, column: 1 };
}

/**
 * The first line of a text value: for a block scalar (`body: |`) the line after the `|`, where the
 * text itself starts; otherwise the line of the value.
 */
export function textStartLine(source: YamlSource, path: readonly PathKey[]): number {
  const { node } = nodeAt(source, path);
  const line = positionOfPath(source, path).line;
  return isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') ? line + 1 : line;
}

/**
 * A text field exactly as written. YAML reads `issue: 46` or `headline: 1.50` as numbers; the
 * user meant the characters, so plain scalars are taken from their source text.
 */
export function scalarText(source: YamlSource, path: readonly PathKey[], value: string): string {
  const { node } = nodeAt(source, path);
  if (isScalar(node) && typeof node.value !== 'string' && typeof node.source === 'string') return node.source;
  return value;
}
