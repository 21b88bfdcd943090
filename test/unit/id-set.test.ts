import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdFingerprintSet } from '../../src/build/id-set.js';

describe('IdFingerprintSet', () => {
  it('answers like a Set of strings, across many partition growths', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 3000 }), (ids) => {
        const set = new IdFingerprintSet();
        const model = new Set<string>();
        for (const id of ids) {
          expect(set.add(id)).toBe(!model.has(id));
          model.add(id);
        }
        expect(set.size).toBe(model.size);
      }),
      { numRuns: 50 },
    );
  });

  it('holds a hundred thousand distinct ids and finds every repeat', () => {
    const set = new IdFingerprintSet();
    for (let i = 0; i < 100_000; i++) expect(set.add(`post-${i}`)).toBe(true);
    for (let i = 0; i < 100_000; i += 997) expect(set.add(`post-${i}`)).toBe(false);
    expect(set.size).toBe(100_000);
  });
});
