// The bundled CLI keeps V8's code cache per command in the cache folder: made by a run that did
// its work, used by the next, replaced when the bundle or Node changes, never a reason to fail.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheRoot } from '../../src/cache-root.js';
import { CodeCache } from '../../src/cli/code-cache.js';
import { assertBuilt, banmian, ROOT } from './run-cli.js';

const BUNDLE = path.join(ROOT, 'dist/cli/banmian.cjs');
const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
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
    expect(CodeCache.forCommand(root, ['build', 'a.yaml'], BUNDLE)?.file).toBe(path.join(root, 'code', 'banmian-build.v8'));
    expect(CodeCache.forCommand(root, ['--debug', 'check', 'a.yaml'], BUNDLE)?.file).toBe(path.join(root, 'code', 'banmian-check.v8'));
    expect(CodeCache.forCommand(root, ['--help'], BUNDLE)).toBeUndefined();
    expect(CodeCache.forCommand(root, ['build', '--help'], BUNDLE)).toBeUndefined();
    expect(CodeCache.forCommand(root, ['import', 'page.txt'], BUNDLE)).toBeUndefined();
    expect(CodeCache.forCommand(root, [], BUNDLE)).toBeUndefined();
    expect(CodeCache.forCommand(cacheRoot({ BANMIAN_CACHE_DIR: 'off' }), ['build', 'a.yaml'], BUNDLE)).toBeUndefined();
  });

  it('is keyed by the SHA-256 of the bundle, which the build writes beside it', async () => {
    expect(readFileSync(`${BUNDLE}.sha256`, 'utf8').trim()).toBe(sha256(readFileSync(BUNDLE)));

    // Two bundles of one size and one file time (npm installs every file with the same time):
    // V8 would take the cache of either for the other; the key does not.
    const folder = path.join(scratch, 'keyed');
    mkdirSync(folder);
    const bundle = path.join(folder, 'banmian.cjs');
    const root = path.join(scratch, 'keyed-cache');
    const install = (source: string): CodeCache | undefined => {
      writeFileSync(bundle, source);
      writeFileSync(`${bundle}.sha256`, sha256(source));
      utimesSync(bundle, new Date('1985-10-26T08:15:00Z'), new Date('1985-10-26T08:15:00Z'));
      return CodeCache.forCommand(root, ['build'], bundle);
    };
    const data = Buffer.from('bytecode');
    const first = install('module.exports = "article";');
    await first?.write(data);
    expect(first?.read()).toEqual(data);
    expect(install('module.exports = "ARTICLE";')?.read()).toBeUndefined();
    rmSync(`${bundle}.sha256`);
    expect(CodeCache.forCommand(root, ['build'], bundle)).toBeUndefined(); // no digest, no cache
  });

  it('gives back what it wrote, and nothing for another key', async () => {
    const file = path.join(scratch, 'round-trip', 'banmian-build.v8');
    const data = Buffer.from([1, 2, 3, 0, 255]);
    await new CodeCache(file, 'v20.0.0 x64 aaaa').write(data);
    expect(new CodeCache(file, 'v20.0.0 x64 aaaa').read()).toEqual(data);
    expect(new CodeCache(file, 'v20.0.0 x64 aaab').read()).toBeUndefined();
    expect(new CodeCache(file, 'v22.0.0 x64 aaaa').read()).toBeUndefined();
    expect(new CodeCache(path.join(scratch, 'none.v8'), 'v20.0.0 x64 aaaa').read()).toBeUndefined();
  });

  it('costs only time when its folder cannot be written', async () => {
    const blocked = path.join(scratch, 'blocked');
    writeFileSync(blocked, 'a file where the cache folder should be');
    const cache = new CodeCache(path.join(blocked, 'code', 'banmian-build.v8'), 'key');
    await expect(cache.write(Buffer.from('data'))).resolves.toBeUndefined();
    expect(cache.read()).toBeUndefined();
  });
});

describe('the bundled CLI with its code cache', () => {
  const ISSUE = 'issues/newsletter-2024-11-26.yaml';

  it('runs in strict mode, as the ES modules it was made from do', () => {
    // Without it a write to a frozen box would fail silently in the CLI and throw in the tests.
    expect(readFileSync(BUNDLE, 'utf8').startsWith('"use strict";')).toBe(true);
  });

  it('writes the cache on the first build, and builds the same PDF from it', () => {
    const root = path.join(scratch, 'cli-cache');
    const env = { BANMIAN_CACHE_DIR: root };
    const first = path.join(scratch, 'first.pdf');
    const second = path.join(scratch, 'second.pdf');
    expect(banmian(['build', ISSUE, '-o', first, '--profile', 'email'], ROOT, env).status).toBe(0);
    const file = path.join(root, 'code', 'banmian-build.v8');
    const made = readFileSync(file);
    expect(made.subarray(0, made.indexOf(10)).toString()).toBe(`${process.version} ${process.arch} ${sha256(readFileSync(BUNDLE))}`);
    expect(made.length).toBeGreaterThan(1_000_000); // the bytecode of what the build ran

    expect(banmian(['build', ISSUE, '-o', second, '--profile', 'email'], ROOT, env).status).toBe(0);
    expect(readFileSync(second).equals(readFileSync(first))).toBe(true);
    expect(readFileSync(file).equals(made)).toBe(true); // accepted, so not written again
  });

  it('replaces a cache made for another bundle', async () => {
    const root = path.join(scratch, 'stale-cache');
    const file = path.join(root, 'code', 'banmian-check.v8');
    await new CodeCache(file, 'v0.0.0 x64 0000').write(Buffer.from('stale'));
    expect(banmian(['check', ISSUE], ROOT, { BANMIAN_CACHE_DIR: root }).status).toBe(0);
    expect(readFileSync(file).toString('latin1')).toMatch(new RegExp(`^${process.version} `));
  });

  it('makes none for --help or a run that failed', () => {
    const root = path.join(scratch, 'no-cache');
    const env = { BANMIAN_CACHE_DIR: root };
    expect(banmian(['--help'], ROOT, env).status).toBe(0);
    expect(banmian(['build', '--help'], ROOT, env).status).toBe(0);
    expect(banmian(['build', 'issues/no-such-issue.yaml', '-o', path.join(scratch, 'none.pdf')], ROOT, env).status).not.toBe(0);
    expect(existsSync(path.join(root, 'code'))).toBe(false);
  });

  it('runs without a cache when its folder cannot be made', async () => {
    const root = path.join(scratch, 'blocked-cache');
    mkdirSync(root);
    writeFileSync(path.join(root, 'code'), 'a file where the code folder should be');
    const r = banmian(['check', ISSUE], ROOT, { BANMIAN_CACHE_DIR: root });
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
