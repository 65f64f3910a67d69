// A photo belongs to the article that places it: layout labels every image box with its article,
// so reports (the print resolution check) name the right story even when two share a photo file.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { ImageBox } from '../../src/layout/frames.js';
import { layOut } from '../../src/pipeline.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('image boxes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-shared-photo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(ROOT, 'issues', 'photos'), join(dir, 'photos'), { recursive: true });

  it('carry the label of the article that placed them, when two articles share a photo file', async () => {
    const source = parse(readFileSync(join(ROOT, 'issues', 'gongyi-2024-04-02.yaml'), 'utf8')) as {
      pages: { articles: { id: string; photos?: { file: string; caption?: string }[] }[] }[];
    };
    const articles = source.pages[0]?.articles ?? [];
    const withPhoto = articles.filter((a) => (a.photos ?? []).length > 0);
    const [first, second] = withPhoto;
    if (!first?.photos?.[0] || !second?.photos?.[0]) throw new Error('fixture: the sample has two articles with photos');
    second.photos[0].file = first.photos[0].file; // the same photo in both stories
    const manifest = join(dir, 'shared.yaml');
    writeFileSync(manifest, stringify(source));

    const { layout } = await layOut(manifest);
    const images = (layout.frames.pages[0]?.items ?? []).filter((i): i is ImageBox => i.kind === 'image');
    expect(images.map((i) => i.file)).toEqual([join(dir, first.photos[0].file), join(dir, first.photos[0].file)]);
    expect(images.map((i) => i.article).sort()).toEqual([first.id, second.id].sort());
  });
});
