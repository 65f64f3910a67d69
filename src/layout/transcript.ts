/**
 * A text transcript of a laid-out issue: the modules of each page and every line with its
 * position (rounded to 0.1 pt), role and text. Kept as golden files for the sample issues so
 * that a change of layout is reviewed as a diff.
 */
import type { GlyphRun } from './frames.js';
import type { IssueLayout } from './pages.js';

/** Runs of one line: set from the same origin on the same baseline in the same role. */
const sameLine = (a: GlyphRun, b: GlyphRun): boolean => a.x === b.x && a.baseline === b.baseline && a.role === b.role && a.sizePt === b.sizePt;

const round = (n: number): string => n.toFixed(1);

export function transcribe(layout: IssueLayout): string {
  const out: string[] = [];
  layout.pages.forEach((page, p) => {
    const frame = layout.frames.pages[p];
    if (!frame) return;
    out.push(`page ${page.number}  ${round(frame.widthPt)} × ${round(frame.heightPt)} pt  empty cells ${page.arrangement.emptyCells}`);
    for (const m of page.arrangement.modules) {
      const { layout: l } = m;
      const photos = l.photos.map((ph) => `${ph.span}col×${ph.heightLines}`).join(' ');
      out.push(
        `  module ${l.prepared.label}  columns ${m.column}+${l.widthColumns}  rows ${m.row}+${l.heightLines}  head ${l.head.heightLines}${photos ? `  photos ${photos}` : ''}`,
      );
    }
    let previous: GlyphRun | undefined;
    for (const item of frame.items) {
      if (item.kind === 'glyphs') {
        const text = item.glyphs.map((g) => g.text).join('');
        // A line split into runs by font (a character from a fallback font) is one line here.
        if (previous && sameLine(previous, item)) out[out.length - 1] += text;
        else {
          // where the ink starts: aligned runs carry their offset in the glyph positions
          const left = item.x + (item.glyphs[0]?.x ?? 0);
          out.push(`  ${round(left)} ${round(item.baseline)} ${item.role} ${round(item.sizePt)}pt ${text}`);
        }
        previous = item;
        continue;
      }
      previous = undefined;
      if (item.kind === 'image') {
        out.push(`  ${round(item.x)} ${round(item.y)} image ${round(item.width)}×${round(item.height)}`);
      }
    }
  });
  return `${out.join('\n')}\n`;
}
