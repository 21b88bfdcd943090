import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprintId, IdFingerprintSet } from '../../src/evaluation/id-set.js';
import { SpillingIdSet } from '../../src/evaluation/id-spill-set.js';

describe('IdFingerprintSet', () => {
  it('answers like a Set of strings, across many partition growths', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 3000 }), (ids) => {
        const set = new IdFingerprintSet();
        const model = new Set<string>();
        // Each answer and the model's, compared once: an assertion per id cost more than the set.
        const answers: boolean[] = [];
        const wanted: boolean[] = [];
        for (const id of ids) {
          answers.push(set.add(id));
          wanted.push(!model.has(id));
          model.add(id);
        }
        expect(answers).toEqual(wanted);
        expect(set.size).toBe(model.size);
      }),
      { numRuns: 50 },
    );
  });

  it('holds a hundred thousand distinct ids and finds every repeat', () => {
    const set = new IdFingerprintSet();
    // The ids answered wrongly, asserted once (an assertion per id cost more than the set).
    const wrong: number[] = [];
    for (let i = 0; i < 100_000; i++) if (set.add(`post-${i}`) !== true) wrong.push(i);
    for (let i = 0; i < 100_000; i += 997) if (set.add(`post-${i}`) !== false) wrong.push(i);
    expect(wrong).toEqual([]);
    expect(set.size).toBe(100_000);
  });
});

describe('SpillingIdSet', () => {
  it('answers like a Set of fingerprints while spilling sorted runs to disk', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'obhut-ids-'));
    try {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 40 })), {
            maxLength: 600,
          }),
          fc.integer({ min: 1, max: 50 }),
          (keys, runEntries) => {
            const file = path.join(dir, `spill-${Math.random()}`);
            const set = new SpillingIdSet(file, runEntries);
            const model = new Set<string>();
            try {
              const answers: boolean[] = [];
              const wanted: boolean[] = [];
              for (const [hi, lo] of keys) {
                const key = `${hi}:${lo}`;
                answers.push(set.add(hi, lo));
                wanted.push(!model.has(key));
                model.add(key);
              }
              expect(answers).toEqual(wanted);
            } finally {
              set.close();
            }
            expect(existsSync(file)).toBe(false);
          },
        ),
        { numRuns: 100 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds repeats of ids spilled long ago among a quarter of a million', () => {
    const file = path.join(tmpdir(), `obhut-ids-${process.pid}`);
    const set = new SpillingIdSet(file, 10_000);
    try {
      // The ids answered wrongly, asserted once (an assertion per id cost more than the set).
      const wrong: number[] = [];
      for (let i = 0; i < 250_000; i++) {
        const { hi, lo } = fingerprintId(`post-${i}`);
        if (set.add(hi, lo) !== true) wrong.push(i);
      }
      for (let i = 0; i < 250_000; i += 4_999) {
        const { hi, lo } = fingerprintId(`post-${i}`);
        if (set.add(hi, lo) !== false) wrong.push(i);
      }
      expect(wrong).toEqual([]);
    } finally {
      set.close();
    }
  });
});
