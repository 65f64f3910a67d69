/**
 * An article's module (文章块): a rectangle of whole columns and grid lines holding its
 * headline group across the top, its photos at the top of its first columns, and its body
 * balanced over the columns. `measureModule` says how tall the module must be at a width;
 * `placeModule` positions everything once the page has chosen where the module goes.
 */
import type { Article, Photo } from '../manifest/types.js';
import { buildFlow, buildHead, type FlowItem, type HeadBlock, type LayoutEnv } from './blocks.js';
import { balanceColumns, usedBottom, type ColumnFill } from './columns.js';
import type { FrameItem, ImageBox } from './frames.js';
import { columnLeft, rowTop, spanWidth, type PageGrid } from './grid.js';
import { setText, stackLines, toGlyphRun, type BlockLine } from './set-text.js';

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
}

export function prepareArticle(article: Article, env: LayoutEnv): PreparedArticle {
  return { article, flow: buildFlow(article, env), label: article.id ?? article.headline };
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

/** How much of an article did not fit in its module. */
export interface Overflow {
  readonly lines: number;
  readonly chars: number;
}

/** Photo proportions beyond these are cropped, not squeezed: no strips, no towers. */
const MIN_ASPECT = 0.5;
const MAX_ASPECT = 1.3;
const CAPTION_GAP_PT = 3;

export function photoSpan(photo: Photo, widthColumns: number): number {
  const wanted = photo.columns ?? (widthColumns >= 4 ? widthColumns - 2 : widthColumns);
  return Math.max(1, Math.min(widthColumns, wanted));
}

function buildPhoto(photo: Photo, widthColumns: number, extraLines: number, env: ModuleEnv): PhotoBlock {
  const span = photoSpan(photo, widthColumns);
  const width = spanWidth(env.grid, span);
  const size = env.photoSize(photo.file);
  const aspect = Math.min(MAX_ASPECT, Math.max(MIN_ASPECT, size.pixelHeight / size.pixelWidth));
  const caption: BlockLine[] = [];
  let captionHeight = 0;
  if (photo.caption) {
    const set = setText(photo.caption, 'caption', width, env.template, env.fonts, { indentEm: 0 });
    caption.push(...stackLines(set, 'caption', captionHeight));
    captionHeight += set.lines.length * set.style.leadingPt;
  }
  if (photo.credit) {
    const set = setText(photo.credit, 'credit', width, env.template, env.fonts, { indentEm: 0 });
    caption.push(...stackLines(set, 'credit', captionHeight));
    captionHeight += set.lines.length * set.style.leadingPt;
  }
  const below = CAPTION_GAP_PT + captionHeight + env.pitch / 2;
  // Whole grid lines: the picture takes what the caption leaves (cropped to fit).
  const heightLines = Math.max(2, Math.round((width * aspect + below) / env.pitch)) + extraLines;
  const imageHeight = heightLines * env.pitch - below;
  return {
    photo,
    span,
    heightLines,
    imageHeight,
    caption: caption.map((l) => ({ ...l, baselineDy: l.baselineDy + imageHeight + CAPTION_GAP_PT })),
  };
}

/**
 * Lay an article out `widthColumns` wide with at most `maxLines` grid lines; photos may take
 * `photoExtraLines` more lines each (to fill a module out to its neighbours' height).
 */
export function measureModule(
  prepared: PreparedArticle,
  widthColumns: number,
  maxLines: number,
  env: ModuleEnv,
  photoExtraLines = 0,
): ModuleLayout {
  const head = buildHead(prepared.article, spanWidth(env.grid, widthColumns), env);
  const photos = prepared.article.photos.map((p) => buildPhoto(p, widthColumns, photoExtraLines, env));
  const photoLines = photos.reduce((n, p) => n + p.heightLines, 0);
  const photoSpanCols = photos.reduce((n, p) => Math.max(n, p.span), 0);
  const starts = Array.from({ length: widthColumns }, (_, c) => head.heightLines + (c < photoSpanCols ? photoLines : 0));
  const fill = balanceColumns(prepared.flow, starts, maxLines);
  const heightLines = Math.max(usedBottom(prepared.flow, starts, fill), head.heightLines + photoLines);
  return { prepared, widthColumns, heightLines, head, photos, starts, fill };
}

export function overflowOf(layout: ModuleLayout): Overflow | undefined {
  const from = layout.fill.overflowFrom;
  if (from === undefined) return undefined;
  const rest = layout.prepared.flow.slice(from);
  return { lines: rest.reduce((n, i) => n + i.heightLines, 0), chars: rest.reduce((n, i) => n + i.chars, 0) };
}

/** Position a measured module with its top-left corner at grid column `column`, row `row`. */
export function placeModule(layout: ModuleLayout, column: number, row: number, env: ModuleEnv): FrameItem[] {
  const { grid } = env;
  const items: FrameItem[] = [];
  const left = columnLeft(grid, column);
  const top = rowTop(grid, row);
  for (const line of layout.head.lines) items.push(toGlyphRun(line, left, top));
  let photoRow = row + layout.head.heightLines;
  for (const block of layout.photos) {
    const size = env.photoSize(block.photo.file);
    const image: ImageBox = {
      kind: 'image',
      file: block.photo.file,
      x: left,
      y: rowTop(grid, photoRow),
      width: spanWidth(grid, block.span),
      height: block.imageHeight,
      pixelWidth: size.pixelWidth,
      pixelHeight: size.pixelHeight,
    };
    items.push(image);
    for (const line of block.caption) items.push(toGlyphRun(line, left, rowTop(grid, photoRow)));
    photoRow += block.heightLines;
  }
  layout.fill.columns.forEach(([from, to], c) => {
    let r = row + (layout.starts[c] ?? 0);
    const x = columnLeft(grid, column + c);
    for (let i = from; i < to; i += 1) {
      const item = layout.prepared.flow[i] as FlowItem;
      for (const line of item.lines) items.push(toGlyphRun(line, x, rowTop(grid, r)));
      r += item.heightLines;
    }
  });
  return items;
}
