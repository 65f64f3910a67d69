import module from 'node:module';
import path from 'node:path';

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
