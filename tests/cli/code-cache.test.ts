// The bundled CLI keeps V8's code cache per command in the cache folder: made by the first run,
// used by the next, replaced when the bundle or Node changes, and never a reason to fail.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheRoot } from '../../src/cache-root.js';
import { CodeCache } from '../../src/cli/code-cache.js';
import { assertBuilt, banmian, ROOT } from './run-cli.js';

const BUNDLE = path.join(ROOT, 'dist/cli/banmian.cjs');
let scratch: string;

beforeAll(() => {
  assertBuilt();
  scratch = mkdtempSync(path.join(os.tmpdir(), 'banmian-code-cache-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('CodeCache', () => {
  it('is kept for the commands that lay out issues, and only with a cache folder', () => {
    const root = path.join(scratch, 'root');
    expect(CodeCache.forCommand(root, 'build', BUNDLE)?.file).toBe(path.join(root, 'code', 'banmian-build.v8'));
    expect(CodeCache.forCommand(root, 'check', BUNDLE)?.file).toBe(path.join(root, 'code', 'banmian-check.v8'));
    expect(CodeCache.forCommand(root, '--help', BUNDLE)).toBeUndefined();
    expect(CodeCache.forCommand(root, 'import', BUNDLE)).toBeUndefined();
    expect(CodeCache.forCommand(root, undefined, BUNDLE)).toBeUndefined();
    expect(CodeCache.forCommand(cacheRoot({ BANMIAN_CACHE_DIR: 'off' }), 'build', BUNDLE)).toBeUndefined();
  });

  it('gives back what it wrote, and nothing for another bundle or Node', () => {
    const file = path.join(scratch, 'round-trip', 'banmian-build.v8');
    const data = Buffer.from([1, 2, 3, 0, 255]);
    new CodeCache(file, 'v20.0.0 x64 100 1').write(data);
    expect(new CodeCache(file, 'v20.0.0 x64 100 1').read()).toEqual(data);
    expect(new CodeCache(file, 'v20.0.0 x64 100 2').read()).toBeUndefined();
    expect(new CodeCache(file, 'v22.0.0 x64 100 1').read()).toBeUndefined();
    expect(new CodeCache(path.join(scratch, 'none.v8'), 'v20.0.0 x64 100 1').read()).toBeUndefined();
  });

  it('costs only time when its folder cannot be written', () => {
    const blocked = path.join(scratch, 'blocked');
    writeFileSync(blocked, 'a file where the cache folder should be');
    const cache = new CodeCache(path.join(blocked, 'code', 'banmian-build.v8'), 'key');
    expect(() => cache.write(Buffer.from('data'))).not.toThrow();
    expect(cache.read()).toBeUndefined();
  });
});

describe('the bundled CLI with its code cache', () => {
  const ISSUE = 'issues/newsletter-2024-11-26.yaml';

  it('writes the cache on the first build, and builds the same PDF from it', () => {
    const root = path.join(scratch, 'cli-cache');
    const env = { BANMIAN_CACHE_DIR: root };
    const first = path.join(scratch, 'first.pdf');
    const second = path.join(scratch, 'second.pdf');
    expect(banmian(['build', ISSUE, '-o', first, '--profile', 'email'], ROOT, env).status).toBe(0);
    const file = path.join(root, 'code', 'banmian-build.v8');
    const made = readFileSync(file);
    expect(made.subarray(0, made.indexOf(10)).toString()).toMatch(new RegExp(`^${process.version} ${process.arch} \\d+ `));
    expect(made.length).toBeGreaterThan(100_000); // the bytecode of what the build ran, not just the loader's

    expect(banmian(['build', ISSUE, '-o', second, '--profile', 'email'], ROOT, env).status).toBe(0);
    expect(readFileSync(second).equals(readFileSync(first))).toBe(true);
    expect(readFileSync(file).equals(made)).toBe(true); // accepted, so not written again
  });

  it('replaces a cache made for another bundle', () => {
    const root = path.join(scratch, 'stale-cache');
    const file = path.join(root, 'code', 'banmian-check.v8');
    new CodeCache(file, 'v0.0.0 x64 1 1').write(Buffer.from('stale'));
    expect(banmian(['check', ISSUE], ROOT, { BANMIAN_CACHE_DIR: root }).status).toBe(0);
    expect(readFileSync(file).toString('latin1')).toMatch(new RegExp(`^${process.version} `));
  });

  it('leaves no cache behind for --help, and runs without one when its folder cannot be made', () => {
    const helpRoot = path.join(scratch, 'help-cache');
    expect(banmian(['--help'], ROOT, { BANMIAN_CACHE_DIR: helpRoot }).status).toBe(0);
    expect(existsSync(helpRoot)).toBe(false);

    const blockedRoot = path.join(scratch, 'blocked-cache');
    new CodeCache(path.join(blockedRoot, 'placeholder'), 'k').write(Buffer.from(''));
    writeFileSync(path.join(blockedRoot, 'code'), 'a file where the code folder should be');
    const r = banmian(['check', ISSUE], ROOT, { BANMIAN_CACHE_DIR: blockedRoot });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('cache root', () => {
  it('is .banmian-cache of the working folder unless BANMIAN_CACHE_DIR says otherwise', () => {
    expect(cacheRoot({})).toBe(path.resolve('.banmian-cache'));
    expect(cacheRoot({ BANMIAN_CACHE_DIR: '/tmp/elsewhere' })).toBe('/tmp/elsewhere');
    expect(cacheRoot({ BANMIAN_CACHE_DIR: 'off' })).toBeUndefined();
  });
});
