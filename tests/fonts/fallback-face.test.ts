// A face with fallback sets in the fallback font only what the style's font lacks, and keeps a
// cluster in one font whenever one font has all of it.
import { describe, expect, it } from 'vitest';
import { withFallback } from '../../src/fonts/fallback-face.js';
import type { FontFace, ShapedCluster } from '../../src/text/font-face.js';

/** Every cluster a face was asked to shape. */
const asked: string[] = [];

/** A face that draws the characters of `chars`, each 1 em (½ em in the fallback faces, to tell them apart). */
function face(key: string, chars: string, advanceEm = 1): FontFace {
  const has = new Set(Array.from(chars, (c) => c.codePointAt(0)));
  return {
    key,
    covers: (cp) => has.has(cp),
    shape(cluster): ShapedCluster {
      asked.push(cluster);
      const glyphs = Array.from(cluster, (ch) => ({ id: has.has(ch.codePointAt(0)) ? (ch.codePointAt(0) ?? 0) : 0, advanceEm, text: ch }));
      return { glyphs, advanceEm: glyphs.length * advanceEm };
    },
  };
}

const serif = face('serif', '在村举行abcd');
const sans = face('sans', '𥫗abcdé', 0.5);
const other = face('other', 'ø', 0.5);

describe('withFallback', () => {
  const withSans = withFallback(serif, new Map([[0x25ad7, sans], [0xe9, sans], [0xf8, other]]));

  it('keeps the face key and shapes what the font has in the font', () => {
    expect(withSans.key).toBe('serif');
    expect(withSans.shape('村')).toEqual(serif.shape('村'));
    expect(withSans.covers(0x6751)).toBe(true);
    expect(withSans.covers(0x25ad7)).toBe(true);
    expect(withSans.covers(0x4e00)).toBe(false);
  });

  it('marks a glyph from a fallback font with that font, at its own advance', () => {
    expect(withSans.shape('𥫗')).toEqual({ advanceEm: 0.5, glyphs: [{ id: 0x25ad7, advanceEm: 0.5, text: '𥫗', fallback: 'sans' }] });
  });

  it('sets a whole cluster in the fallback font when that font has all of it', () => {
    expect(withSans.shape('abé').glyphs.map((g) => [g.text, g.fallback])).toEqual([
      ['a', 'sans'],
      ['b', 'sans'],
      ['é', 'sans'],
    ]);
  });

  it('goes character by character when no one font has the whole cluster', () => {
    const shaped = withSans.shape('aøé');
    expect(shaped.glyphs.map((g) => [g.text, g.fallback])).toEqual([
      ['a', undefined],
      ['ø', 'other'],
      ['é', 'sans'],
    ]);
    expect(shaped.advanceEm).toBe(2);
    expect(shaped.glyphs.every((g) => g.id > 0)).toBe(true);
  });

  it('keeps a variation selector with its character when it goes character by character', () => {
    asked.length = 0;
    withSans.shape('a\ufe00ø');
    expect(asked).toEqual(['a\ufe00', 'ø']);
  });
});
