/**
 * Minimal types for fontkit 2.0.4 (it ships none): only what src/fonts/ and src/render/ use.
 * Checked against node_modules/fontkit/src (TTFFont, glyph/Glyph, layout/GlyphRun).
 */
declare module 'fontkit' {
  export interface Glyph {
    readonly id: number;
    /** hmtx advance in font units */
    readonly advanceWidth: number;
    /** the code points this glyph stands for (several for ligatures, from the shaper) */
    readonly codePoints: number[];
  }

  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }

  export interface GlyphRun {
    readonly glyphs: Glyph[];
    readonly positions: GlyphPosition[];
    readonly advanceWidth: number;
  }

  export interface Font {
    readonly postscriptName: string;
    readonly unitsPerEm: number;
    readonly numGlyphs: number;
    layout(text: string, features?: string[] | Record<string, boolean>): GlyphRun;
    glyphForCodePoint(codePoint: number): Glyph;
    getGlyph(id: number, codePoints?: number[]): Glyph;
  }

  export interface FontCollection {
    readonly type: 'TTC' | 'DFont';
    readonly fonts: Font[];
  }

  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
}
