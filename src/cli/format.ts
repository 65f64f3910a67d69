/** Human-readable figures and tables for reports. */
import { stripVTControlCharacters } from 'node:util';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Han, kana, hangul and full-width forms take two terminal cells. */
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;

function displayWidth(text: string): number {
  let width = 0;
  // Colour codes take no room on the screen.
  for (const c of stripVTControlCharacters(text)) width += WIDE.test(c) ? 2 : 1;
  return width;
}

/**
 * Rows padded into columns two spaces apart; `right` columns are right-aligned (figures).
 * The last column is not padded, so a long message there does not widen the table.
 */
export function formatTable(rows: readonly (readonly string[])[], right: readonly number[] = []): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows
    .map((row) =>
      row
        .map((cell, i) => {
          if (i === row.length - 1 && !right.includes(i)) return cell;
          const pad = ' '.repeat((widths[i] ?? 0) - displayWidth(cell));
          return right.includes(i) ? pad + cell : cell + pad;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
