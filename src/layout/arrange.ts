/**
 * Modular page make-up (版面组合): the page is filled top to bottom with horizontal bands, each
 * holding one to three article modules side by side in manifest order. A search over how the
 * articles are grouped into bands, how the columns are shared, how tall each band is and how
 * each module is fitted (photos natural, narrowed by a column, cropped or grown by whole
 * lines; air around a headline on a page short of copy) chooses the arrangement with the fewest empty grid cells (holes inside bands, space
 * left at the foot) plus small costs for cropped or narrowed photos, headline air, one-column modules and a
 * lead story that is not the widest. Deterministic: the enumeration order decides ties.
 */
import { fitKey, fitPhotos, measureModule, type ModuleEnv, type ModuleLayout, type ModuleFit, type PreparedArticle } from './module.js';

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
/** Photos grow by at most this many lines to fill their module out… */
const MAX_PHOTO_GROWTH = 12;
/** …are cropped shorter by at most this many (within their aspect limits) to make room… */
const MAX_PHOTO_CROP = 12;
/** …or set one column narrower than their natural span. */
const MAX_PHOTO_NARROW = 1;
/** Cost of each grid line cropped off a photo: a little, so natural proportions win ties. */
const PHOTO_CROP_COST = 2;
/** Cost of a photo a column narrower than it would naturally be. */
const PHOTO_NARROW_COST = 12;
/** At most this many extra grid lines of white around a headline group… */
const MAX_HEAD_AIR = 6;
/** …each costing this per column: cheaper than a hole, dearer than a grown photo. */
const HEAD_AIR_COST = 0.5;

/** One way to set an article at a width: a module layout and what its photo fit costs. */
interface ModuleOption {
  readonly layout: ModuleLayout;
  readonly cost: number;
}

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
function columnSplits(columns: number, parts: number, min: number): number[][] {
  if (parts === 1) return columns >= min ? [[columns]] : [];
  const result: number[][] = [];
  for (let first = columns - min * (parts - 1); first >= min; first -= 1) {
    for (const rest of columnSplits(columns - first, parts - 1, min)) result.push([first, ...rest]);
  }
  return result;
}

/**
 * Every fit of an article at a width that holds all its text, one per distinct height (the
 * cheapest): photos narrowed, cropped or grown; or, at natural photo size, air around the head.
 */
export function moduleOptions(prepared: PreparedArticle, width: number, maxLines: number, env: ModuleEnv): ModuleOption[] {
  const fits: ModuleFit[] = [];
  for (let air = 0; air <= MAX_HEAD_AIR; air += 1) fits.push({ narrow: 0, growth: 0, air });
  if (prepared.article.photos.length > 0) {
    for (let narrow = 0; narrow <= MAX_PHOTO_NARROW; narrow += 1) {
      // the natural fit (listed again here) is measured once: fits are measured by their geometry
      for (let growth = -MAX_PHOTO_CROP; growth <= MAX_PHOTO_GROWTH; growth += 1) fits.push({ narrow, growth, air: 0 });
    }
  }
  const byHeight = new Map<number, ModuleOption>();
  const measured = new Map<string, ModuleLayout>();
  for (const fit of fits) {
    const photos = fitPhotos(prepared, width, fit, env);
    const key = fitKey(fit.air, photos);
    let layout = measured.get(key);
    if (!layout) measured.set(key, (layout = measureModule(prepared, width, maxLines, fit.air, photos, env)));
    if (layout.fill.overflowFrom !== undefined) continue;
    const cost =
      fit.narrow * PHOTO_NARROW_COST + Math.max(0, -fit.growth) * PHOTO_CROP_COST + fit.air * width * HEAD_AIR_COST;
    const known = byHeight.get(layout.heightLines);
    if (!known || cost < known.cost) byHeight.set(layout.heightLines, { layout, cost });
  }
  return [...byHeight.values()].sort((a, b) => a.layout.heightLines - b.layout.heightLines);
}

/** A rectangle of the page grid: columns and grid lines. */
export interface Region {
  readonly column: number;
  readonly columns: number;
  readonly row: number;
  readonly lines: number;
}

/**
 * The modules of the best arrangement of articles in a region of the page (the whole page, or what pinned
 * areas leave), or undefined when they cannot all fit. `leadsPage`: the first article is the
 * page's lead and should be the widest of its band.
 */
export function arrangeRegion(
  articles: readonly PreparedArticle[],
  region: Region,
  env: ModuleEnv,
  leadsPage: boolean,
): PlacedModule[] | undefined {
  const { columns, lines } = region;
  const optionCache = new Map<string, ModuleOption[]>();
  const options = (index: number, width: number): ModuleOption[] => {
    const key = `${index}/${width}`;
    let found = optionCache.get(key);
    if (!found) {
      const prepared = articles[index] as PreparedArticle;
      // The editor's `columns` is a decision, not a hint.
      const wanted = prepared.article.columns;
      found = wanted !== undefined && wanted !== width ? [] : moduleOptions(prepared, width, lines, env);
      optionCache.set(key, found);
    }
    return found;
  };
  const minWidth = columns >= 4 ? 2 : 1;

  /** The cheapest band of these modules at each height it can take, up to `room` lines. */
  const bands = (first: number, split: readonly number[], room: number): BandChoice[] => {
    const perModule = split.map((w, k) => options(first + k, w).filter((o) => o.layout.heightLines <= room));
    if (perModule.some((o) => o.length === 0)) return [];
    const lowest = Math.max(...perModule.map((o) => (o[0] as ModuleOption).layout.heightLines));
    const heights = new Set(perModule.flatMap((o) => o.map((m) => m.layout.heightLines)).filter((h) => h >= lowest));
    const fixed = leadsPage && first === 0 && split.length > 1 && (split[0] as number) < Math.max(...split) ? LEAD_NOT_WIDEST_COST : 0;
    const narrow = split.filter((w) => w === 1).length * NARROW_MODULE_COST;
    return [...heights].map((height) => {
      let column = 0;
      let cost = fixed + narrow;
      const modules = perModule.map((opts, k) => {
        const width = split[k] as number;
        // The option that leaves the fewest empty cells under it in this band, then the cheapest.
        let best: ModuleOption | undefined;
        let bestCost = Infinity;
        for (const o of opts) {
          if (o.layout.heightLines > height) break;
          const c = (height - o.layout.heightLines) * width + o.cost;
          if (c < bestCost) {
            best = o;
            bestCost = c;
          }
        }
        cost += bestCost;
        const placed = { layout: (best as ModuleOption).layout, column };
        column += width;
        return placed;
      });
      return { modules, height, cost };
    });
  };

  const memo = new Map<string, Plan | undefined>();
  const plan = (first: number, row: number): Plan | undefined => {
    if (first === articles.length) return { cost: (lines - row) * columns, bands: [] };
    const key = `${first}/${row}`;
    if (memo.has(key)) return memo.get(key);
    let best: Plan | undefined;
    for (let count = 1; count <= Math.min(MAX_MODULES_PER_BAND, articles.length - first); count += 1) {
      for (const split of columnSplits(columns, count, minWidth)) {
        for (const choice of bands(first, split, lines - row)) {
          const rest = plan(first + count, row + choice.height);
          if (!rest) continue;
          const cost = choice.cost + rest.cost;
          if (!best || cost < best.cost) best = { cost, bands: [choice, ...rest.bands] };
        }
      }
    }
    memo.set(key, best);
    return best;
  };

  const best = plan(0, 0);
  if (!best) return undefined;
  const modules: PlacedModule[] = [];
  let row = region.row;
  for (const b of best.bands) {
    for (const m of b.modules) modules.push({ layout: m.layout, column: region.column + m.column, row });
    row += b.height;
  }
  return modules;
}
