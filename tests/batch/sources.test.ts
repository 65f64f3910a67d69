/** What a rebuild depends on: the template's ICC profile is one of the issue's sources. */
import { appendFileSync, copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/batch/fingerprint.js';
import { issueSources } from '../../src/manifest/files.js';
import { loadIssue } from '../../src/manifest/load.js';
import { defaultOutputProfile } from '../../src/render/output-profile.js';
import { loadTemplate } from '../../src/template/load.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLE = 'gongyi-2023-03-07.yaml';

describe('issue sources', () => {
  let dir: string;
  let manifest: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'banmian-sources-'));
    cpSync(path.join(ROOT, 'issues/photos'), path.join(dir, 'photos'), { recursive: true });
    // the bundled tabloid as the desk's own template, with the plant's profile beside it
    const template = readFileSync(path.join(ROOT, 'templates/tabloid.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'house.yaml'), `${template}\niccProfile: plant.icc\n`);
    copyFileSync(defaultOutputProfile().file, path.join(dir, 'plant.icc'));
    manifest = path.join(dir, SAMPLE);
    const text = readFileSync(path.join(ROOT, 'issues', SAMPLE), 'utf8');
    if (!/^template: tabloid$/m.test(text)) throw new Error('fixture: the sample names the tabloid template');
    writeFileSync(manifest, text.replace(/^template: tabloid$/m, 'template: house.yaml'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('include the template file and its ICC profile', async () => {
    const issue = await loadIssue(manifest);
    const sources = issueSources(issue, await loadTemplate(issue.template, path.dirname(issue.file)));
    expect(sources[0]).toBe(manifest);
    expect(sources).toContain(path.join(dir, 'house.yaml'));
    expect(sources).toContain(path.join(dir, 'plant.icc'));
  });

  it('make a changed ICC profile a changed build (batch rebuilds, watch follows it)', async () => {
    const before = await fingerprint(manifest, 'print');
    appendFileSync(path.join(dir, 'plant.icc'), Buffer.from([0]));
    expect(await fingerprint(manifest, 'print')).not.toBe(before);
  });
});
