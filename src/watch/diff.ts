/**
 * What changed between two layouts of the same issue, in one line: page count, overset, and
 * the modules that moved, changed size, appeared or went.
 */
import type { IssueLayout } from '../layout/pages.js';
import { plural } from '../report/plural.js';

interface Placement {
  readonly page: number;
  readonly column: number;
  readonly row: number;
  readonly columns: number;
  readonly lines: number;
}

export interface LayoutSnapshot {
  readonly pages: number;
  /** article → lines that do not fit */
  readonly overset: ReadonlyMap<string, number>;
  /** article (continuations are labelled apart) → where its modules are */
  readonly modules: ReadonlyMap<string, readonly Placement[]>;
}

export function snapshot(layout: IssueLayout): LayoutSnapshot {
  const modules = new Map<string, Placement[]>();
  for (const page of layout.pages) {
    for (const { layout: module, column, row } of page.arrangement.modules) {
      const placement = { page: page.number, column, row, columns: module.widthColumns, lines: module.heightLines };
      modules.set(module.prepared.label, [...(modules.get(module.prepared.label) ?? []), placement]);
    }
  }
  return {
    pages: layout.frames.pages.length,
    overset: new Map(layout.overset.map((o) => [o.article, o.lines])),
    modules,
  };
}

/** Changes from `before` to `after`, or `no layout change`. */
export function describeChanges(before: LayoutSnapshot, after: LayoutSnapshot): string {
  const changes: string[] = [];
  if (before.pages !== after.pages) changes.push(`pages ${before.pages} → ${after.pages}`);
  for (const [article, lines] of after.overset) {
    if (before.overset.get(article) !== lines) changes.push(oversetBy(article, lines));
  }
  for (const article of before.overset.keys()) if (!after.overset.has(article)) changes.push(`“${article}” fits now`);
  for (const [article, placements] of after.modules) {
    const was = before.modules.get(article);
    if (!was) changes.push(`“${article}” placed at ${placements.map(placed).join(', ')}`);
    else changes.push(...moduleChanges(article, was, placements));
  }
  for (const article of before.modules.keys()) if (!after.modules.has(article)) changes.push(`“${article}” gone`);
  return changes.length > 0 ? changes.join('; ') : 'no layout change';
}

function moduleChanges(article: string, was: readonly Placement[], now: readonly Placement[]): string[] {
  const moved = was.map(where).join() !== now.map(where).join();
  const resized = was.map(size).join() !== now.map(size).join();
  if (!moved && !resized) return [];
  const verb = moved && resized ? 'moved and resized' : moved ? 'moved' : 'resized';
  return [`“${article}” ${verb}: ${was.map(placed).join(', ')} → ${now.map(placed).join(', ')}`];
}

function where(p: Placement): string {
  return `p${p.page} col ${p.column + 1} line ${p.row + 1}`;
}

function size(p: Placement): string {
  return `${p.columns}×${p.lines}`;
}

/** `p1 col 3 line 1 (3×41)`: page, column, grid line, and columns × lines. */
function placed(p: Placement): string {
  return `${where(p)} (${size(p)})`;
}

/** A one-line summary of a layout, for the first build. */
export function describeLayout(s: LayoutSnapshot): string {
  const overset = [...s.overset].map(([article, lines]) => oversetBy(article, lines));
  return [`${plural(s.pages, 'page')}, ${plural(s.modules.size, 'module')}`, ...overset].join('; ');
}

function oversetBy(article: string, lines: number): string {
  return `“${article}” overset by ${plural(lines, 'line')}`;
}
