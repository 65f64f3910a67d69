// Display text (headlines, kickers, subheads, bylines) breaks as an editor breaks it: as many
// lines as first fit needs, at phrase boundaries, outside quotations, in lines of even length.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breaksInsideQuotation } from '../../src/text/display-break.js';
import { compose, lineTexts } from './compose-harness.js';

const DISPLAY = { preferSpaceBreaks: true, align: 'left' as const, avoidOrphans: false };
const visible = (s: string): string => s.replace(/[\s\u3000]/gu, '');

describe('display breaking', () => {
  it('breaks after the colon of a “place：news” headline rather than mid-phrase', () => {
    expect(lineTexts('安徽凤阳：探索建立联动服务模式', 10, DISPLAY)).toEqual(['安徽凤阳：', '探索建立联动服务模式']);
  });

  it('keeps a quotation together when a break outside it fits', () => {
    const lines = lineTexts('持续推进“红纽扣医务社工项目”建设', 12, DISPLAY);
    expect(lines).toEqual(['持续推进', '“红纽扣医务社工项目”建设']);
  });

  it('balances two lines instead of a full line over a stub', () => {
    const lines = lineTexts('进一步提升社会工作服务水平荆州市社会工作学院揭牌', 16, DISPLAY);
    expect(lines).toHaveLength(2);
    const [a, b] = lines.map((l) => [...l].length);
    expect(Math.abs((a ?? 0) - (b ?? 0))).toBeLessThanOrEqual(2);
  });

  it('never uses more lines than first fit, loses no character, and keeps every line inside the measure', () => {
    const han = [...'天地玄黄宇宙洪荒日月盈昃辰宿列张'];
    const piece = fc.oneof(
      fc.array(fc.constantFrom(...han), { minLength: 1, maxLength: 6 }).map((c) => c.join('')),
      fc.constantFrom('：', '，', '、', '“社工”', '《公益时报》', '\u3000', '5G', '2024年'),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), fc.integer({ min: 6, max: 20 }), (parts, width) => {
        const text = parts.join('').replace(/^\u3000+|\u3000+$/gu, '');
        if (text === '') return;
        const display = compose(text, width, DISPLAY);
        const firstFit = compose(text, width, { ...DISPLAY, preferSpaceBreaks: false });
        expect(display.lines.length).toBeLessThanOrEqual(firstFit.lines.length);
        expect(visible(display.lines.map((l) => l.text).join(''))).toBe(visible(text));
        for (const line of display.lines) expect(line.endPt).toBeLessThanOrEqual(line.measurePt + 0.01);
        for (const line of display.lines.slice(1)) expect(line.text).not.toMatch(/^[，。、；：？！”’）》]/u);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('breaksInsideQuotation', () => {
  it.each([
    [['安徽凤阳：探索建立“慈善+', '社工+志愿者”联动服务模式'], true],
    [['安徽凤阳：探索建立', '“慈善+社工+志愿者”联动服务模式'], false],
    [['读《社会工作', '概论》有感'], true],
    [['（据新华社）', '下一行'], false],
    [['一行也不会断在引号里“…”'], false],
    // an apostrophe inside a Latin word closes nothing: the quotation is still open at the break
    [['“Don’t', '放弃”'], true],
  ])('%j → %s', (lines, expected) => {
    expect(breaksInsideQuotation(lines)).toBe(expected);
  });

  it('agrees with the display breaker: a headline it breaks outside the quotation is not flagged', () => {
    expect(breaksInsideQuotation(lineTexts('持续推进“红纽扣医务社工项目”建设', 12, DISPLAY))).toBe(false);
  });
});
