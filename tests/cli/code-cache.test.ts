// The CLI asks Node to keep compiled code in the cache folder when Node can (22.1 and later),
// and leaves Node alone when the cache is off or Node lacks the switch.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheRoot } from '../../src/cache-root.js';
import { enableCodeCache } from '../../src/cli/code-cache.js';

/** A stand-in for node:module that records the folder it was asked to use. */
function recordingApi() {
  const asked: string[] = [];
  const api = {
    enableCompileCache(directory: string) {
      asked.push(directory);
      return { directory };
    },
  };
  return { asked, api };
}

describe('code cache', () => {
  it('lives in the code folder of the cache root', () => {
    const { asked, api } = recordingApi();
    const root = path.resolve('some-cache');
    expect(enableCodeCache(root, api)).toBe(path.join(root, 'code'));
    expect(asked).toEqual([path.join(root, 'code')]);
  });

  it('is not asked for when the cache is off', () => {
    const { asked, api } = recordingApi();
    expect(enableCodeCache(cacheRoot({ BANMIAN_CACHE_DIR: 'off' }), api)).toBeUndefined();
    expect(asked).toEqual([]);
  });

  it('is skipped on a Node without enableCompileCache', () => {
    expect(enableCodeCache(path.resolve('some-cache'), {})).toBeUndefined();
  });
});

describe('cache root', () => {
  it('is .banmian-cache of the working folder unless BANMIAN_CACHE_DIR says otherwise', () => {
    expect(cacheRoot({})).toBe(path.resolve('.banmian-cache'));
    expect(cacheRoot({ BANMIAN_CACHE_DIR: '/tmp/elsewhere' })).toBe('/tmp/elsewhere');
    expect(cacheRoot({ BANMIAN_CACHE_DIR: 'off' })).toBeUndefined();
  });
});
