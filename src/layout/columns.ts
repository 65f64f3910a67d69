/**
 * Flowing an article's items into the columns of its module: fill each column up to a common
 * bottom line, moving a line over rather than leaving a paragraph's first line alone at a
 * column foot or its last line alone at a column head (孤行), and never ending a column with a
 * subhead. Balancing = the lowest common bottom at which everything fits, so the last column is
 * at most a line or so shorter than the others. Overflow is returned as data, never dropped.
 */
import type { FlowItem } from './blocks.js';

export interface ColumnFill {
  /** item index ranges [from, to) per column */
  readonly columns: readonly (readonly [number, number])[];
  /** first item that did not fit, or undefined when all fit */
  readonly overflowFrom: number | undefined;
}

/**
 * Fill columns whose text starts at `starts[c]` (grid rows, module-relative) down to `bottom`.
 * With `even`, each column takes only its share of what is left (rounded up), so that the
 * columns end within a line of each other instead of the last one taking the shortfall.
 */
function fillColumns(items: readonly FlowItem[], starts: readonly number[], bottom: number, even = false): ColumnFill {
  const rows = rowsBefore(items);
  const columns: [number, number][] = [];
  let next = 0;
  for (let c = 0; c < starts.length; c += 1) {
    const to = columnEnd(items, rows, starts, c, next, bottom, even);
    columns.push([next, to]);
    next = to;
  }
  return { columns, overflowFrom: next < items.length ? next : undefined };
}

/** Whether everything fits above `bottom`: fillColumns without the columns (the bisection asks it often). */
function fitsAbove(items: readonly FlowItem[], starts: readonly number[], bottom: number): boolean {
  const rows = rowsBefore(items);
  let next = 0;
  for (let c = 0; c < starts.length; c += 1) next = columnEnd(items, rows, starts, c, next, bottom, false);
  return next === items.length;
}

/** Where column `c`, which starts with item `from`, ends (exclusive) when filled down to `bottom`. */
function columnEnd(items: readonly FlowItem[], rows: readonly number[], starts: readonly number[], c: number, from: number, bottom: number, even: boolean): number {
  const start = starts[c] ?? 0;
  const share = Math.ceil(((rows[items.length] ?? 0) - (rows[from] ?? 0)) / (starts.length - c));
  const room = even ? Math.min(bottom - start, share) : bottom - start;
  const to = lastFitting(rows, from, room);
  return to < items.length ? keepRules(items, from, to) : to;
}

/** rows[i]: grid rows the items before item i take; one array per flow, kept while the flow lives. */
const rowsCache = new WeakMap<readonly FlowItem[], readonly number[]>();

function rowsBefore(items: readonly FlowItem[]): readonly number[] {
  let rows = rowsCache.get(items);
  if (!rows) {
    const sums = [0];
    for (const item of items) sums.push((sums[sums.length - 1] ?? 0) + item.heightLines);
    rows = sums;
    rowsCache.set(items, rows);
  }
  return rows;
}

/** The end of the longest run of items from `from` that takes at most `room` rows (rows never decrease: bisect). */
function lastFitting(rows: readonly number[], from: number, room: number): number {
  const limit = (rows[from] ?? 0) + room;
  let lo = from;
  let hi = rows.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if ((rows[mid] ?? 0) <= limit) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Move the column break up when it would leave a subhead, an orphan or a widow. */
function keepRules(items: readonly FlowItem[], from: number, to: number): number {
  // A break may move up only while the column keeps at least one item (end - 1 > from).
  let end = to;
  // A subhead stays with the text it introduces.
  while (end - 1 > from && (items[end - 1] as FlowItem).keepWithNext) end -= 1;
  const last = items[end - 1];
  const next = items[end];
  if (!last || !next || last.paragraph !== next.paragraph) return end;
  // Widow: the paragraph's last line alone at the head of the next column → take one more over.
  if (next.position === 'last' && end - 1 > from) {
    end -= 1;
    // …unless that leaves the paragraph's first line alone at this column's foot.
    if ((items[end - 1] as FlowItem).position === 'first' && end - 1 > from) end -= 1;
    return end;
  }
  // Orphan: the paragraph's first line alone at the foot of this column → move it over.
  if (last.position === 'first' && end - 1 > from) end -= 1;
  return end;
}

/**
 * The lowest bottom row (≤ maxBottom) at which every item fits, with the text shared evenly
 * over the columns: the balanced columns. When not even `maxBottom` holds everything, the fill
 * at `maxBottom` with its overflow.
 */
export function balanceColumns(items: readonly FlowItem[], starts: readonly number[], maxBottom: number): ColumnFill {
  if (!fitsAbove(items, starts, maxBottom)) return fillColumns(items, starts, maxBottom);
  let lo = Math.max(...starts);
  let hi = maxBottom;
  // Invariant: hi fits. Filling is monotone in the bottom line, so bisect.
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (fitsAbove(items, starts, mid)) hi = mid;
    else lo = mid + 1;
  }
  // Even shares can fail where keep rules push lines over; then fill the columns to the bottom.
  const even = fillColumns(items, starts, hi, true);
  return even.overflowFrom === undefined ? even : fillColumns(items, starts, hi);
}

/** Rows the filled columns actually use (the deepest column's end), module-relative. */
export function usedBottom(items: readonly FlowItem[], starts: readonly number[], fill: ColumnFill): number {
  const rows = rowsBefore(items);
  return fill.columns.reduce((deepest, [from, to], c) => Math.max(deepest, (starts[c] ?? 0) + (rows[to] ?? 0) - (rows[from] ?? 0)), 0);
}
