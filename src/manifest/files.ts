/**
 * The files an issue is made from, listed once for everyone who needs them: `batch` hashes them
 * to know whether a rebuild is due, `watch` follows them, and the archive PDF carries them.
 */
import type { Issue } from './types.js';

/** What of a template is a file on disk. */
export interface TemplateFiles {
  readonly file: string;
  readonly iccProfile?: string;
}

export interface IssueFiles {
  readonly manifest: string;
  /** body files and photos in manifest order, each once, without the manifest itself */
  readonly content: readonly string[];
  /** the template file and its ICC profile */
  readonly template: readonly string[];
  /** the template is the desk's own file (a path in the manifest), not one bundled with Banmian */
  readonly ownTemplate: boolean;
}

export function issueFiles(issue: Issue, template: TemplateFiles): IssueFiles {
  const content = new Set<string>();
  for (const article of issue.pages.flatMap((page) => page.articles)) {
    if (article.bodySource.file !== issue.file) content.add(article.bodySource.file);
    for (const photo of article.photos) content.add(photo.file);
  }
  return {
    manifest: issue.file,
    content: [...content],
    template: template.iccProfile ? [template.file, template.iccProfile] : [template.file],
    // A path in the manifest is resolved to the template's file; a bundled template is named.
    ownTemplate: template.file === issue.template,
  };
}

/**
 * The manifest, its body files, photos, template file and the template's ICC profile; absolute,
 * unique, manifest first: what a rebuild depends on, and what `watch` watches. A bundled template
 * counts too: a new Banmian release may change it.
 */
export function issueSources(issue: Issue, template: TemplateFiles): string[] {
  const files = issueFiles(issue, template);
  return [files.manifest, ...files.content, ...files.template];
}
