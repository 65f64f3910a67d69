/**
 * Extracted page text → its non-blank lines. Blank lines carry layout: one separates paragraphs,
 * and a run longer than the page's usual separator marks a frame boundary (a photo caption or a
 * box set apart), which the classifier reads as `gapBefore`.
 */

export interface PageLine {
  /** the line without surrounding whitespace and without a markdown heading marker */
  readonly text: string;
  /** 1–6 when the extraction marked the line as a markdown heading (`# `, `## `…), else 0 */
  readonly headingLevel: number;
  /** more blank lines than usual come before it (never true for the first line) */
  readonly gapBefore: boolean;
}

const HEADING_MARKER = /^(#{1,6})[ \t]+/;

export function readPageLines(text: string): PageLine[] {
  const raw: { text: string; blanksBefore: number }[] = [];
  let blanks = 0;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') {
      blanks += 1;
    } else {
      raw.push({ text: trimmed, blanksBefore: blanks });
      blanks = 0;
    }
  }
  const separator = usualSeparator(raw.slice(1).map((l) => l.blanksBefore));
  return raw.map((line, index) => {
    const marker = HEADING_MARKER.exec(line.text);
    return {
      text: marker ? line.text.slice(marker[0].length).trim() : line.text,
      headingLevel: marker ? (marker[1] ?? '').length : 0,
      gapBefore: index > 0 && line.blanksBefore > separator,
    };
  });
}

/** The most common number of blank lines between two lines (ties: the smaller). */
function usualSeparator(counts: readonly number[]): number {
  const tally = new Map<number, number>();
  for (const n of counts) tally.set(n, (tally.get(n) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [n, count] of [...tally].sort((a, b) => a[0] - b[0])) {
    if (count > bestCount) {
      best = n;
      bestCount = count;
    }
  }
  return best;
}
