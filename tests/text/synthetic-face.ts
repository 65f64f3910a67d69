/**
 * A synthetic font for text-engine tests, with round numbers (architecture.md): 汉字 and
 * full-width marks 1 em, Latin letters and digits ½ em, `——` one 2-em glyph. Glyph id =
 * code point (0 for what it does not cover).
 */
import type { ClusterGlyph, FontFace, ShapedCluster } from '../../src/text/font-face.js';

const HALF = /[A-Za-z0-9%]/;
const QUARTER = /[.,:;'\-/ ]/;

function advanceOf(ch: string): number {
  if (HALF.test(ch)) return 0.5;
  if (QUARTER.test(ch)) return 0.25;
  if (ch === '·') return 0.33;
  if (ch === '\u202f') return 0.25;
  return 1;
}

export function syntheticFace(): FontFace {
  const cache = new Map<string, ShapedCluster>();
  return {
    key: 'synthetic',
    shape(cluster: string): ShapedCluster {
      const hit = cache.get(cluster);
      if (hit) return hit;
      const glyphs: ClusterGlyph[] =
        cluster === '——'
          ? [{ id: 0x2e3a, advanceEm: 2, text: '——' }]
          : Array.from(cluster).map((ch) => ({ id: ch.codePointAt(0) ?? 0, advanceEm: advanceOf(ch), text: ch }));
      const shaped = { glyphs, advanceEm: glyphs.reduce((s, g) => s + g.advanceEm, 0) };
      cache.set(cluster, shaped);
      return shaped;
    },
    covers: () => true,
  };
}
