/** Every file an issue is made from: what a rebuild depends on, and what `watch` watches. */
import { issueFiles, type TemplateFiles } from '../manifest/files.js';
import type { Issue } from '../manifest/types.js';

/**
 * The manifest, its body files, photos, template file and the template's ICC profile; absolute,
 * unique, manifest first. A bundled template counts too: a new Banmian release may change it.
 */
export function issueSources(issue: Issue, template: TemplateFiles): string[] {
  const files = issueFiles(issue, template);
  return [files.manifest, ...files.content, ...files.template];
}
