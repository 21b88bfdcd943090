import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Into } from '../../src/merkle/sha256-into.js';

describe('sha256Into', () => {
  it('writes exactly the 32 digest bytes at the offset and nothing else', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.nat({ max: 40 }),
        fc.nat({ max: 255 }),
        (input, offset, fill) => {
          const out = Buffer.alloc(offset + 32 + 8, fill);
          sha256Into(input, out, offset);
          const want = createHash('sha256').update(input).digest();
          expect(out.subarray(offset, offset + 32).equals(want)).toBe(true);
          expect(out.subarray(0, offset).every((b) => b === fill)).toBe(true);
          expect(out.subarray(offset + 32).every((b) => b === fill)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('may write the digest of a buffer into that buffer', () => {
    const pair = Buffer.alloc(65, 0x01);
    const want = createHash('sha256').update(pair).digest();
    sha256Into(pair, pair, 33);
    expect(pair.subarray(33).equals(want)).toBe(true);
  });
});
