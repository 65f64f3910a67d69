/** Our TrueType subset, read back with fontkit: the same glyphs, outlines and metrics as the font. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { fontFile } from '../../src/fonts/registry.js';
import { readHorizontalMetrics } from '../../src/fonts/advances.js';
import { readSfnt } from '../../src/fonts/sfnt.js';
import { TrueTypeSubset } from '../../src/fonts/subset.js';

/** A subset of the font in `data`, with its own hmtx metrics, as the registry makes it. */
function subsetOf(data: Uint8Array): TrueTypeSubset | undefined {
  const sfnt = readSfnt(data);
  return TrueTypeSubset.of(sfnt, sfnt && readHorizontalMetrics(sfnt));
}

const data = readFileSync(fontFile('sans-400'));
const font = create(data) as Font;

/** The glyphs of a subset in its new order, read back from the encoded file. */
function roundTrip(ids: readonly number[]): { subset: Font; newIds: number[]; order: number[] } {
  const subset = subsetOf(data);
  if (!subset) throw new Error('not a TrueType font');
  const newIds = ids.map((id) => subset.includeGlyph(id));
  const encoded = subset.encode();
  const order = (subset as unknown as { glyphs: number[] }).glyphs;
  return { subset: create(encoded) as Font, newIds, order };
}

/** The glyph's outline as SVG path data (fontkit's glyph.path; missing from its type declarations). */
const outline = (f: Font, id: number): string => (f.getGlyph(id) as unknown as { path: { toSVG(): string } }).path.toSVG();

describe('TrueType subset', () => {
  it('keeps .notdef first, numbers glyphs in order of use, and reproduces outlines and advances', () => {
    const ids = [...'公益时报社会工作2024年'].map((ch) => font.glyphForCodePoint(ch.codePointAt(0) ?? 0).id);
    const { subset, newIds, order } = roundTrip(ids);
    expect(order[0]).toBe(0);
    expect(subset.numGlyphs).toBe(order.length);
    newIds.forEach((newId, i) => {
      const old = ids[i] as number;
      expect(outline(subset, newId)).toBe(outline(font, old));
      expect(subset.getGlyph(newId).advanceWidth).toBe(font.getGlyph(old).advanceWidth);
    });
  });

  it('brings in the components of a compound glyph, renumbered, so it draws the same', () => {
    // The Noto CJK faces have no compound glyphs; a small font of our own does: 0 .notdef,
    // 1 a triangle, 2 the triangle moved 100 units right (a compound of glyph 1).
    const tiny = tinyFontWithCompound();
    const original = create(tiny) as Font;
    const subset = subsetOf(tiny);
    if (!subset) throw new Error('not a TrueType font');
    const compound = subset.includeGlyph(2);
    const read = create(subset.encode()) as Font;
    expect(read.numGlyphs).toBe(3); // .notdef, the compound, and its component brought in
    expect(outline(read, compound)).toBe(outline(original, 2));
    expect(outline(read, compound)).not.toBe(outline(original, 1));
    expect(read.getGlyph(compound).advanceWidth).toBe(original.getGlyph(2).advanceWidth);
  });

  it('any set of glyphs round-trips (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: font.numGlyphs - 1 }), { minLength: 1, maxLength: 40 }), (ids) => {
        const { subset, newIds } = roundTrip(ids);
        return newIds.every((newId, i) => outline(subset, newId) === outline(font, ids[i] as number) && subset.getGlyph(newId).advanceWidth === font.getGlyph(ids[i] as number).advanceWidth);
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same bytes for the same glyphs', () => {
    const build = (): Buffer => {
      const subset = subsetOf(data);
      for (const id of [5, 900, 12, 4000]) subset?.includeGlyph(id);
      return subset?.encode() ?? Buffer.alloc(0);
    };
    expect(build().equals(build())).toBe(true);
  });
});

/** A TrueType font of three glyphs, the last a compound of the second. Only the tables a subset reads. */
function tinyFontWithCompound(): Buffer {
  const be = (bits: 16 | 32, ...values: number[]): Buffer => {
    const b = Buffer.alloc((values.length * bits) / 8);
    values.forEach((v, i) => (bits === 16 ? b.writeUInt16BE(v & 0xffff, i * 2) : b.writeUInt32BE(v >>> 0, i * 4)));
    return b;
  };
  // glyph 1: one contour of three on-curve points (0,0) (500,0) (250,700): flags 1, x and y as int16 deltas
  const triangle = Buffer.concat([be(16, 1, 0, 0, 500, 700), be(16, 2, 0), Buffer.from([1, 1, 1]), be(16, 0, 500, -250 & 0xffff, 0, 0, 700)]);
  const triangleEven = triangle.length % 2 ? Buffer.concat([triangle, Buffer.alloc(1)]) : triangle;
  // glyph 2: a compound: flags ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES, glyph 1, offset (100, 0)
  const compound = Buffer.concat([be(16, 0xffff, 100, 0, 600, 700), be(16, 0x0003, 1, 100, 0)]);
  const glyf = Buffer.concat([triangleEven, compound]);
  const loca = be(16, 0, 0, triangleEven.length / 2, glyf.length / 2); // short offsets, /2
  const head = Buffer.alloc(54);
  head.writeUInt32BE(0x00010000, 0);
  head.writeUInt32BE(0x5f0f3cf5, 12); // magic
  head.writeUInt16BE(1000, 18); // unitsPerEm
  head.writeInt16BE(0, 50); // short loca
  const hhea = Buffer.alloc(36);
  hhea.writeUInt32BE(0x00010000, 0);
  hhea.writeUInt16BE(3, 34);
  const maxp = Buffer.alloc(32); // version 1.0: the limits after numGlyphs may stay 0
  maxp.writeUInt32BE(0x00010000, 0);
  maxp.writeUInt16BE(3, 4);
  const hmtx = be(16, 500, 0, 600, 0, 700, 100);
  const tables: [string, Buffer][] = [['glyf', glyf], ['head', head], ['hhea', hhea], ['hmtx', hmtx], ['loca', loca], ['maxp', maxp]];
  const header = Buffer.alloc(12 + tables.length * 16);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(tables.length, 4);
  let offset = header.length;
  const bodies: Buffer[] = [];
  tables.forEach(([tag, body], i) => {
    header.write(tag, 12 + i * 16, 'latin1');
    header.writeUInt32BE(offset, 12 + i * 16 + 8);
    header.writeUInt32BE(body.length, 12 + i * 16 + 12);
    const padded = Buffer.concat([body, Buffer.alloc((4 - (body.length % 4)) % 4)]);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}
