/**
 * The whole run: manifest → template → photo sizes → layout → (overset check) → PDF → file.
 */
import { forcedBreaks } from './check/diagnose.js';
import { BanmianError } from './errors.js';
import { issueFontBook } from './fonts/coverage.js';
import { probePhotos } from './images/probe.js';
import { layoutIssue, type IssueLayout, type Overset } from './layout/pages.js';
import { loadIssue } from './manifest/load.js';
import type { Issue } from './manifest/types.js';
import { writeFileAtomic } from './output/atomic-write.js';
import { defaultOutput } from './output/paths.js';
import { renderPdf, type RenderProfile } from './render/pdf.js';
import { plural } from './report/plural.js';
import { profileWarnings, renderOptions } from './render/setup.js';
import { loadIssueTemplate } from './template/load.js';
import type { Template } from './template/types.js';

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
  readonly template: Template;
  readonly layout: IssueLayout;
}

/** Load and lay out an issue; overset is returned in the layout, not thrown. */
export async function layOut(manifestPath: string): Promise<LaidOutIssue> {
  const issue = await loadIssue(manifestPath);
  const template = await loadIssueTemplate(issue);
  // The fonts are read while the text is checked against them and the photos are probed. Before
  // layout, a character no configured font has fails, naming its manifest line.
  const [sizes, fonts] = await Promise.all([probePhotos(issue), issueFontBook(issue, template)]);
  const layout = layoutIssue(issue, {
    template,
    fonts,
    photoSize: (file) => {
      const size = sizes.get(file);
      if (!size) throw new Error(`photo not probed: ${file}`);
      return size;
    },
  });
  return { issue, template, layout };
}

export const OVERSET_HINT = 'shorten the text, give the article more columns, move it to another page, or let it jump with `continue_on`';

/** How much of an article did not fit: `14 lines (210 characters) do not fit`. */
export function oversetAmount(o: Overset): string {
  return `${plural(o.lines, 'line')} (${plural(o.chars, 'character')}) ${o.lines === 1 ? 'does' : 'do'} not fit`;
}

function oversetError(issue: Pick<Issue, 'file'>, overset: readonly Overset[]): BanmianError {
  const parts = overset.map((o) => `“${o.article}” on page ${o.page}: ${oversetAmount(o)}`);
  return new BanmianError('overset', 'layout', `overset: ${parts.join('; ')}`, { file: issue.file }, OVERSET_HINT);
}

function articleCount(issue: Issue): number {
  return issue.pages.reduce((n, p) => n + p.articles.length, 0);
}

/** The PDF of a laid-out issue, in memory; overset is an error. */
export async function renderIssue(laidOut: LaidOutIssue, profile: RenderProfile): Promise<{ pdf: Buffer; warnings: readonly BuildWarning[] }> {
  const { issue, template, layout } = laidOut;
  if (layout.overset.length > 0) throw oversetError(issue, layout.overset);
  const warnings = profileWarnings(layout.frames, template, profile);
  return { pdf: await renderPdf(layout.frames, await renderOptions(issue, template, profile)), warnings };
}

export async function buildIssue(manifestPath: string, options: BuildOptions = {}): Promise<BuildReport> {
  const started = performance.now();
  return buildLaidOut(await layOut(manifestPath), options, started);
}

/** `buildIssue` for an issue already laid out (`watch` compares the layout before writing it). */
export async function buildLaidOut(laidOut: LaidOutIssue, options: BuildOptions = {}, started = performance.now()): Promise<BuildReport> {
  const profile = options.profile ?? 'print';
  const laidOutAt = performance.now();
  const { pdf, warnings } = await renderIssue(laidOut, profile);
  const rendered = performance.now();
  const output = options.output ?? defaultOutput(laidOut.issue.file);
  await writeFileAtomic(output, pdf);
  return {
    manifest: laidOut.issue.file,
    output,
    profile,
    pages: laidOut.layout.frames.pages.length,
    articles: articleCount(laidOut.issue),
    bytes: pdf.length,
    warnings,
    timingsMs: {
      layout: Math.round(laidOutAt - started),
      render: Math.round(rendered - laidOutAt),
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
  const { issue, template, layout } = await layOut(manifestPath);
  return {
    manifest: issue.file,
    profile,
    pages: layout.frames.pages.length,
    articles: articleCount(issue),
    overset: layout.overset,
    warnings: [...profileWarnings(layout.frames, template, profile), ...forcedBreaks(layout)],
    ok: layout.overset.length === 0,
  };
}
