import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ConsentIndex,
  type ConsentState,
  createPseudonymTable,
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

  it('shares one table between caches: each subject stored once, each cache derives its own values', () => {
    const part = fc.oneof(
      fc.stringMatching(/^[ab\u00e9\u{1f600}]{1,3}$/u),
      // Keys about an entry's own 27 bytes, spilled past them, and too long to store.
      fc.constantFrom(
        'x'.repeat(300),
        'y'.repeat(12),
        'y'.repeat(13),
        'y'.repeat(14),
        'z'.repeat(100),
      ),
    );
    const secret = randomBytes(32);
    fc.assert(
      fc.property(
        fc.array(fc.record({ platform: part, account: part }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(2), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 64 }),
        (subjects, turns, capacity) => {
          const table = createPseudonymTable(capacity);
          const derived = [0, 0, 0];
          const caches = [0, 1, 2].map(
            (c) =>
              new PseudonymCache(
                secret,
                (digest) => {
                  derived[c]!++;
                  return `${c}:${digest.toString('hex')}`;
                },
                table,
              ),
          );
          // The caches take turns (as threads would), each going through the subjects.
          const next = [0, 0, 0];
          for (let t = 0; t < turns.length * subjects.length; t++) {
            const c = turns[t % turns.length]!;
            const subject = subjects[next[c]!++ % subjects.length]!;
            const expected = pseudonymise(secret, subject);
            const handle = caches[c]!.find(subject);
            expect(caches[c]!.pseudonym(handle)).toBe(expected);
            expect(caches[c]!.digest(handle).toString('hex')).toBe(expected);
            expect(caches[c]!.value(handle)).toBe(`${c}:${expected}`);
          }
          const stored = new Set(
            subjects.filter((s) => Buffer.byteLength(`${s.platform}\0${s.account}`) <= 255),
          );
          const keys = new Set([...stored].map((s) => `${s.platform}\0${s.account}`));
          const distinct = keys.size;
          // Never more entries than distinct storable subjects: one cache's entry serves all.
          expect(caches[0]!.stored).toBeLessThanOrEqual(Math.min(distinct, capacity));
          // Key bytes past an entry's 27 go to a store of 8 a subject plus 255; only when the
          // subjects' spilled bytes fit it is every subject (up to the capacity) stored.
          const spilled = [...keys].reduce(
            (sum, k) => sum + Math.max(0, Buffer.byteLength(k) - 27),
            0,
          );
          if (spilled <= capacity * 8 + 255)
            expect(caches[0]!.stored).toBe(Math.min(distinct, capacity));
          // A full table stops storing rather than starting over under another thread.
          for (const cache of caches) expect(cache.stored).toBe(caches[0]!.stored);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps values right however many distinct values the callers derive', () => {
    const secret = randomBytes(32);
    const cache = new PseudonymCache(secret, (digest) => `v:${digest.toString('hex')}`, 1000);
    for (let round = 0; round < 2; round++) {
      for (let n = 0; n < 600; n++) {
        const subject = { platform: 'ig', account: String(n) };
        expect(cache.value(cache.find(subject))).toBe(`v:${pseudonymise(secret, subject)}`);
      }
    }
  });

  it('finds in one cache what another stored in the shared table', () => {
    const secret = randomBytes(32);
    const table = createPseudonymTable(1000);
    const first = new PseudonymCache(secret, () => undefined, table);
    for (let n = 0; n < 500; n++) first.of({ platform: 'ig', account: String(n) });
    const second = new PseudonymCache(secret, () => undefined, table);
    for (let n = 0; n < 1000; n++) {
      const subject = { platform: 'ig', account: String(n) };
      expect(second.of(subject)).toBe(pseudonymise(secret, subject));
    }
    // The first 500 were found, not stored again; the next 500 are visible to the first cache.
    expect(first.stored).toBe(1000);
  });

  it('finds a subject given as bytes as it finds it given as strings', () => {
    const secret = randomBytes(32);
    const part = fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
      fc.constantFrom('p'.repeat(26), 'q'.repeat(140), 'r'.repeat(250)),
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ platform: part, account: part }), { minLength: 1, maxLength: 30 }),
        (subjects) => {
          const cache = new PseudonymCache(secret, (digest) => digest[0], 8);
          for (const subject of [...subjects, ...subjects]) {
            const line = Buffer.from(`{"p":"${subject.platform}","a":"${subject.account}"}`);
            const p = line.indexOf('"p":"') + 5;
            const pEnd = p + Buffer.byteLength(subject.platform);
            const a = pEnd + 7;
            const handle = cache.findBytes(
              line,
              p,
              pEnd,
              a,
              a + Buffer.byteLength(subject.account),
            );
            const expected = pseudonymise(secret, subject);
            expect(cache.pseudonym(handle)).toBe(expected);
            expect(cache.value(handle)).toBe(Buffer.from(expected, 'hex')[0]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('tells apart keys that differ only past the bytes an entry holds', () => {
    const secret = randomBytes(32);
    for (const table of [64, createPseudonymTable(64)]) {
      const cache = new PseudonymCache(secret, (digest) => digest[0], table);
      // Equal lengths, equal first 40 bytes (an entry holds 27).
      const subjects = ['ab', 'ba', 'aa', 'bb'].map((end) => ({
        platform: 'z'.repeat(30),
        account: `${'y'.repeat(10)}${end}`,
      }));
      for (let round = 0; round < 2; round++) {
        for (const subject of subjects) {
          expect(cache.of(subject)).toBe(pseudonymise(secret, subject));
        }
      }
      expect(cache.stored).toBe(4);
    }
  });
});
