/**
 * An article's module (文章块): a rectangle of whole columns and grid lines holding its
 * headline group across the top, its photos at the top of its first columns, and its body
 * balanced over the columns. `measureModule` says how tall the module must be at a width;
 * `placeModule` positions everything once the page has chosen where the module goes.
 */
import type { Article, Photo } from '../manifest/types.js';
import { buildFlow, buildHead, type FlowItem, type HeadBlock, type LayoutEnv, type Prominence } from './blocks.js';
import { balanceColumns, usedBottom, type ColumnFill } from './columns.js';
import type { FrameItem, ImageBox } from './frames.js';
import { columnLeft, rowTop, spanWidth, type PageGrid } from './grid.js';
import { FIELD_AS_SET } from '../text/normalize.js';
import { setText, stackLines, toGlyphRuns, type BlockLine } from './set-text.js';

export interface PixelSize {
  readonly pixelWidth: number;
  readonly pixelHeight: number;
}

export interface ModuleEnv extends LayoutEnv {
  readonly grid: PageGrid;
  /** pixel sizes of the photos, read before layout */
  readonly photoSize: (file: string) => PixelSize;
}

/** An article prepared for layout: its body flow is set once, at the column measure. */
export interface PreparedArticle {
  readonly article: Article;
  readonly flow: readonly FlowItem[];
  /** a short name for messages: the id, or the headline */
  readonly label: string;
  readonly prominence: Prominence;
  /** the continuation of a jumped article: its headline is the jump headline */
  readonly continuation?: boolean;
}

export function prepareArticle(article: Article, env: LayoutEnv, prominence: Prominence): PreparedArticle {
  return { article, flow: buildFlow(article, env), label: article.id ?? article.headline, prominence };
}

interface PhotoBlock {
  readonly photo: Photo;
  readonly span: number;
  readonly heightLines: number;
  readonly imageHeight: number;
  readonly caption: readonly BlockLine[];
}

export interface ModuleLayout {
  readonly prepared: PreparedArticle;
  readonly widthColumns: number;
  readonly heightLines: number;
  readonly head: HeadBlock;
  readonly photos: readonly PhotoBlock[];
  /** module-relative row where each column's text starts */
  readonly starts: readonly number[];
  readonly fill: ColumnFill;
}

/** Photo proportions beyond these are cropped, not squeezed: no strips, no towers. */
const MIN_ASPECT = 0.5;
const MAX_ASPECT = 1.25;
const CAPTION_GAP_PT = 3;

/**
 * How a module is fitted to the room the page gives it: its photos `narrow` columns less than
 * their natural span (never below one column, nor below two for a landscape picture) and
 * `growth` grid lines taller (negative: cropped shorter) within the aspect limits; `air`
 * whole grid lines of extra white space around the headline group, for a page short of copy.
 */
export interface ModuleFit {
  readonly narrow: number;
  readonly growth: number;
  readonly air: number;
}


/**
 * Columns a photo spans: the manifest's `columns`, or a landscape picture about three fifths
 * of its module and a portrait one about two fifths (a tall picture across many columns would
 * eat the page), less `narrow`.
 */
function photoSpan(photo: Photo, widthColumns: number, size: PixelSize, narrow: number): number {
  if (photo.columns !== undefined) return Math.max(1, Math.min(widthColumns, photo.columns));
  const portrait = size.pixelHeight > size.pixelWidth;
  const natural = Math.max(widthColumns <= 2 ? widthColumns : 2, Math.round(widthColumns * (portrait ? 0.4 : 0.6)));
  const narrowest = portrait ? 1 : Math.min(2, widthColumns);
  return Math.max(narrowest, Math.min(widthColumns, natural - narrow));
}

/** Caption and credit set at a photo's width, stacked from the top of the caption area. */
function buildCaption(photo: Photo, width: number, env: ModuleEnv): { lines: BlockLine[]; height: number } {
  const lines: BlockLine[] = [];
  let height = 0;
  const parts = [
    [photo.caption && FIELD_AS_SET.caption(photo.caption), 'caption'],
    [photo.credit && FIELD_AS_SET.credit(photo.credit), 'credit'],
  ] as const;
  for (const [text, role] of parts) {
    if (!text) continue;
    const set = setText(text, role, width, env.template, env.fonts, { indentEm: 0 });
    lines.push(...stackLines(set, role, height));
    height += set.lines.length * set.style.leadingPt;
  }
  return { lines, height };
}

/**
 * Set-once parts of a module, per page environment: the headline group depends only on the
 * article, its prominence and the width, a caption only on its photo and span. Keyed by the
 * article and photo objects, so the trial copies of the page search (`{...prepared, flow}` in
 * jumps and overset) reuse them too.
 */
const headCache = new WeakMap<ModuleEnv, WeakMap<Article, Map<string, HeadBlock>>>();
const captionCache = new WeakMap<ModuleEnv, WeakMap<Photo, Map<number, { lines: BlockLine[]; height: number }>>>();

function memo<K extends object, V>(cache: WeakMap<ModuleEnv, WeakMap<K, Map<string | number, V>>>, env: ModuleEnv, owner: K, key: string | number, make: () => V): V {
  let byOwner = cache.get(env);
  if (!byOwner) cache.set(env, (byOwner = new WeakMap()));
  let entries = byOwner.get(owner);
  if (!entries) byOwner.set(owner, (entries = new Map()));
  let value = entries.get(key);
  if (value === undefined) entries.set(key, (value = make()));
  return value;
}

/** The article's photos fitted as `fit` says (its `air` aside), for a module `widthColumns` wide. */
export function fitPhotos(prepared: PreparedArticle, widthColumns: number, fit: ModuleFit, env: ModuleEnv): PhotoBlock[] {
  return prepared.article.photos.map((p) => buildPhoto(p, widthColumns, fit, env));
}

/**
 * What a module's layout depends on besides its article and width: the head's air and each
 * photo's span and height. Fits that crop or grow a photo past its aspect limits come out the same.
 */
export function fitKey(air: number, photos: readonly PhotoBlock[]): string {
  return `${air}:${photos.map((p) => `${p.span}x${p.heightLines}`).join(',')}`;
}

/** The article as a module `widthColumns` wide with at most `maxLines` grid lines, its head `air` lines taller and `photos` fitted. */
export function measureModule(prepared: PreparedArticle, widthColumns: number, maxLines: number, air: number, photos: readonly PhotoBlock[], env: ModuleEnv): ModuleLayout {
  const head = withAir(
    memo(headCache, env, prepared.article, `${prepared.prominence}/${widthColumns}`, () =>
      buildHead(prepared.article, spanWidth(env.grid, widthColumns), env, prepared.prominence),
    ),
    air,
    env.pitch,
  );
  const photoLines = photos.reduce((n, p) => n + p.heightLines, 0);
  const photoSpanCols = photos.reduce((n, p) => Math.max(n, p.span), 0);
  const starts = Array.from({ length: widthColumns }, (_, c) => head.heightLines + (c < photoSpanCols ? photoLines : 0));
  const fill = balanceColumns(prepared.flow, starts, maxLines);
  const heightLines = Math.max(usedBottom(prepared.flow, starts, fill), head.heightLines + photoLines);
  return { prepared, widthColumns, heightLines, head, photos, starts, fill };
}

/** A photo block in whole grid lines: the picture takes what its caption leaves. */
function buildPhoto(photo: Photo, widthColumns: number, fit: ModuleFit, env: ModuleEnv): PhotoBlock {
  const size = env.photoSize(photo.file);
  const span = photoSpan(photo, widthColumns, size, fit.narrow);
  const width = spanWidth(env.grid, span);
  const caption = memo(captionCache, env, photo, span, () => buildCaption(photo, width, env));
  const aspect = Math.min(MAX_ASPECT, Math.max(MIN_ASPECT, size.pixelHeight / size.pixelWidth));
  const below = CAPTION_GAP_PT + caption.height + env.pitch / 2;
  const linesFor = (a: number): number => Math.round((width * a + below) / env.pitch);
  const heightLines = Math.min(linesFor(MAX_ASPECT), Math.max(linesFor(MIN_ASPECT), linesFor(aspect) + fit.growth));
  const imageHeight = heightLines * env.pitch - below;
  return {
    photo,
    span,
    heightLines,
    imageHeight,
    caption: caption.lines.map((l) => ({ ...l, baselineDy: l.baselineDy + imageHeight + CAPTION_GAP_PT })),
  };
}

/** The headline group with `air` more grid lines, half above it and half below. */
function withAir(head: HeadBlock, air: number, pitch: number): HeadBlock {
  if (air === 0) return head;
  const shift = (air * pitch) / 2;
  return { lines: head.lines.map((l) => ({ ...l, baselineDy: l.baselineDy + shift })), heightLines: head.heightLines + air };
}

/** Position a measured module with its top-left corner at grid column `column`, row `row`. */
export function placeModule(layout: ModuleLayout, column: number, row: number, env: ModuleEnv): FrameItem[] {
  const { grid } = env;
  const items: FrameItem[] = [];
  const left = columnLeft(grid, column);
  const top = rowTop(grid, row);
  for (const line of layout.head.lines) {
    // A repeated headline is furniture of the jump, not more of the article's text.
    items.push(...toGlyphRuns(line, left, top, layout.prepared.continuation ? 'jumpHeadline' : line.role));
  }
  let photoRow = row + layout.head.heightLines;
  for (const block of layout.photos) {
    const size = env.photoSize(block.photo.file);
    const image: ImageBox = {
      kind: 'image',
      file: block.photo.file,
      article: layout.prepared.label,
      x: left,
      y: rowTop(grid, photoRow),
      width: spanWidth(grid, block.span),
      height: block.imageHeight,
      pixelWidth: size.pixelWidth,
      pixelHeight: size.pixelHeight,
    };
    items.push(image);
    for (const line of block.caption) items.push(...toGlyphRuns(line, left, rowTop(grid, photoRow)));
    photoRow += block.heightLines;
  }
  layout.fill.columns.forEach(([from, to], c) => {
    let r = row + (layout.starts[c] ?? 0);
    const x = columnLeft(grid, column + c);
    for (let i = from; i < to; i += 1) {
      const item = layout.prepared.flow[i] as FlowItem;
      for (const line of item.lines) items.push(...toGlyphRuns(line, x, rowTop(grid, r)));
      r += item.heightLines;
    }
  });
  return items;
}
