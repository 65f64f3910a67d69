/**
 * The port through which the text engine sees a font: cluster advances and glyph ids.
 * The composer never imports fontkit; `src/fonts/` implements this with real fonts and the
 * tests with a synthetic face whose numbers are round.
 */

/** One glyph of a shaped cluster. */
export interface ClusterGlyph {
  /** glyph id in the font */
  readonly id: number;
  /** natural advance in em */
  readonly advanceEm: number;
  /** the source text this glyph stands for (becomes its ToUnicode entry) */
  readonly text: string;
  /**
   * Registry key of the font the glyph comes from when it is not the face's own: a character the
   * style's font lacks, set from a fallback font. Frames draw such glyphs in runs of their own.
   */
  readonly fallback?: string;
}

/** A cluster (one unbreakable unit of the composer) shaped in one font. */
export interface ShapedCluster {
  readonly glyphs: readonly ClusterGlyph[];
  /** sum of the glyph advances, in em */
  readonly advanceEm: number;
}

export interface FontFace {
  /** registry key, e.g. `serif-400`; frames and the renderer name fonts by it */
  readonly key: string;
  /** Shape a cluster (one ideograph, one mark, a dash pair, a Latin word); cached by the face. */
  shape(cluster: string): ShapedCluster;
  /** Whether the font has a glyph for this code point. */
  covers(codePoint: number): boolean;
}
