import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BanmianError } from '../../src/errors.js';
import { FontkitFace } from '../../src/fonts/font-face.js';
import { fontFile, fontKey, fontKeys, fontkitFont, loadFontFace, prefetchFonts } from '../../src/fonts/registry.js';
import { BODY_DEFAULTS, composeParagraph } from '../../src/text/compose.js';

describe('font registry', () => {
  it('maps family and weight to a key', () => {
    expect(fontKey('Noto Serif SC', 400)).toBe('serif-400');
    expect(fontKey('Noto Sans SC', 700)).toBe('sans-700');
    expect(fontKeys()).toEqual(expect.arrayContaining(['serif-200', 'serif-900', 'sans-100', 'sans-900']));
  });

  it('leaves a font it cannot read ahead for loading to report, rather than rejecting a read nobody awaits', async () => {
    await expect(prefetchFonts(['no-such-family-400'])).resolves.toBeUndefined();
    expect(() => loadFontFace('no-such-family-400')).toThrow(BanmianError);
  });

  it('rejects an unknown family or weight, listing what exists', () => {
    const attempt = (family: string, weight: number): BanmianError => {
      try {
        fontKey(family, weight);
      } catch (error) {
        if (error instanceof BanmianError) return error;
        throw error;
      }
      throw new Error('no error');
    };
    const family = attempt('Source Han Serif', 400);
    expect(family.code).toBe('unknown-font');
    expect(family.message).toContain('Source Han Serif');
    expect(family.hint).toContain('Noto Serif SC (200, 300, 400, 500, 600, 700, 800, 900)');
    const weight = attempt('Noto Serif SC', 100);
    expect(weight.code).toBe('unknown-font');
    expect(weight.message).toContain('no weight 100');
    expect(() => loadFontFace('mono-400')).toThrow(/unknown font key "mono-400"/);
  });

  it('resolves every registered file from node_modules', () => {
    for (const key of fontKeys()) expect(existsSync(fontFile(key)), key).toBe(true);
  });

  it('parses each font once and shares it between measuring and embedding', () => {
    const font = fontkitFont('serif-400');
    expect(fontkitFont('serif-400')).toBe(font);
    const face = loadFontFace('serif-400');
    expect(loadFontFace('serif-400')).toBe(face);
    expect(face).toBeInstanceOf(FontkitFace);
    expect((face as FontkitFace).font).toBe(font);
    expect(face.key).toBe('serif-400');
  });
});

describe('FontkitFace', () => {
  const face = (): FontkitFace => loadFontFace('serif-400') as FontkitFace;

  it('shapes ideographs and CJK punctuation per code point at 1 em', () => {
    const shaped = face().shape('中');
    expect(shaped.glyphs).toHaveLength(1);
    expect(shaped.advanceEm).toBe(1);
    expect(shaped.glyphs[0]?.text).toBe('中');
    expect(shaped.glyphs[0]?.id).toBe(face().font.glyphForCodePoint(0x4e2d).id);
    for (const mark of ['，', '。', '“', '”', '《', '》']) expect(face().shape(mark).advanceEm, mark).toBe(1);
  });

  it('shapes —— as one fwid glyph of 2 em that stands for both dashes', () => {
    const shaped = face().shape('——');
    expect(shaped.glyphs).toHaveLength(1);
    expect(shaped.advanceEm).toBe(2);
    expect(shaped.glyphs[0]?.text).toBe('——');
    // without fwid fontkit would give the 1.692 em ligature
    expect(face().font.layout('——').glyphs[0]?.id).not.toBe(shaped.glyphs[0]?.id);
    // a longer run is made of the same 2-em pairs
    const four = face().shape('————');
    expect(four.glyphs.map((g) => [g.id, g.text])).toEqual([
      [shaped.glyphs[0]?.id, '——'],
      [shaped.glyphs[0]?.id, '——'],
    ]);
    expect(four.advanceEm).toBe(4);
  });

  it('shapes Latin and digit words with the shaper, mapping glyphs back to text', () => {
    for (const word of ['COVID-19', '38.5%', 'AV', 'fi']) {
      const shaped = face().shape(word);
      expect(shaped.glyphs.map((g) => g.text).join(''), word).toBe(word);
    }
    // kerning is in the advances: AV is tighter than its glyphs' own advances
    const perCodePoint = [...'AV'].reduce((sum, ch) => sum + face().font.glyphForCodePoint(ch.codePointAt(0) ?? 0).advanceWidth, 0) / 1000;
    expect(face().shape('AV').advanceEm).toBeLessThan(perCodePoint);
    // the fi ligature is one glyph whose text is both letters
    expect(face().shape('fi').glyphs.map((g) => g.text)).toEqual(['fi']);
  });

  it('draws the digit-group space of `1 000` with the space glyph at ¼ em, never a .notdef box', () => {
    // normalizeText turns `1 000` into `1\u202f000`; the Noto CJK fonts have no U+202F
    expect(face().covers(0x202f)).toBe(false);
    const shaped = face().shape('1\u202f000');
    expect(shaped.glyphs.map((g) => g.text).join('')).toBe('1\u202f000');
    expect(shaped.glyphs.every((g) => g.id !== 0)).toBe(true);
    const space = shaped.glyphs[1];
    expect(space?.id).toBe(face().font.glyphForCodePoint(0x20).id);
    expect(space?.advanceEm).toBe(0.25);
  });

  it('sets a fixed space at the rule\'s width in a font that has its own glyph for it', () => {
    // A font whose U+202F and U+2009 are glyph 17, 600 units wide: drawn with that glyph, at ¼ and ⅕ em.
    const font = fontkitFont('serif-400');
    const own = new FontkitFace(
      'own-spaces',
      font,
      (glyphId) => (glyphId === 17 ? 600 : font.getGlyph(glyphId).advanceWidth),
      (codePoint) => (codePoint === 0x202f || codePoint === 0x2009 ? 17 : font.glyphForCodePoint(codePoint).id),
    );
    expect(own.shape('\u202f').glyphs).toEqual([{ id: 17, advanceEm: 0.25, text: '\u202f' }]);
    expect(own.shape('\u2009').glyphs).toEqual([{ id: 17, advanceEm: 0.2, text: '\u2009' }]);
  });

  it('composes a character with its variation selector as one glyph: the variant, its text both code points', () => {
    const variant = '葛\u{E0100}';
    const line = composeParagraph(`${variant}天地`, { ...BODY_DEFAULTS, indentEm: 0, face: face(), sizePt: 10, measurePt: 100 }).lines[0];
    expect(line?.glyphs.map((g) => g.text)).toEqual([variant, '天', '地']);
    expect(line?.glyphs[0]?.id).toBe(face().font.layout(variant).glyphs[0]?.id);
  });

  it('caches shapes per cluster and reports coverage', () => {
    expect(face().shape('新闻')).toBe(face().shape('新闻'));
    expect(face().covers(0x4e2d)).toBe(true);
    expect(face().covers(0x1f600)).toBe(false); // 😀
    expect(face().shape('😀').glyphs[0]?.id).toBe(0);
  });
});
