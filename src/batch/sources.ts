/** Every file an issue is made from: what a rebuild depends on, and what `watch` watches. */
import path from 'node:path';
import type { Issue } from '../manifest/types.js';
import { loadTemplate } from '../template/load.js';

/** The manifest, its body files, photos, template file and the template's ICC profile; absolute, unique, manifest first. */
export async function issueSources(issue: Issue): Promise<string[]> {
  const template = await loadTemplate(issue.template, path.dirname(issue.file));
  const files = issue.pages.flatMap((page) =>
    page.articles.flatMap((article) => [article.bodySource.file, ...article.photos.map((photo) => photo.file)]),
  );
  const profile = template.iccProfile ? [template.iccProfile] : [];
  return [...new Set([issue.file, ...files, template.file, ...profile])];
}
