/** The line and paragraph cases of cjk-typography.md §9, numbered as there. */
import { describe, expect, it } from 'vitest';
import { compose, glyphXs, lineEndEm, lineTexts, SIZE } from './compose-harness.js';
import { normalizeByline } from '../../src/text/normalize.js';

const gapsOf = (xs: number[]): number[] => xs.slice(1).map((x, i) => x - (xs[i] as number));

describe('§9 line breaking: push-in before push-out', () => {
  it('1: push-out when nothing can be squeezed; line 1 spread by ⅙ em per gap', () => {
    const text = '天地玄黄宇宙洪荒，日月';
    expect(lineTexts(text, 8)).toEqual(['天地玄黄宇宙洪', '荒，日月']);
    for (const gap of gapsOf(glyphXs(text, 8))) expect(gap).toBeCloseTo(1 + 1 / 6, 6);
    expect(lineEndEm(text, 8)).toBeCloseTo(8, 6);
  });

  it('2: push-in squeezes the mid-line comma to ½ em', () => {
    const text = '天地，玄黄宇宙洪，荒日月盈';
    expect(lineTexts(text, 8)).toEqual(['天地，玄黄宇宙洪，', '荒日月盈']);
    const xs = glyphXs(text, 8);
    expect(xs[3]).toBeCloseTo(2.5, 6); // 玄 right after a ½-em comma
    expect(lineEndEm(text, 8)).toBeCloseTo(8, 6);
  });

  it('3: push-out-only mode carries 洪 down instead', () => {
    expect(lineTexts('天地，玄黄宇宙洪，荒日月盈', 8, { mode: 'push-out-only' })).toEqual(['天地，玄黄宇宙', '洪，荒日月盈']);
  });

  it('4: hanging lets the comma stand outside the measure', () => {
    const text = '天地玄黄宇宙洪荒，日月';
    expect(lineTexts(text, 8, { hanging: true })).toEqual(['天地玄黄宇宙洪荒，', '日月']);
    expect(glyphXs(text, 8, 0, { hanging: true })[8]).toBeCloseTo(8, 6);
  });

  it('5: an opening bracket never ends a line', () => {
    expect(lineTexts('天地玄黄宇宙洪（荒日）', 8)).toEqual(['天地玄黄宇宙洪', '（荒日）']);
  });

  it('6: …… is never split; it may start a line at GB level but not at strict', () => {
    expect(lineTexts('天地玄黄宇……宙洪', 6)).toEqual(['天地玄黄宇', '……宙洪']);
    expect(lineTexts('天地玄黄宇……宙洪', 6, { kinsoku: 'strict' })).toEqual(['天地玄黄', '宇……宙洪']);
  });

  it('7: —— likewise, drawn as one 2-em glyph', () => {
    expect(lineTexts('天地玄黄宇——宙洪', 6)).toEqual(['天地玄黄宇', '——宙洪']);
    expect(lineTexts('天地玄黄宇——宙洪', 6, { kinsoku: 'strict' })).toEqual(['天地玄黄', '宇——宙洪']);
    const second = compose('天地玄黄宇——宙洪', 6).lines[1];
    expect(second?.glyphs[0]?.text).toBe('——');
    expect(second?.glyphs[1]?.x).toBeCloseTo(2 * SIZE, 6);
  });
});

describe('§9 orphans (孤字)', () => {
  it('8: a lone last character pulls one more down', () => {
    expect(lineTexts('天地玄黄宇宙洪荒日月盈', 5)).toEqual(['天地玄黄宇', '宙洪荒日', '月盈']);
    expect(lineEndEm('天地玄黄宇宙洪荒日月盈', 5, 1)).toBeCloseTo(5, 6);
  });

  it('9: a character with its full stop is an orphan too', () => {
    expect(lineTexts('天地玄黄宇宙洪荒日月盈。', 5)).toEqual(['天地玄黄宇', '宙洪荒日', '月盈。']);
  });
});

describe('§9 punctuation widths', () => {
  it('10: a line-end full stop takes ½ em and the last line is not spread', () => {
    const p = compose('天地玄黄。', 5);
    expect(p.lines).toHaveLength(1);
    expect(p.lines[0]?.endPt).toBeCloseTo(4.5 * SIZE, 6);
    expect(p.lines[0]?.justified).toBe(false);
  });

  it.each([
    ['11', '甲“好。”乙', 5.5],
    ['12', '甲（天）、地', 5.5],
    ['13', '天，“地”玄', 5.5],
    ['14', '见《书名〈章节〉》一文', 10.5],
  ])('%s: adjacent marks take 1.5 em (%s)', (_n, text, total) => {
    expect(lineEndEm(text, 20)).toBeCloseTo(total, 6);
  });

  it('15: a stacked ？！ takes 1 em and is never split', () => {
    const text = '天地玄黄？！宇宙';
    expect(lineEndEm(text, 20)).toBeCloseTo(7, 6);
    for (let w = 3; w <= 8; w += 1) {
      for (const line of lineTexts(text, w)) {
        expect(line.startsWith('！')).toBe(false);
        expect(line.endsWith('？')).toBe(false);
      }
    }
  });
});

describe('§9 CJK–Latin spacing', () => {
  it('16: ¼ em between 汉字 and Latin, nothing inside the word', () => {
    const xs = glyphXs('使用Python语言', 20);
    expect((xs[2] as number) - (xs[1] as number)).toBeCloseTo(1.25, 6); // 用 → P
    expect((xs[8] as number) - (xs[7] as number)).toBeCloseTo(0.75, 6); // n → 语
    gapsOf(xs.slice(2, 8)).forEach((g) => expect(g).toBeCloseTo(0.5, 6));
  });

  it('17: no spacing inside brackets; ），= 1.5 em', () => {
    const xs = glyphXs('他说（Python），好', 20);
    expect((xs[3] as number) - (xs[2] as number)).toBeCloseTo(1, 6); // （ → P: no autospace
    expect((xs[9] as number) - (xs[8] as number)).toBeCloseTo(0.5, 6); // n → ）: no autospace
    expect((xs[10] as number) - (xs[9] as number)).toBeCloseTo(0.5, 6); // ） squeezed before ，
    expect(lineTexts('他说（Python），好', 5).some((l) => l.includes('Pyt') && !l.includes('Python'))).toBe(false);
  });

  it('18: no autospace at the line start or end', () => {
    const p = compose('天地玄黄宇Python', 6);
    expect(p.lines.map((l) => l.text)).toEqual(['天地玄黄宇', 'Python']);
    expect(p.lines[1]?.glyphs[0]?.x).toBe(0);
    expect(p.lines[0]?.endPt).toBeCloseTo(6 * SIZE, 6);
  });
});

describe('§9 justification and indent', () => {
  it('19: justified lines fill the measure with equal gaps; the last line is set solid', () => {
    const text = '天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往';
    const p = compose(text, 8);
    expect(p.lines).toHaveLength(3);
    for (const line of p.lines.slice(0, 2)) {
      expect(line.endPt).toBeCloseTo(8 * SIZE, 2);
      const gaps = gapsOf(line.glyphs.map((g) => g.x));
      gaps.forEach((g) => expect(g).toBeCloseTo(gaps[0] as number, 6));
    }
    const last = p.lines[2];
    expect(last?.glyphs[0]?.x).toBe(0);
    gapsOf(last?.glyphs.map((g) => g.x / SIZE) ?? []).forEach((g) => expect(g).toBeCloseTo(1, 6));
  });

  it('20: a 2-em first-line indent', () => {
    const p = compose('天地玄黄宇宙洪荒日月', 10, { indentEm: 2 });
    expect(p.lines.map((l) => l.text)).toEqual(['天地玄黄宇宙洪荒', '日月']);
    expect(p.lines[0]?.glyphs[0]?.x).toBeCloseTo(2 * SIZE, 6);
  });

  it('21: an opening quote keeps its full width on the indented first line, loses it on later lines', () => {
    const first = compose('“天地玄黄”宇宙', 10, { indentEm: 2, trimLineStart: true }).lines[0];
    expect(first?.glyphs[0]?.x).toBeCloseTo(2 * SIZE, 6);
    expect(first?.glyphs[1]?.x).toBeCloseTo(3 * SIZE, 6);
    const later = compose('天地玄黄宇宙“洪荒”', 6, { trimLineStart: true }).lines[1];
    expect(later?.text).toBe('“洪荒”');
    expect(later?.glyphs[1]?.x).toBeCloseTo(0.5 * SIZE, 6);
  });
});

/** Lines for every width of a sweep. */
function sweep(text: string, from = 3, to = 12): string[][] {
  const result: string[][] = [];
  for (let w = from; w <= to; w += 1) result.push(lineTexts(text, w));
  return result;
}

describe('§9 inseparable sequences, swept over widths 3–12 em', () => {
  it('22: 38.5% and 1.9 stay whole; no line starts with % or ，', () => {
    for (const lines of sweep('增长38.5%，达到1.9万人')) {
      expect(lines.some((l) => l.includes('38.5%'))).toBe(true);
      expect(lines.some((l) => l.includes('1.9'))).toBe(true);
      for (const l of lines) expect(/^[%，]/.test(l)).toBe(false);
    }
    for (const lines of sweep('增长38.5%，达到1.9万人', 6, 12)) expect(lines.some((l) => l.includes('1.9万'))).toBe(true);
  });

  it('23: no line starts with the connector; years whole', () => {
    for (const lines of sweep('规划期为2019—2030年')) {
      for (const l of lines) expect(l.startsWith('—')).toBe(false);
      expect(lines.some((l) => l.includes('2019'))).toBe(true);
      expect(lines.some((l) => l.includes('2030'))).toBe(true);
    }
  });

  it('24: no line starts with ～', () => {
    for (const lines of sweep('年龄在20～30岁之间')) for (const l of lines) expect(l.startsWith('～')).toBe(false);
  });

  it('25: no line starts with ·, which takes ½ em', () => {
    for (const lines of sweep('乌兰·巴特尔说')) for (const l of lines) expect(l.startsWith('·')).toBe(false);
    const xs = glyphXs('乌兰·巴特尔说', 20);
    expect((xs[3] as number) - (xs[1] as number)).toBeCloseTo(1.5, 6); // 兰 (1) + · (½)
  });

  it('26: a break is possible between 。 and “; no line starts with ” or 。', () => {
    const text = '他说。“好。”“你”“我”';
    expect(lineTexts(text, 3)[0]).toBe('他说。');
    for (const lines of sweep(text)) for (const l of lines) expect(/^[”。]/.test(l)).toBe(false);
  });

  it('27: 1 000 is never split', () => {
    for (const lines of sweep('共有1\u202f000人')) expect(lines.some((l) => l.includes('1\u202f000'))).toBe(true);
  });

  it('a word with a typographic apostrophe (don’t) is one Latin token, never split at the ’', () => {
    for (let w = 3; w <= 12; w += 0.125) expect(lineTexts('我们说don’t了好', w).some((l) => l.includes('don’t')), `${w} em`).toBe(true);
  });

  it('28: the solidus neither starts nor ends a line at GB level', () => {
    for (const lines of sweep('天地玄黄／宇宙洪荒')) {
      for (const l of lines) {
        expect(l.startsWith('／')).toBe(false);
        expect(l.endsWith('／')).toBe(false);
      }
    }
  });
});

describe('§9 bylines and headlines', () => {
  it('35: a byline breaks only at its ideographic spaces', () => {
    const byline = `■\u3000${normalizeByline('本报记者 皮磊')}`;
    const settings = { preferSpaceBreaks: true, align: 'left' as const, avoidOrphans: false };
    expect(lineTexts(byline, 10, settings)).toEqual(['■\u3000本报记者\u3000皮磊']);
    expect(lineTexts(byline, 6, settings)).toEqual(['■\u3000本报记者', '皮磊']);
  });

  it('37: a headline breaks at its phrase space, which disappears', () => {
    const lines = lineTexts('坚持守正创新\u3000推动高质量发展', 7, { preferSpaceBreaks: true, align: 'center', avoidOrphans: false });
    expect(lines).toEqual(['坚持守正创新', '推动高质量发展']);
  });
});
