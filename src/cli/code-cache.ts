/**
 * Runs the bundled CLI from V8's code cache (see launch.ts for why): the cache file of each
 * command, and the run of a CommonJS bundle with it.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { cacheRoot } from '../cache-root.js';

/** The commands worth a cache: they lay out issues, which is most of a cold start's code. */
const CACHED_COMMANDS = new Set(['build', 'check', 'batch', 'proof', 'watch']);

/**
 * One command's code cache: `<cache>/code/banmian-<command>.v8`, a first line that says which
 * bundle and which Node made it, then V8's data. Another bundle or Node finds the line differs and
 * replaces the file. (V8 checks its own version and flags, but knows the source only by length.)
 */
export class CodeCache {
  constructor(
    readonly file: string,
    private readonly key: string,
  ) {}

  static forCommand(root: string | undefined, command: string | undefined, bundle: string): CodeCache | undefined {
    if (root === undefined || command === undefined || !CACHED_COMMANDS.has(command)) return undefined;
    const { size, mtimeMs } = statSync(bundle);
    return new CodeCache(path.join(root, 'code', `banmian-${command}.v8`), `${process.version} ${process.arch} ${size} ${mtimeMs}`);
  }

  /** V8's data, if this file was made for this bundle and this Node. */
  read(): Buffer | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.file);
    } catch {
      return undefined; // no cache yet
    }
    const header = Buffer.from(`${this.key}\n`);
    return bytes.subarray(0, header.length).equals(header) ? bytes.subarray(header.length) : undefined;
  }

  /** Replaces the file whole (parallel processes never read half of one). A failure only costs time. */
  write(data: Buffer): void {
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(temporary, Buffer.concat([Buffer.from(`${this.key}\n`), data]));
      renameSync(temporary, this.file);
    } catch {
      // An unwritable cache folder: the next run compiles again, as without a cache.
    }
  }
}

type CommonJsWrapper = (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;

/** Runs the bundle as Node runs a CommonJS file, with the command's code cache when there is one. */
export function runBundle(bundle: string, argv = process.argv, root = cacheRoot()): void {
  let source: string;
  try {
    source = readFileSync(bundle, 'utf8');
  } catch {
    process.stderr.write(`banmian: ${bundle} is missing: run \`npm run build\`\n`);
    process.exitCode = 1;
    return;
  }
  const cache = CodeCache.forCommand(root, argv[2], bundle);
  const cachedData = cache?.read();
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
  if (cache && (!cachedData || script.cachedDataRejected === true)) {
    process.once('exit', () => cache.write(script.createCachedData()));
  }
  const run = script.runInThisContext() as CommonJsWrapper;
  const module = { exports: {} };
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
}
