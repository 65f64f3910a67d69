/**
 * FontFace (src/text/font-face.ts) backed by a parsed fontkit font. Shaping policy:
 * - `——`: one fwid glyph of 2 em whose text is `——` (without fwid fontkit makes a 1.692 em
 *   ligature that pdf viewers copy as U+2E3A); longer dash runs as repeated pairs;
 * - Latin/digit words: `font.layout` for kerning and ligatures, glyph text from glyph.codePoints;
 * - everything else per code point through the cmap: Han and CJK punctuation are 1 em and need no
 *   shaper, and the per-code-point path is ~10× cheaper than `layout`.
 */
import type { Font } from 'fontkit';
import { hasVariationSelector } from '../text/classes.js';
import type { ClusterGlyph, FontFace, ShapedCluster } from '../text/font-face.js';
import { FIXED_SPACE_WIDTHS } from '../text/zh-hans.js';
import type { AdvanceWidths } from './advances.js';
import type { CharacterMap } from './cmap.js';

/** One or more `——` pairs (U+2014 U+2014). */
const DASH_PAIRS = /^(?:\u2014\u2014)+$/u;
/** Printable ASCII and Latin letters with diacritics: words such as `COVID-19`, `38.5%`, `Müller`. */
const LATIN_WORD = /^[\u0021-\u007E\u00C0-\u024F]+$/u;
const ALNUM = /[\p{L}\p{N}]/u;

export class FontkitFace implements FontFace {
  private readonly cache = new Map<string, ShapedCluster>();

  constructor(
    readonly key: string,
    /** the parsed font; the renderer embeds this same object */
    readonly font: Font,
    /** advance widths in font units, by glyph id */
    private readonly advances: AdvanceWidths,
    /** glyph ids by code point (0: none) */
    private readonly glyphIds: CharacterMap,
  ) {}

  shape(cluster: string): ShapedCluster {
    let shaped = this.cache.get(cluster);
    if (!shaped) {
      shaped = this.shapeUncached(cluster);
      this.cache.set(cluster, shaped);
    }
    return shaped;
  }

  covers(codePoint: number): boolean {
    return this.glyphIds(codePoint) !== 0;
  }

  private shapeUncached(cluster: string): ShapedCluster {
    if (cluster === '——') return this.shapeWithLayout(cluster, ['fwid']);
    // Longer dash runs pair by pair: fwid would otherwise pick a 3-em glyph plus a single dash.
    if (DASH_PAIRS.test(cluster)) return withTotal(Array.from({ length: cluster.length / 2 }, () => this.shape('——').glyphs).flat());
    const multiChar = [...cluster].length > 1;
    if (multiChar && LATIN_WORD.test(cluster) && ALNUM.test(cluster)) return this.shapeWithLayout(cluster);
    // Variation selectors need the shaper (cmap format 14).
    if (hasVariationSelector(cluster)) return this.shapeWithLayout(cluster);
    return this.shapeByCodePoint(cluster);
  }

  private shapeByCodePoint(cluster: string): ShapedCluster {
    const upem = this.font.unitsPerEm;
    const glyphs: ClusterGlyph[] = [];
    for (const ch of cluster) {
      const codePoint = ch.codePointAt(0) ?? 0;
      // A fixed space is as wide as the rule says, whatever the font's own glyph (or, lacking one,
      // its word space, drawn in its place) measures.
      const spaceWidth = FIXED_SPACE_WIDTHS.get(ch);
      if (spaceWidth !== undefined) {
        glyphs.push({ id: this.glyphIds(codePoint) || this.glyphIds(0x20), advanceEm: spaceWidth, text: ch });
        continue;
      }
      const id = this.glyphIds(codePoint);
      glyphs.push({ id, advanceEm: this.advances(id) / upem, text: ch });
    }
    return withTotal(glyphs);
  }

  /**
   * advanceEm is the shaped advance (kerning included), so the composer's widths are kerned.
   * The renderer positions every glyph by its own x and never assumes advance = hmtx width.
   */
  private shapeWithLayout(cluster: string, features?: string[]): ShapedCluster {
    const upem = this.font.unitsPerEm;
    const run = this.font.layout(cluster, features);
    const glyphs: ClusterGlyph[] = run.glyphs.map((glyph, i) => ({
      id: glyph.id,
      advanceEm: (run.positions[i]?.xAdvance ?? glyph.advanceWidth) / upem,
      text: String.fromCodePoint(...glyph.codePoints),
    }));
    // If the shaper lost the mapping (e.g. a decomposition), give the whole cluster to the first
    // glyph so that copy-paste still returns the source text.
    if (glyphs.length > 0 && glyphs.map((g) => g.text).join('') !== cluster) {
      return withTotal(glyphs.map((g, i) => ({ ...g, text: i === 0 ? cluster : '' })));
    }
    return withTotal(glyphs);
  }
}

function withTotal(glyphs: readonly ClusterGlyph[]): ShapedCluster {
  let advanceEm = 0;
  for (const g of glyphs) advanceEm += g.advanceEm;
  return { glyphs, advanceEm };
}
