/**
 * The whole run: manifest → template → photo sizes → layout → (overset check) → PDF → file.
 */
import path from 'node:path';
import { forcedBreaks } from './check/diagnose.js';
import { BanmianError } from './errors.js';
import { issueFontBook } from './fonts/coverage.js';
import { fontKey, loadFontFace } from './fonts/registry.js';
import { probePhotos } from './images/probe.js';
import type { FontBook } from './layout/set-text.js';
import { layoutIssue, type IssueLayout, type Overset } from './layout/pages.js';
import { loadIssue } from './manifest/load.js';
import type { Issue } from './manifest/types.js';
import { writeFileAtomic } from './output/atomic-write.js';
import { renderPdf, type RenderProfile } from './render/pdf.js';
import { renderSetup } from './render/setup.js';
import { loadTemplate } from './template/load.js';

export interface BuildOptions {
  /** output PDF path; default `out/<manifest name>.pdf` */
  readonly output?: string;
  readonly profile?: RenderProfile;
}

/** Something the build did but a person should look at (low-resolution photo …). */
export interface BuildWarning {
  readonly code: string;
  readonly message: string;
  readonly page?: number;
  readonly article?: string;
}

export interface BuildReport {
  readonly manifest: string;
  readonly output: string;
  readonly profile: RenderProfile;
  readonly pages: number;
  readonly articles: number;
  readonly bytes: number;
  readonly warnings: readonly BuildWarning[];
  readonly timingsMs: Readonly<Record<'layout' | 'render' | 'total', number>>;
}

export interface LaidOutIssue {
  readonly issue: Issue;
  readonly layout: IssueLayout;
}

export const fontBook: FontBook = (family, weight) => loadFontFace(fontKey(family, weight));

/** Load and lay out an issue; overset is returned in the layout, not thrown. */
export async function layOut(manifestPath: string): Promise<LaidOutIssue> {
  const issue = await loadIssue(manifestPath);
  const template = await loadTemplate(issue.template, path.dirname(issue.file));
  const sizes = await probePhotos(issue);
  const layout = layoutIssue(issue, {
    template,
    // Before layout: a character no configured font has fails here, naming its manifest line.
    fonts: issueFontBook(issue, template),
    photoSize: (file) => {
      const size = sizes.get(file);
      if (!size) throw new Error(`photo not probed: ${file}`);
      return size;
    },
  });
  return { issue, layout };
}

export const OVERSET_HINT = 'shorten the text, give the article more columns, move it to another page, or let it jump with `continue_on`';

export function oversetError(issue: Pick<Issue, 'file'>, overset: readonly Overset[]): BanmianError {
  const parts = overset.map((o) => `“${o.article}” on page ${o.page}: ${o.lines} lines (${o.chars} characters) do not fit`);
  return new BanmianError(
    'overset',
    'layout',
    `overset: ${parts.join('; ')}`,
    { file: issue.file },
    OVERSET_HINT,
  );
}

export function defaultOutput(manifestPath: string): string {
  return path.join('out', `${path.basename(manifestPath).replace(/\.ya?ml$/i, '')}.pdf`);
}

export async function buildIssue(manifestPath: string, options: BuildOptions = {}): Promise<BuildReport> {
  const started = performance.now();
  const profile = options.profile ?? 'print';
  const { issue, layout } = await layOut(manifestPath);
  if (layout.overset.length > 0) throw oversetError(issue, layout.overset);
  const laidOut = performance.now();
  const setup = await renderSetup(issue, layout.frames, profile);
  const pdf = await renderPdf(layout.frames, setup.options);
  const rendered = performance.now();
  const output = options.output ?? defaultOutput(manifestPath);
  await writeFileAtomic(output, pdf);
  return {
    manifest: issue.file,
    output,
    profile,
    pages: layout.frames.pages.length,
    articles: issue.pages.reduce((n, p) => n + p.articles.length, 0),
    bytes: pdf.length,
    warnings: setup.warnings,
    timingsMs: {
      layout: Math.round(laidOut - started),
      render: Math.round(rendered - laidOut),
      total: Math.round(performance.now() - started),
    },
  };
}

/** A check warning: a build warning, or a line break with where it is and what to do. */
export type CheckWarning = BuildWarning & { readonly where?: string; readonly hint?: string };

export interface CheckReport {
  readonly manifest: string;
  readonly profile: RenderProfile;
  readonly pages: number;
  readonly articles: number;
  readonly overset: readonly Overset[];
  /** what `build` would warn about, and lines broken against a rule */
  readonly warnings: readonly CheckWarning[];
  /** true when `build` would succeed */
  readonly ok: boolean;
}

/**
 * Everything `buildIssue` does except writing: validation, glyphs, layout, overset, photo
 * resolution for the profile, and the line breaks worth a sub-editor's look.
 */
export async function checkIssue(manifestPath: string, options: { readonly profile?: RenderProfile } = {}): Promise<CheckReport> {
  const profile = options.profile ?? 'print';
  const { issue, layout } = await layOut(manifestPath);
  const setup = await renderSetup(issue, layout.frames, profile);
  return {
    manifest: issue.file,
    profile,
    pages: layout.frames.pages.length,
    articles: issue.pages.reduce((n, p) => n + p.articles.length, 0),
    overset: layout.overset,
    warnings: [...setup.warnings, ...forcedBreaks(layout)],
    ok: layout.overset.length === 0,
  };
}
