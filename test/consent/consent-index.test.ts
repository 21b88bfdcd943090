import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ConsentIndex,
  type ConsentState,
  PseudonymCache,
  pseudonymise,
} from '../../src/consent/index.js';

describe('ConsentIndex', () => {
  it('behaves like a map from 32-byte keys to the last state set, through growth', () => {
    const states: ConsentState[] = ['none', 'objected', 'consented'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.constantFrom(...states)), {
          maxLength: 4000,
        }),
        (writes) => {
          const key = (n: number) => createHmac('sha256', 'k').update(String(n)).digest();
          const index = ConsentIndex.create(10);
          const model = new Map<number, ConsentState>();
          for (const [n, state] of writes) {
            index.set(key(n), state);
            model.set(n, state);
          }
          for (let n = 0; n <= 3000; n += 7) expect(index.get(key(n))).toBe(model.get(n) ?? 'none');
          expect(index.size).toBe(model.size);
          const tally = index.tally();
          expect(tally.objected).toBe([...model.values()].filter((s) => s === 'objected').length);
          expect(tally.consented).toBe([...model.values()].filter((s) => s === 'consented').length);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('is readable from its shared memory, as a worker thread reads it', () => {
    const index = ConsentIndex.create(4);
    const k = randomBytes(32);
    index.set(k, 'objected');
    expect(ConsentIndex.open(index.shared).get(k)).toBe('objected');
    // An unaligned view of the same bytes finds the same subject.
    const unaligned = Buffer.concat([Buffer.alloc(1), k]).subarray(1);
    expect(ConsentIndex.open(index.shared).get(unaligned)).toBe('objected');
  });
});

describe('PseudonymCache', () => {
  it('gives the same pseudonym as pseudonymise, cached or not, and evicts when full', () => {
    const secret = randomBytes(32);
    const seen: string[] = [];
    const cache = new PseudonymCache(secret, (digest) => seen.push(digest.toString('hex')), 3);
    for (const account of ['1', '2', '1', '3', '4', '1']) {
      const subject = { platform: 'ig', account };
      expect(cache.of(subject)).toBe(pseudonymise(secret, subject));
    }
    // Derived once per miss: 1, 2 (1 hit), 3, then full at 4 so it starts over, then 1 again.
    expect(seen).toHaveLength(5);
  });

  it('gives each subject its own pseudonym and value, whatever the characters, lengths and evictions', () => {
    // Platforms and accounts from a small alphabet (so subjects repeat and keys share prefixes),
    // with non-ASCII characters and keys longer than the cache stores.
    const part = fc.oneof(
      fc.stringMatching(/^[ab\u00e9\u4e2d\u{1f600}]{1,4}$/u),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
      fc.constantFrom('x'.repeat(200), 'y'.repeat(300), `${'\u00e9'.repeat(130)}`),
    );
    const secret = randomBytes(32);
    fc.assert(
      fc.property(
        fc.array(fc.record({ platform: part, account: part }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        (subjects, capacity) => {
          const derived: string[] = [];
          const cache = new PseudonymCache(
            secret,
            (digest) => {
              derived.push(digest.toString('hex'));
              return `v:${digest.toString('hex')}`;
            },
            capacity,
          );
          for (const subject of [...subjects, ...subjects]) {
            const expected = pseudonymise(secret, subject);
            const handle = cache.find(subject);
            expect(cache.pseudonym(handle)).toBe(expected);
            expect(cache.digest(handle).toString('hex')).toBe(expected);
            expect(cache.value(handle)).toBe(`v:${expected}`);
          }
          // Never more derivations than lookups, and each subject's value derived at least once.
          expect(derived.length).toBeLessThanOrEqual(subjects.length * 2);
          expect(new Set(derived).size).toBe(
            new Set(subjects.map((s) => pseudonymise(secret, s))).size,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('holds every subject once it has room for them all', () => {
    const secret = randomBytes(32);
    let misses = 0;
    const cache = new PseudonymCache(secret, () => misses++, 1000);
    for (let round = 0; round < 3; round++) {
      for (let n = 0; n < 1000; n++) cache.of({ platform: 'ig', account: String(n) });
    }
    expect(misses).toBe(1000);
  });
});
