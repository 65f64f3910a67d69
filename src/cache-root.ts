import path from 'node:path';

/**
 * The folder a build keeps what it may reuse next time (prepared photos, compiled code):
 * `.banmian-cache` in the working folder, `BANMIAN_CACHE_DIR` to move it, `off` for none.
 */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const setting = env.BANMIAN_CACHE_DIR;
  if (setting === 'off') return undefined;
  return path.resolve(setting || '.banmian-cache'); // an empty setting is no setting
}
