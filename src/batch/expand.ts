/**
 * `banmian batch` arguments → manifest files: a folder stands for the YAML files directly in it,
 * a glob (quoted, so the shell leaves it alone) for what it matches, a file for itself.
 * Absolute, unique, in argument order.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { BanmianError } from '../errors.js';
import { isYamlFile } from '../manifest/yaml-names.js';

export async function expandManifests(args: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const arg of args) {
    const matches = await expandOne(arg);
    if (matches.length === 0) {
      throw new BanmianError('no-manifests', 'input', `no issue manifests (*.yaml, *.yml) in ${arg}`, { file: arg });
    }
    found.push(...matches);
  }
  return [...new Set(found)];
}

async function expandOne(arg: string): Promise<string[]> {
  const found = await stat(arg).catch(() => undefined);
  if (found?.isDirectory()) return matching('*', arg); // the YAML name rule decides, in any case
  if (found) return [path.resolve(arg)];
  if (isDynamicPattern(arg)) return matching(arg, '.');
  // Checked before starting: a mistyped argument is not one more failed issue in the summary.
  throw new BanmianError('missing-file', 'input', `no such file or folder: ${arg}`, { file: arg });
}

async function matching(pattern: string, cwd: string): Promise<string[]> {
  const files = await glob(pattern, { cwd, absolute: true, onlyFiles: true, expandDirectories: false });
  return files.filter(isYamlFile).sort();
}
