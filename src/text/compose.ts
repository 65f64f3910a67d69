/**
 * composeParagraph: text in, positioned lines out. The whole text engine in four calls:
 * buildItems → breakLines → justifyLine per line → points. Pure: fonts arrive as FontFace.
 */
import type { FontFace } from './font-face.js';
import { buildItems, type ItemList } from './items.js';
import { justifyLine, placeGlyphs, type Align } from './justify.js';
import { balanceDisplayLines } from './display-break.js';
import { firstFitLines, withoutOrphan, type BreakMode, type BreakSettings, type ForcedBreak, type LineSpan } from './linebreak.js';
import type { KinsokuLevel } from './zh-hans.js';

export interface ParagraphSettings {
  readonly face: FontFace;
  readonly sizePt: number;
  readonly measurePt: number;
  /** first-line indent in em (2 for body text, 0 for headlines) */
  readonly indentEm: number;
  readonly align: Align;
  readonly kinsoku: KinsokuLevel;
  readonly cjkLatinSpacingEm: number;
  readonly mode: BreakMode;
  readonly hanging: boolean;
  readonly trimLineStart: boolean;
  readonly preferSpaceBreaks: boolean;
  readonly avoidOrphans: boolean;
  /** UTF-16 ranges that must stay on one line when they can (source credit, jump line) */
  readonly keepTogether: readonly (readonly [number, number])[];
}

export const BODY_DEFAULTS = {
  indentEm: 2,
  align: 'justify',
  kinsoku: 'gb',
  cjkLatinSpacingEm: 0.25,
  mode: 'push-in-first',
  hanging: false,
  trimLineStart: true,
  preferSpaceBreaks: false,
  avoidOrphans: true,
  keepTogether: [],
} as const satisfies Omit<ParagraphSettings, 'face' | 'sizePt' | 'measurePt'>;

interface LineGlyph {
  readonly id: number;
  /** pen position from the start of the measure, in pt */
  readonly x: number;
  readonly advancePt: number;
  readonly text: string;
  /** the fallback font's key for a character the line's font lacks (see ClusterGlyph) */
  readonly fallback: string | undefined;
}

export interface ComposedLine {
  readonly glyphs: readonly LineGlyph[];
  /** the source text of the line (spaces at the break are not part of any line) */
  readonly text: string;
  /** x where the ink of the line starts and ends, from the start of the measure, in pt */
  readonly startPt: number;
  readonly endPt: number;
  readonly measurePt: number;
  readonly justified: boolean;
  readonly forced: ForcedBreak;
}

export interface ComposedParagraph {
  readonly lines: readonly ComposedLine[];
  /** the font's em in pt, for callers that convert */
  readonly sizePt: number;
}

export function composeParagraph(text: string, settings: ParagraphSettings): ComposedParagraph {
  const items = buildItems(text, settings.face, settings);
  const em = settings.sizePt;
  const measureEm = settings.measurePt / em;
  const breakSettings: BreakSettings = {
    firstMeasureEm: Math.max(0, measureEm - settings.indentEm),
    measureEm,
    mode: settings.mode,
    hanging: settings.hanging,
    trimLineStart: settings.trimLineStart,
    preferSpaceBreaks: settings.preferSpaceBreaks,
    avoidOrphans: settings.avoidOrphans,
  };
  const spans = breakLines(items, breakSettings);
  const lines = spans.map((span, index): ComposedLine => {
    const isLast = index === spans.length - 1;
    const fit = justifyLine(items, span, index, isLast, settings.align, breakSettings);
    const indentPt = index === 0 ? settings.indentEm * em : 0;
    return {
      glyphs: placeGlyphs(items, span, fit, (g, xEm): LineGlyph => ({ id: g.id, x: indentPt + xEm * em, advancePt: g.advanceEm * em, text: g.text, fallback: g.fallback })),
      text: spanText(text, items, span),
      startPt: indentPt + fit.offsetEm * em,
      endPt: indentPt + (fit.offsetEm + fit.widthEm) * em,
      measurePt: settings.measurePt,
      justified: fit.justified,
      forced: span.forced,
    };
  });
  return { lines, sizePt: em };
}

/**
 * First fit; display text then keeps first fit's line count with the breaks moved to where an
 * editor puts them; a lone last character is carried down last.
 */
function breakLines(items: ItemList, settings: BreakSettings): LineSpan[] {
  let lines = firstFitLines(items, settings);
  if (settings.preferSpaceBreaks) lines = balanceDisplayLines(items, settings, lines);
  if (settings.avoidOrphans) lines = withoutOrphan(items, settings, lines);
  return lines;
}

function spanText(text: string, items: ItemList, span: { start: number; end: number }): string {
  return text.slice(items.textStart[span.start] ?? 0, items.textEnd[span.end] ?? 0);
}
