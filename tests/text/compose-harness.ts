/** Compose with the §9 harness defaults (cjk-typography.md §9): 10 pt, W in em, indent off. */
import { BODY_DEFAULTS, composeParagraph, type ComposedParagraph, type ParagraphSettings } from '../../src/text/compose.js';
import { syntheticFace } from './synthetic-face.js';

export const SIZE = 10;
const face = syntheticFace();

export function compose(text: string, widthEm: number, overrides: Partial<ParagraphSettings> = {}): ComposedParagraph {
  return composeParagraph(text, {
    ...BODY_DEFAULTS,
    indentEm: 0,
    face,
    sizePt: SIZE,
    measurePt: widthEm * SIZE,
    ...overrides,
  });
}

export function lineTexts(text: string, widthEm: number, overrides: Partial<ParagraphSettings> = {}): string[] {
  return compose(text, widthEm, overrides).lines.map((l) => l.text);
}

/** x of each glyph in em */
export function glyphXs(text: string, widthEm: number, line = 0, overrides: Partial<ParagraphSettings> = {}): number[] {
  const l = compose(text, widthEm, overrides).lines[line];
  return (l?.glyphs ?? []).map((g) => g.x / SIZE);
}

export function lineEndEm(text: string, widthEm: number, line = 0, overrides: Partial<ParagraphSettings> = {}): number {
  return (compose(text, widthEm, overrides).lines[line]?.endPt ?? NaN) / SIZE;
}
