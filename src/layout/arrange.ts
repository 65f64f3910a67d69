/**
 * Modular page make-up (版面组合): the page is filled top to bottom with horizontal bands, each
 * holding one to three article modules side by side in manifest order. A search over how the
 * articles are grouped into bands and how the columns are shared chooses the arrangement with
 * the fewest empty grid cells (holes inside bands, space left at the foot), the lead story
 * first and widest. Photos may grow by whole lines to fill a module out to its band.
 * Deterministic: the enumeration order decides ties.
 */
import { measureModule, type ModuleEnv, type ModuleLayout, type PreparedArticle } from './module.js';

export interface PlacedModule {
  readonly layout: ModuleLayout;
  readonly column: number;
  readonly row: number;
}

export interface Arrangement {
  readonly modules: readonly PlacedModule[];
  /** empty grid cells (column × lines) the arrangement leaves */
  readonly emptyCells: number;
}

const MAX_MODULES_PER_BAND = 3;
/** Cost of a module one column wide: its headline would be a tower of two-character lines. */
const NARROW_MODULE_COST = 40;
/** Cost of a lead story that is not the widest module of the first band. */
const LEAD_NOT_WIDEST_COST = 200;
/** Photos grow by at most this many lines to fill their module out. */
const MAX_PHOTO_GROWTH = 12;

interface BandChoice {
  readonly modules: readonly { layout: ModuleLayout; column: number }[];
  readonly height: number;
  readonly cost: number;
}

interface Plan {
  readonly cost: number;
  readonly bands: readonly BandChoice[];
}

/** Ways to share `columns` among `parts` modules, each at least `min` wide. */
export function columnSplits(columns: number, parts: number, min: number): number[][] {
  if (parts === 1) return columns >= min ? [[columns]] : [];
  const result: number[][] = [];
  for (let first = columns - min * (parts - 1); first >= min; first -= 1) {
    for (const rest of columnSplits(columns - first, parts - 1, min)) result.push([first, ...rest]);
  }
  return result;
}

/** The best arrangement of the articles on one page, or undefined when they cannot all fit. */
export function arrangePage(articles: readonly PreparedArticle[], env: ModuleEnv): Arrangement | undefined {
  const { columns, lines } = env.grid;
  const measured = new Map<string, ModuleLayout>();
  const measure = (index: number, width: number, growth: number): ModuleLayout => {
    const key = `${index}/${width}/${growth}`;
    let layout = measured.get(key);
    if (!layout) {
      layout = measureModule(articles[index] as PreparedArticle, width, lines, env, growth);
      measured.set(key, layout);
    }
    return layout;
  };
  const fits = (layout: ModuleLayout): boolean => layout.fill.overflowFrom === undefined;
  const minWidth = columns >= 4 ? 2 : 1;

  const band = (first: number, count: number, split: readonly number[], room: number): BandChoice | undefined => {
    const plain = split.map((w, k) => measure(first + k, w, 0));
    if (!plain.every(fits)) return undefined;
    const height = Math.max(...plain.map((l) => l.heightLines));
    if (height > room) return undefined;
    let column = 0;
    let cost = 0;
    const modules = plain.map((layout, k) => {
      const filled = growPhotos(layout, first + k, split[k] as number, height, measure);
      const placed = { layout: filled, column };
      column += split[k] as number;
      cost += (height - filled.heightLines) * (split[k] as number);
      if ((split[k] as number) === 1) cost += NARROW_MODULE_COST;
      return placed;
    });
    if (first === 0 && count > 1 && (split[0] as number) < Math.max(...split)) cost += LEAD_NOT_WIDEST_COST;
    return { modules, height, cost };
  };

  const memo = new Map<string, Plan | undefined>();
  const plan = (first: number, row: number): Plan | undefined => {
    if (first === articles.length) return { cost: (lines - row) * columns, bands: [] };
    const key = `${first}/${row}`;
    if (memo.has(key)) return memo.get(key);
    let best: Plan | undefined;
    for (let count = 1; count <= Math.min(MAX_MODULES_PER_BAND, articles.length - first); count += 1) {
      for (const split of columnSplits(columns, count, minWidth)) {
        const choice = band(first, count, split, lines - row);
        if (!choice) continue;
        const rest = plan(first + count, row + choice.height);
        if (!rest) continue;
        const cost = choice.cost + rest.cost;
        if (!best || cost < best.cost) best = { cost, bands: [choice, ...rest.bands] };
      }
    }
    memo.set(key, best);
    return best;
  };

  const best = plan(0, 0);
  if (!best) return undefined;
  const modules: PlacedModule[] = [];
  let row = 0;
  for (const b of best.bands) {
    for (const m of b.modules) modules.push({ layout: m.layout, column: m.column, row });
    row += b.height;
  }
  const used = modules.reduce((n, m) => n + m.layout.heightLines * m.layout.widthColumns, 0);
  return { modules, emptyCells: lines * columns - used };
}

/** Let the module's photos grow line by line while the module still fits its band. */
function growPhotos(
  layout: ModuleLayout,
  index: number,
  width: number,
  height: number,
  measure: (index: number, width: number, growth: number) => ModuleLayout,
): ModuleLayout {
  if (layout.photos.length === 0 || layout.heightLines >= height) return layout;
  let best = layout;
  for (let growth = 1; growth <= MAX_PHOTO_GROWTH; growth += 1) {
    const grown = measure(index, width, growth);
    if (grown.fill.overflowFrom !== undefined || grown.heightLines > height) break;
    best = grown;
  }
  return best;
}
