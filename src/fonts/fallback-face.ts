/**
 * A style's face with fallback per character (补字): the characters its font lacks come from the
 * fallback font glyph coverage chose for each, everything else stays in the style's own font. A
 * rare character in a name therefore changes one glyph, not the face of every story.
 */
import { isVariationSelector } from '../text/classes.js';
import type { ClusterGlyph, FontFace, ShapedCluster } from '../text/font-face.js';

/**
 * `primary` with `fallbacks` (code point → the face that draws it). A cluster is shaped in one
 * font where one font has all of it (a Latin word keeps its kerning, a character keeps its
 * variation selector); otherwise character by character.
 */
export function withFallback(primary: FontFace, fallbacks: ReadonlyMap<number, FontFace>): FontFace {
  const shaped = new Map<string, ShapedCluster>();
  const shape = (cluster: string): ShapedCluster => {
    let found = shaped.get(cluster);
    if (!found) shaped.set(cluster, (found = shapeWithFallback(cluster, primary, fallbacks)));
    return found;
  };
  return {
    key: primary.key,
    shape,
    covers: (codePoint) => primary.covers(codePoint) || fallbacks.has(codePoint),
  };
}

function shapeWithFallback(cluster: string, primary: FontFace, fallbacks: ReadonlyMap<number, FontFace>): ShapedCluster {
  const codePoints = Array.from(cluster, (ch) => ch.codePointAt(0) ?? 0);
  const needed = codePoints.map((cp) => fallbacks.get(cp)).find((face) => face !== undefined);
  if (!needed) return primary.shape(cluster);
  // Characters no font draws on their own (a variation selector) go with the fallback too.
  if (codePoints.every((cp) => needed.covers(cp) || (!primary.covers(cp) && !fallbacks.has(cp)))) return fromFallback(needed.shape(cluster), needed);
  const glyphs: ClusterGlyph[] = [];
  let advanceEm = 0;
  for (const piece of characters(cluster)) {
    const face = fallbacks.get(piece.codePointAt(0) ?? 0);
    const one = face ? fromFallback(face.shape(piece), face) : primary.shape(piece);
    glyphs.push(...one.glyphs);
    advanceEm += one.advanceEm;
  }
  return { glyphs, advanceEm };
}

/** The cluster's characters, each with the variation selectors that follow it (shaped with it). */
function characters(cluster: string): string[] {
  const pieces: string[] = [];
  for (const ch of cluster) {
    if (isVariationSelector(ch) && pieces.length > 0) pieces[pieces.length - 1] += ch;
    else pieces.push(ch);
  }
  return pieces;
}

function fromFallback(shaped: ShapedCluster, face: FontFace): ShapedCluster {
  return { advanceEm: shaped.advanceEm, glyphs: shaped.glyphs.map((g) => ({ ...g, fallback: face.key })) };
}
