// A folder given to batch yields its manifests by the YAML name rule: .yaml or .yml, in any case.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandManifests } from '../../src/batch/expand.js';

const dir = mkdtempSync(path.join(tmpdir(), 'banmian-expand-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('expandManifests', () => {
  it('takes every YAML file of a folder, whatever the case of its extension, and nothing else', async () => {
    for (const name of ['ISSUE-1.YAML', 'issue-2.yml', 'issue-3.Yaml', 'notes.txt', 'photo.jpg']) writeFileSync(path.join(dir, name), '');
    const found = await expandManifests([dir]);
    expect(found.map((f) => path.basename(f)).sort()).toEqual(['ISSUE-1.YAML', 'issue-2.yml', 'issue-3.Yaml']);
  });
});
