// The bundled CLI inflates fontkit's Unicode tables with zlib instead of tiny-inflate: the same
// bytes for any data and any size of output buffer, and the bundle really uses it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import inflate from '../../src/fonts/native-inflate.js';

// fontkit's own dependency: what the bundle replaces.
const tinyInflate = createRequire(import.meta.url)('tiny-inflate') as (source: Uint8Array, dest: Uint8Array) => Uint8Array;

describe('native inflate', () => {
  it('gives what tiny-inflate gives, for a buffer of the right size, a larger one and a smaller one', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 9 }), (data, slack, level) => {
        const packed = deflateRawSync(data, { level });
        const size = Math.max(0, data.length + slack);
        const ours = inflate(packed, new Uint8Array(size));
        const theirs = tinyInflate(packed, new Uint8Array(size));
        expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
        expect(ours.length).toBe(theirs.length);
      }),
      { numRuns: 300 },
    );
  });

  it("is what the bundled CLI has in tiny-inflate's place", () => {
    const bundle = readFileSync(fileURLToPath(new URL('../../dist/cli/banmian.cjs', import.meta.url)), 'utf8');
    expect(bundle).toContain('inflateRawSync');
    expect(bundle).not.toContain('tinf_uncompress');
  });
});
