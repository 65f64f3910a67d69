/**
 * Runs the bundled CLI from V8's code cache (see launch.ts for why): the cache file of each
 * command, and the run of a CommonJS bundle with it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { cacheRoot } from '../cache-root.js';
import { writeFileAtomic } from '../output/atomic-write.js';

/** The commands worth a cache: they lay out issues, which is most of a cold start's code. */
const CACHED_COMMANDS = new Set(['build', 'check', 'batch', 'proof', 'watch']);

/** Arguments after which a command shows text and does none of its work. */
const INFORMATION_ONLY = new Set(['--help', '-h', '--version', '-V']);

/**
 * One command's code cache: `<cache>/code/banmian-<command>.v8`, a first line that says which
 * bundle (its SHA-256, written beside it by the build) and which Node made it, then V8's data.
 * Another bundle or Node finds the line differs and replaces the file. V8 checks its own version
 * and flags, but knows the source only by its length.
 */
export class CodeCache {
  constructor(
    readonly file: string,
    private readonly key: string,
  ) {}

  /** The cache for the command in `args` (the CLI's arguments), if it is one worth a cache. */
  static forCommand(root: string | undefined, args: readonly string[], bundle: string): CodeCache | undefined {
    const command = args.find((arg) => !arg.startsWith('-')); // global options such as --debug come first
    if (root === undefined || command === undefined || !CACHED_COMMANDS.has(command)) return undefined;
    if (args.some((arg) => INFORMATION_ONLY.has(arg))) return undefined;
    let digest: string;
    try {
      digest = readFileSync(`${bundle}.sha256`, 'utf8').trim();
    } catch {
      return undefined; // a bundle built by hand, without its digest: run without a cache
    }
    return new CodeCache(path.join(root, 'code', `banmian-${command}.v8`), `${process.version} ${process.arch} ${digest}`);
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
  async write(data: Buffer): Promise<void> {
    await writeFileAtomic(this.file, Buffer.concat([Buffer.from(`${this.key}\n`), data])).catch(() => {
      // An unwritable cache folder: the next run compiles again, as without a cache.
    });
  }
}

type CommonJsWrapper = (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;

/**
 * Runs the bundle as Node runs a CommonJS file, with the command's code cache when there is one.
 * A new cache is written when the command has done its work and succeeded, so that it holds what
 * a whole run compiles: not after a mistyped path or option, which ends early.
 */
export function runBundle(bundle: string, args = process.argv.slice(2), root = cacheRoot()): void {
  let source: string;
  try {
    source = readFileSync(bundle, 'utf8');
  } catch {
    process.stderr.write(`banmian: ${bundle} is missing: run \`npm run build\`\n`);
    process.exitCode = 1;
    return;
  }
  const cache = CodeCache.forCommand(root, args, bundle);
  const cachedData = cache?.read();
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
  if (cache && (!cachedData || script.cachedDataRejected === true)) {
    // beforeExit: the event loop has run dry, so the command is done (an error or process.exit()
    // ends the process without it); the write may still use the loop.
    process.once('beforeExit', () => {
      if (!process.exitCode) void cache.write(script.createCachedData());
    });
  }
  const run = script.runInThisContext() as CommonJsWrapper;
  const module = { exports: {} };
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
}
