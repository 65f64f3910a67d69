/**
 * The identity of a build: if nothing in it changed, the PDF from last time is still right.
 * Manifest, body files, photos, template and its ICC profile by content (their digests, which the
 * build then reuses instead of reading the photos again); fonts by path, size and modification
 * time (15 MB each, from node_modules, changed only by an install); engine version; profile.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fontFile, fontKeys } from '../fonts/registry.js';
import { loadIssue } from '../manifest/load.js';
import type { RenderProfile } from '../render/page-boxes.js';
import { loadIssueTemplate } from '../template/load.js';
import { issueSources } from '../manifest/files.js';
import { fileDigest, fileVersion } from '../file-version.js';

const ENGINE_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** Throws the same BanmianError as a build would when the manifest itself is bad. */
export async function fingerprint(manifest: string, profile: RenderProfile): Promise<string> {
  const issue = await loadIssue(manifest);
  const template = await loadIssueTemplate(issue);
  const hash = createHash('sha256');
  hash.update(`banmian ${ENGINE_VERSION}\0${profile}\0`);
  for (const file of issueSources(issue, template)) hash.update(`${file}\0${await fileDigest(file)}\0`);
  for (const key of fontKeys()) {
    hash.update(`${await fileVersion(fontFile(key))}\0`);
  }
  return hash.digest('hex');
}
