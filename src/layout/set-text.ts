/**
 * Setting a string in a template style: the composer's settings per element (body, headline,
 * byline, caption…) and the conversion of composed lines into glyph runs.
 */
import type { Template, TextStyle } from '../template/types.js';
import { BODY_DEFAULTS, composeParagraph, type ComposedLine, type ParagraphSettings } from '../text/compose.js';
import type { FontFace } from '../text/font-face.js';
import type { GlyphRun, PositionedGlyph } from './frames.js';

/** Fonts reach layout through this port: a family and weight → a face. */
export type FontBook = (family: string, weight: number) => FontFace;

export type StyleRole = keyof Template['styles'];

/** A composed line with the font it is set in, positioned relative to its block's top. */
export interface BlockLine {
  readonly line: ComposedLine;
  readonly fontKey: string;
  readonly sizePt: number;
  readonly role: StyleRole;
  /** baseline, from the top of the block */
  readonly baselineDy: number;
}

interface SetOptions {
  readonly indentEm?: number;
  readonly keepTogether?: readonly (readonly [number, number])[];
  /** size and leading relative to the style's (display type is graded by prominence and width) */
  readonly scale?: number;
  /** overrides the style's alignment (a source credit flush right on its own line) */
  readonly align?: TextStyle['align'];
}

/**
 * How each element breaks: body text is justified with a 2-em indent; display text breaks at
 * phrase spaces. One object literal per call (setText runs for every paragraph and headline trial).
 */
function settingsFor(role: StyleRole, style: TextStyle, face: FontFace, measurePt: number, template: Template, options: SetOptions): ParagraphSettings {
  const { composition } = template;
  const display = role === 'headline' || role === 'kicker' || role === 'subhead' || role === 'byline' || role === 'bodySubhead';
  return {
    face,
    sizePt: style.sizePt,
    measurePt,
    indentEm: options.indentEm ?? (role === 'body' ? composition.indentEm : 0),
    align: options.align ?? style.align,
    kinsoku: composition.kinsoku,
    cjkLatinSpacingEm: composition.cjkLatinSpacingEm,
    mode: BODY_DEFAULTS.mode,
    hanging: BODY_DEFAULTS.hanging,
    trimLineStart: BODY_DEFAULTS.trimLineStart,
    preferSpaceBreaks: display,
    avoidOrphans: !display,
    keepTogether: options.keepTogether ?? [],
  };
}

/** A text set in a style: its lines, the style as scaled, the face it is set in. */
export interface TextSet {
  readonly lines: readonly ComposedLine[];
  readonly style: TextStyle;
  readonly face: FontFace;
}

export function setText(
  text: string,
  role: StyleRole,
  measurePt: number,
  template: Template,
  fonts: FontBook,
  options: SetOptions = {},
): TextSet {
  const scale = options.scale ?? 1;
  const base = template.styles[role];
  const style = scale === 1 ? base : { ...base, sizePt: base.sizePt * scale, leadingPt: base.leadingPt * scale };
  const face = fonts(style.family, style.weight);
  const { lines } = composeParagraph(text, settingsFor(role, style, face, measurePt, template, options));
  return { lines, style, face };
}

/** Stack the lines of one text in a block at the style's own leading. */
export function stackLines(
  set: TextSet,
  role: StyleRole,
  topDy: number,
): BlockLine[] {
  const { style, face } = set;
  return set.lines.map((line, i) => ({
    line,
    fontKey: face.key,
    sizePt: style.sizePt,
    role,
    baselineDy: topDy + i * style.leadingPt + (style.leadingPt - style.sizePt) / 2 + 0.88 * style.sizePt,
  }));
}

/**
 * A line as glyph runs, each in one font: the whole line in its style's font, or split where
 * characters the font lacks come from a fallback font. The glyphs keep the line's positions.
 * `role` names what the runs are when it is not the style's (the slug label, a jump's headline).
 */
export function toGlyphRuns(line: BlockLine, x: number, blockTop: number, role: string = line.role): GlyphRun[] {
  const { glyphs } = line.line;
  const run = (fontKey: string, runGlyphs: readonly PositionedGlyph[]): GlyphRun => ({
    kind: 'glyphs',
    fontKey,
    sizePt: line.sizePt,
    x,
    baseline: blockTop + line.baselineDy,
    glyphs: runGlyphs,
    role,
  });
  // The composer's glyphs are already positioned glyphs: shared, not copied, when one font sets them all.
  if (glyphs.every((g) => g.fallback === undefined)) return [run(line.fontKey, glyphs)];
  const runs: GlyphRun[] = [];
  let from = 0;
  for (let i = 1; i <= glyphs.length; i += 1) {
    const font = glyphs[from]?.fallback;
    if (i < glyphs.length && glyphs[i]?.fallback === font) continue;
    runs.push(run(font ?? line.fontKey, glyphs.slice(from, i)));
    from = i;
  }
  return runs;
}
