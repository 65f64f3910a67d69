/**
 * What an archive PDF carries so the issue can be rebuilt from it alone: the manifest as written,
 * every file it refers to (body files, photos, a template file and its ICC profile), and each
 * article's text as a plain-text file for people and search tools.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { issueFiles, type TemplateFiles } from '../manifest/files.js';
import type { Article, Issue } from '../manifest/types.js';
import type { Attachment } from '../render/attachments.js';
import { sourceCredit } from '../text/normalize.js';

/** Marks the manifest among the attachments (Filespec /Desc); `--from-pdf` looks for it. */
export const MANIFEST_DESCRIPTION = 'Banmian issue manifest';
/** Folder of the per-article text files inside the attachment names. */
const TEXT_FOLDER = 'text';

const MIME: Readonly<Record<string, string>> = {
  '.yaml': 'application/yaml',
  '.yml': 'application/yaml',
  '.md': 'text/markdown',
  '.txt': 'text/plain',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.icc': 'application/vnd.iccprofile',
  '.icm': 'application/vnd.iccprofile',
};

export async function issueAttachments(issue: Issue, template: TemplateFiles): Promise<Attachment[]> {
  const folder = path.dirname(issue.file);
  const files = issueFiles(issue, template);
  // A bundled template ships with Banmian: only the desk's own travels with the issue.
  const sources = new Set([...files.content, ...(files.ownTemplate ? files.template : [])]);

  const attachments: Attachment[] = [
    { name: path.basename(issue.file), data: await readFile(issue.file), mime: 'application/yaml', description: MANIFEST_DESCRIPTION, relationship: 'Source' },
  ];
  for (const file of [...sources].sort()) {
    const name = path.relative(folder, file).split(path.sep).join('/');
    attachments.push({ name, data: await readFile(file), mime: mimeOf(name), description: `source file ${name}`, relationship: 'Source' });
  }
  issue.pages.forEach((page, p) =>
    page.articles.forEach((article, a) => {
      const name = `${TEXT_FOLDER}/${p + 1}-${a + 1}${article.id ? `-${article.id}` : ''}.txt`;
      attachments.push({ name, data: Buffer.from(articleText(article), 'utf8'), mime: 'text/plain', description: `text of “${article.headline}”`, relationship: 'Supplement' });
    }),
  );
  return attachments;
}

/** The article's words in reading order: heading group, body as written, credit. */
export function articleText(article: Article): string {
  const head = [article.kicker, article.headline, article.subhead, article.byline].filter((line): line is string => Boolean(line));
  const credit = article.source ? [sourceCredit(article.source)] : [];
  return `${[head.join('\n'), article.body.trim(), ...credit].join('\n\n')}\n`;
}

function mimeOf(name: string): string {
  return MIME[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
}
