/**
 * Breaking display text (headlines, kickers, subheads) as an editor would: with as many lines
 * as first fit needs, but the breaks moved to phrase boundaries (a source space, or after
 * ：，、；！？) and out of quotations and titles (“…” 《…》), and the lines balanced in length
 * instead of a full first line over a short last one. A small dynamic programme over the break
 * opportunities first fit would also allow; texts are a line or three long.
 */
import type { Box, ItemList } from './items.js';
import { furthestFit, lineStartTrim, measureOf, REGULAR_BREAKS, type BreakSettings, type LineSpan } from './linebreak.js';
import { endsPhrase, nestingOf, splitUnits } from './zh-hans.js';

/** Cost of a break that is not at a phrase boundary, in em² of slack (a 6-em shortfall). */
const MID_PHRASE_COST = 40;
/** A last line may be shorter than the others: its slack counts for less. */
const LAST_LINE_SLACK_WEIGHT = 0.5;
/** Cost of a break inside a quotation or title. */
const INSIDE_QUOTE_COST = 60;

export function balanceDisplayLines(items: ItemList, settings: BreakSettings, greedy: readonly LineSpan[]): LineSpan[] {
  const { boxes } = items;
  const count = greedy.length;
  if (count < 2 || greedy.some((l) => l.forced !== 'none')) return [...greedy];
  const last = boxes.length - 1;
  const depth = quoteDepths(boxes);
  const phraseEnd = boxes.map((box, i) => (items.gaps[i]?.fromSpace ?? false) || endsPhrase(box.glyphs.findLast((g) => g.text !== '')?.text ?? ''));
  // Lowest cost of setting boxes start… as lines line…count−1 (Infinity when they cannot be), and
  // where the first of those lines ends; memoised by (start, line).
  const costs = new Array<number>(boxes.length * count).fill(Number.NaN);
  const chosenEnd = new Array<number>(boxes.length * count).fill(-1);
  // A line's furthest fit depends on its line only through first or not (measure, start trim).
  const laterFurthest = new Map<number, number | undefined>();
  const furthestFrom = (start: number, line: number): number | undefined => {
    if (line === 0) return furthestFit(items, settings, start, 0, REGULAR_BREAKS);
    if (!laterFurthest.has(start)) laterFurthest.set(start, furthestFit(items, settings, start, line, REGULAR_BREAKS));
    return laterFurthest.get(start);
  };

  const best = (start: number, line: number): number => {
    const key = start * count + line;
    const known = costs[key] ?? Number.NaN;
    if (!Number.isNaN(known)) return known;
    let result = Infinity;
    const furthest = furthestFrom(start, line);
    if (furthest !== undefined) {
      const measure = measureOf(settings, line);
      const isLastLine = line === count - 1;
      // The line's width grows with its end: summed as the end moves, not again for every end.
      let width = -lineStartTrim(boxes[start] as Box, line, settings);
      for (let end = start; end <= Math.min(furthest, isLastLine ? last : last - 1); end += 1) {
        width += (boxes[end] as Box).widthEm + (end > start ? (items.gaps[end - 1]?.widthEm ?? 0) : 0);
        if (isLastLine && end < last) continue;
        if (end < last && !REGULAR_BREAKS.has(items.gaps[end]?.rule ?? 'forbidden')) continue;
        const slack = measure - (width - (boxes[end] as Box).endBlankEm);
        let cost = slack * slack * (isLastLine ? LAST_LINE_SLACK_WEIGHT : 1);
        if (end < last) {
          if (!phraseEnd[end]) cost += MID_PHRASE_COST;
          if ((depth[end] ?? 0) > 0) cost += INSIDE_QUOTE_COST;
        }
        const total = cost + (isLastLine ? 0 : best(end + 1, line + 1));
        if (total < result) {
          result = total;
          chosenEnd[key] = end;
        }
      }
    }
    costs[key] = result;
    return result;
  };

  if (best(0, 0) === Infinity) return [...greedy];
  const lines: LineSpan[] = [];
  for (let start = 0, line = 0; line < count; line += 1) {
    const end = chosenEnd[start * count + line] ?? last;
    lines.push({ start, end, forced: 'none' });
    start = end + 1;
  }
  return lines;
}

/** How many quotations or titles are open after each box. */
function quoteDepths(boxes: readonly Box[]): number[] {
  let depth = 0;
  return boxes.map((box) => (depth = Math.max(0, depth + box.nesting)));
}

/** Whether text set in these lines breaks inside a quotation, title or bracket (“…” 《…》 （…）). */
export function breaksInsideQuotation(lineTexts: readonly string[]): boolean {
  let depth = 0;
  return lineTexts.some((text, i) => {
    for (const unit of splitUnits(text).units) depth = Math.max(0, depth + nestingOf(unit));
    return i < lineTexts.length - 1 && depth > 0;
  });
}
