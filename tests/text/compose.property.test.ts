/**
 * Properties of the composer over thousands of random CJK/Latin/punctuation strings and
 * measures (cjk-typography.md §9 case 40): nothing lost or duplicated, no line wider than the
 * measure, justified lines fill it exactly, the prohibition rules hold, line-end marks ≤ ½ em.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compose, SIZE } from './compose-harness.js';

const HAN = [...'天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏'];
const LATIN = ['Python', 'COVID-19', 'GB/T', 'a', 'Z', '5G', '38.5%', '2019', '1.9', '1\u202f000', '¥100'];
const MARKS = ['', '', '', '，', '。', '、', '；', '：', '？', '！', '？！', '……', '——', '”', '。”', '）、'];
const BRACKETS: readonly (readonly [string, string])[] = [['（', '）'], ['“', '”'], ['《', '》'], ['‘', '’'], ['【', '】'], ['〈', '〉']];
const JOINERS = ['', '', '', '', '·', '～', '／', ' ', '——', '……'];

/** Realistic text: words with their marks, bracketed phrases, joiners between words. */
const hanWord = fc.array(fc.constantFrom(...HAN), { minLength: 1, maxLength: 6 }).map((c) => c.join(''));
const word = fc.oneof({ arbitrary: hanWord, weight: 4 }, { arbitrary: fc.constantFrom(...LATIN), weight: 1 });
const bracketed = fc.tuple(fc.constantFrom(...BRACKETS), word).map(([[open, close], w]) => `${open}${w}${close}`);
const phrase = fc
  .tuple(fc.oneof({ arbitrary: word, weight: 3 }, { arbitrary: bracketed, weight: 1 }), fc.constantFrom(...MARKS, ...JOINERS))
  .map(([w, after]) => `${w}${after}`);
const paragraph = fc.array(phrase, { minLength: 1, maxLength: 30 }).map((parts) => parts.join('').trim());
/** Anything at all, marks piled on marks: the composer still loses nothing and never overflows. */
const soup = fc
  .array(fc.constantFrom(...HAN, ...LATIN, ...MARKS, ...BRACKETS.flat(), ...JOINERS), { minLength: 1, maxLength: 80 })
  .map((parts) => parts.join('').trim());
const LINE_START_FORBIDDEN = /^[，。、；：？！”’）》〉】·～／%]/u;
const LINE_END_FORBIDDEN = /[“‘（《〈【]$/u;
const FULL_WIDTH_MARK = /[，。、；：？！”’）》〉】]$/u;

const widthEm = fc.integer({ min: 5, max: 30 });
/**
 * Newspaper measures: 10 em and up. Below that a bracketed Latin word with its marks can be
 * wider than an indented first line, and a forced break is the only honest outcome.
 */
const columnEm = fc.integer({ min: 10, max: 30 });
const settings = fc.record({
  mode: fc.constantFrom('push-in-first' as const, 'push-out-only' as const),
  kinsoku: fc.constantFrom('basic' as const, 'gb' as const, 'strict' as const),
  indentEm: fc.constantFrom(0, 2),
});

const visible = (s: string): string => s.replace(/[\s\u3000]/g, '');
const RUNS = 3000;

describe('composeParagraph properties', () => {
  it('loses and duplicates no character', () => {
    fc.assert(
      fc.property(fc.oneof(paragraph, soup), widthEm, settings, (text, w, s) => {
        const p = compose(text, w, s);
        expect(visible(p.lines.map((l) => l.text).join(''))).toBe(visible(text));
        expect(visible(p.lines.flatMap((l) => l.glyphs.map((g) => g.text)).join(''))).toBe(visible(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('never sets a line wider than its measure, and fills every justified line exactly', () => {
    fc.assert(
      fc.property(fc.oneof(paragraph, soup), widthEm, settings, (text, w, s) => {
        const p = compose(text, w, s);
        p.lines.forEach((line, i) => {
          expect(line.endPt).toBeLessThanOrEqual(line.measurePt + 0.01);
          const isLast = i === p.lines.length - 1;
          if (line.justified) expect(Math.abs(line.endPt - line.measurePt)).toBeLessThanOrEqual(0.01);
          // A line that is not the last is justified unless it is one unbreakable unit.
          if (!isLast && !line.justified) expect(/^[A-Za-z0-9.%\-/\u202f¥’]+$|^.$|^(——|……|？！|！？)$/u.test(line.text)).toBe(true);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('obeys the prohibition rules and trims line-end marks to ½ em', () => {
    fc.assert(
      fc.property(paragraph, columnEm, settings, (text, w, s) => {
        const p = compose(text, w, s);
        p.lines.forEach((line, i) => {
          expect(line.forced).not.toBe('kinsoku');
          if (i > 0) expect(line.text).not.toMatch(LINE_START_FORBIDDEN);
          if (i < p.lines.length - 1) expect(line.text).not.toMatch(LINE_END_FORBIDDEN);
          if (s.kinsoku === 'strict' && i > 0) expect(line.text).not.toMatch(/^(——|……)/u);
          const last = line.glyphs[line.glyphs.length - 1];
          if (last && FULL_WIDTH_MARK.test(line.text) && !/？！$/.test(line.text)) {
            expect(line.endPt - last.x).toBeLessThanOrEqual(0.5 * SIZE + 1e-6);
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('never splits an inseparable sequence (runs of —— and …… break only between pairs)', () => {
    const evenRuns = (s: string): boolean => (s.match(/—+|…+/gu) ?? []).every((run) => run.length % 2 === 0);
    fc.assert(
      fc.property(paragraph, widthEm, (text, w) => {
        const lines = compose(text, w).lines.map((l) => l.text);
        for (const line of lines) expect(evenRuns(line)).toBe(true);
        for (let i = 1; i < lines.length; i += 1) {
          expect(`${(lines[i - 1] as string).slice(-1)}|${(lines[i] as string).slice(0, 1)}`).not.toBe('？|！');
        }
      }),
      { numRuns: RUNS },
    );
  });
});
