import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerValue,
  majorityAnswer,
  NominalAlpha,
  pairwiseAgreement,
} from '../../src/review/agreement.js';

/**
 * The reference: alpha = 1 − D_o / D_e straight from the definition, by enumerating pairs.
 * D_o averages, per pairable value, the disagreements with the other values of its unit (each
 * unit weighted 1 / (m_u − 1)); D_e is the disagreement among all pairs of pairable values.
 */
function referenceAlpha(units: readonly (readonly string[])[]): number | null {
  const pairable = units.filter((u) => u.length >= 2);
  const all = pairable.flat();
  const n = all.length;
  if (n === 0) return null;
  let observed = 0;
  for (const u of pairable) {
    let d = 0;
    for (let i = 0; i < u.length; i++)
      for (let j = 0; j < u.length; j++) if (i !== j && u[i] !== u[j]) d++;
    observed += d / (u.length - 1);
  }
  observed /= n;
  let expected = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) if (i !== j && all[i] !== all[j]) expected++;
  expected /= n * (n - 1);
  return expected === 0 ? null : 1 - observed / expected;
}

function alphaOf(units: readonly (readonly string[])[]) {
  const acc = new NominalAlpha();
  for (const u of units) acc.add(u);
  return acc.result();
}

describe('Krippendorff alpha (nominal)', () => {
  it('matches the published example: Krippendorff (2011), 4 observers, 12 units, missing data, α = 0.743', () => {
    // "Computing Krippendorff's Alpha-Reliability" (K. Krippendorff, 2011, Annenberg School for
    // Communication, University of Pennsylvania), section C: nominal data, any number of
    // observers, missing values. One list per unit: the values the observers A–D gave.
    const units = [
      ['1', '1', '1'],
      ['2', '2', '3', '2'],
      ['3', '3', '3', '3'],
      ['3', '3', '3', '3'],
      ['2', '2', '2', '2'],
      ['1', '2', '3', '4'],
      ['4', '4', '4', '4'],
      ['1', '1', '2', '1'],
      ['2', '2', '2', '2'],
      ['5', '5', '5'],
      ['1', '1'],
      ['3'],
    ];
    const result = alphaOf(units);
    expect(result.alpha).not.toBeNull();
    expect(result.alpha!).toBeCloseTo(0.743, 3);
    expect(result.items).toBe(11);
    expect(result.answers).toBe(40);
  });

  it('equals the pairwise reference computation on any data', () => {
    const unit = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 0, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (units) => {
        const got = alphaOf(units).alpha;
        const want = referenceAlpha(units);
        if (want === null) expect(got).toBeNull();
        else expect(got).toBeCloseTo(want, 9);
      }),
    );
  });

  it('is 1 when every item is answered alike (and two values occur), and ignores the order of items and answers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('x', 'y', 'z'), fc.integer({ min: 2, max: 5 })), {
          minLength: 1,
          maxLength: 20,
        }),
        (spec) => {
          const units = spec.map(([v, m]) => Array.from({ length: m }, () => v));
          const result = alphaOf(units).alpha;
          if (new Set(spec.map(([v]) => v)).size < 2) expect(result).toBeNull();
          else expect(result).toBeCloseTo(1, 12);
          const shuffled = [...units].reverse().map((u) => [...u].reverse());
          expect(alphaOf(shuffled).alpha).toEqual(result);
        },
      ),
    );
  });

  it('skips items with fewer than two answers', () => {
    expect(alphaOf([['a'], []]).items).toBe(0);
    expect(alphaOf([['a'], []]).alpha).toBeNull();
  });
});

describe('per item: values, pairwise agreement, majority', () => {
  it('treats a multiple-choice answer as its set of options', () => {
    expect(answerValue({ labels: { q: ['b', 'a'] } }, 'q')).toBe(
      answerValue({ labels: { q: ['a', 'b'] } }, 'q'),
    );
    expect(answerValue({ labels: { q: 'a' } }, 'q')).toBe('a');
    expect(answerValue({ labels: {} }, 'q')).toBeUndefined();
  });

  it('counts agreeing pairs', () => {
    expect(pairwiseAgreement(['a'])).toBeNull();
    expect(pairwiseAgreement(['a', 'a'])).toBe(1);
    expect(pairwiseAgreement(['a', 'b'])).toBe(0);
    expect(pairwiseAgreement(['a', 'a', 'b'])).toBeCloseTo(1 / 3, 12);
  });

  it('names a majority only when more than half agree', () => {
    expect(majorityAnswer({}, ['a', 'a', 'b'])).toBe('a');
    expect(majorityAnswer({}, ['a', 'b'])).toBeNull();
    expect(majorityAnswer({}, [])).toBeNull();
    expect(majorityAnswer({ multiple: true }, [['a', 'b'], ['b'], ['b', 'c']])).toEqual(['b']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 9 }), (given) => {
        const m = majorityAnswer({}, given);
        if (m !== null)
          expect(given.filter((g) => g === m).length * 2).toBeGreaterThan(given.length);
        else
          for (const v of new Set(given))
            expect(given.filter((g) => g === v).length * 2).toBeLessThanOrEqual(given.length);
      }),
    );
  });
});
