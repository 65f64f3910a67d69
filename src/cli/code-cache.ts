import module from 'node:module';
import path from 'node:path';
import { cacheRoot } from '../cache-root.js';

/** The part of node:module we use; `enableCompileCache` exists from Node 22.1. */
interface CompileCacheApi {
  readonly enableCompileCache?: (directory: string) => { readonly directory?: string };
}

/**
 * Keeps V8's compiled code of the modules a command loads under `root`, so that the next process
 * skips parsing and compiling them (see docs/performance.md for what it saves). Returns the
 * folder in use, or undefined when the cache is off (`root` undefined) or Node is older than
 * 22.1. A folder that cannot be written only costs time: Node then runs without the cache.
 */
export function enableCodeCache(root: string | undefined, api: CompileCacheApi = module): string | undefined {
  if (root === undefined || !api.enableCompileCache) return undefined;
  return api.enableCompileCache(path.join(root, 'code')).directory;
}

/**
 * Loads a command's code with the code cache on: the commands that lay out issues, whose modules
 * are most of a cold start. `--help` and the like leave no cache folder behind.
 */
export function withCodeCache<T>(load: () => Promise<T>): Promise<T> {
  enableCodeCache(cacheRoot());
  return load();
}
