/**
 * A page with pinned articles: an article with `area: NAME` takes the template's named
 * rectangle (filled out with headline air or photo growth), and the other articles are
 * arranged in what is left. An area must run the full width or the full height of the part
 * of the page still free, from one of its edges, so that what is left stays a rectangle.
 */
import { BanmianError } from '../errors.js';
import type { TemplateArea } from '../template/types.js';
import { arrangeRegion, moduleOptions, type Arrangement, type PlacedModule, type Region } from './arrange.js';
import type { ModuleEnv, PreparedArticle } from './module.js';

export function arrangePage(articles: readonly PreparedArticle[], env: ModuleEnv): Arrangement | undefined {
  const { grid } = env;
  let free: Region = { column: 0, columns: grid.columns, row: 0, lines: grid.lines };
  const pinned = new Map<PreparedArticle, PlacedModule>();
  for (const prepared of articles) {
    const name = prepared.article.area;
    if (name === undefined) continue;
    const rect = areaRegion(findArea(name, prepared, env), env);
    free = remainder(free, rect, name, prepared);
    const placed = fillArea(prepared, rect, env);
    if (!placed) return undefined;
    pinned.set(prepared, placed);
  }
  const rest = articles.filter((a) => !pinned.has(a));
  const arranged =
    rest.length === 0 ? [] : free.columns > 0 && free.lines > 0 ? arrangeRegion(rest, free, env, rest[0] === articles[0]) : undefined;
  if (!arranged) return undefined;
  const modules = articles.map((a) => pinned.get(a) ?? (arranged[rest.indexOf(a)] as PlacedModule));
  const used = modules.reduce((n, m) => n + m.layout.heightLines * m.layout.widthColumns, 0);
  return { modules, emptyCells: grid.columns * grid.lines - used };
}

function findArea(name: string, prepared: PreparedArticle, env: ModuleEnv): TemplateArea {
  const area = env.template.areas.find((a) => a.name === name);
  if (area) return area;
  const known = env.template.areas.map((a) => a.name);
  throw new BanmianError(
    'unknown-area',
    'input',
    `article “${prepared.label}” is pinned to area “${name}”, which template “${env.template.name}” does not define`,
    { file: prepared.article.origin.file, line: prepared.article.origin.line, field: `${prepared.article.origin.field}.area` },
    known.length > 0 ? `use one of: ${known.join(', ')}` : 'this template defines no areas; remove `area`',
  );
}

function areaRegion(area: TemplateArea, env: ModuleEnv): Region {
  const lines = area.lines ?? env.grid.lines - area.line;
  return { column: area.column, columns: area.columns, row: area.line, lines: Math.min(lines, env.grid.lines - area.line) };
}

/** The free rectangle once `rect` is taken from one of its edges; an error for any other shape. */
function remainder(free: Region, rect: Region, name: string, prepared: PreparedArticle): Region {
  const where = { file: prepared.article.origin.file, line: prepared.article.origin.line, field: `${prepared.article.origin.field}.area` };
  const inside =
    rect.column >= free.column &&
    rect.column + rect.columns <= free.column + free.columns &&
    rect.row >= free.row &&
    rect.row + rect.lines <= free.row + free.lines;
  if (!inside) {
    throw new BanmianError(
      'area-taken',
      'input',
      `area “${name}” of article “${prepared.label}” overlaps the area of an article pinned before it`,
      where,
      'pin each article to its own area, or remove `area` and let the page search place it',
    );
  }
  const fullWidth = rect.column === free.column && rect.columns === free.columns;
  const fullHeight = rect.row === free.row && rect.lines === free.lines;
  if (fullWidth && rect.row === free.row) return { ...free, row: free.row + rect.lines, lines: free.lines - rect.lines };
  if (fullWidth && rect.row + rect.lines === free.row + free.lines) return { ...free, lines: free.lines - rect.lines };
  if (fullHeight && rect.column === free.column) return { ...free, column: free.column + rect.columns, columns: free.columns - rect.columns };
  if (fullHeight && rect.column + rect.columns === free.column + free.columns) return { ...free, columns: free.columns - rect.columns };
  throw new BanmianError(
    'area-shape',
    'input',
    `area “${name}” of article “${prepared.label}” (columns ${rect.column + 1}–${rect.column + rect.columns}, lines ${rect.row + 1}–${rect.row + rect.lines}) would leave the rest of the page in pieces`,
    where,
    'pin articles only to areas that run the full width or the full height of the page from one of its edges',
  );
}

/** The article in its area: the layout that fills the area best, or undefined when its text does not fit. */
function fillArea(prepared: PreparedArticle, rect: Region, env: ModuleEnv): PlacedModule | undefined {
  const options = moduleOptions(prepared, rect.columns, rect.lines, env);
  const fitting = options.filter((o) => o.layout.heightLines <= rect.lines);
  let best = fitting[0];
  for (const o of fitting) {
    if (!best) break;
    const gain = o.layout.heightLines - best.layout.heightLines;
    if (gain > 0 || (gain === 0 && o.cost < best.cost)) best = o;
  }
  return best ? { layout: best.layout, column: rect.column, row: rect.row } : undefined;
}
