// Counting characters without spreading the string (an article's length limit): the same count as
// JavaScript's own string iteration, for any sequence of UTF-16 code units.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointCount } from '../../src/text/classes.js';

/** Strings of code units, rich in surrogates: pairs, lone halves, halves in the wrong order. */
const codeUnits = fc
  .array(fc.oneof(fc.integer({ min: 0xd800, max: 0xdfff }), fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0x6587, 0x20)), { maxLength: 60 })
  .map((units) => String.fromCharCode(...units));

describe('codePointCount', () => {
  it('counts as [...text].length does', () => {
    fc.assert(
      fc.property(codeUnits, (text) => {
        expect(codePointCount(text)).toBe([...text].length);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts a character outside the BMP once', () => {
    expect(codePointCount('𠀀文')).toBe(2);
    expect(codePointCount('')).toBe(0);
  });
});
