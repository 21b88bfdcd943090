import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alphaFor, anonymise, MCADAMS_RANDOM } from '../../src/voice/index.js';

describe('alphaFor', () => {
  it('is deterministic: the same seed gives the same alpha, as a string or as its bytes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (seed) => {
        const a = alphaFor(seed);
        expect(alphaFor(seed)).toBe(a);
        expect(alphaFor(new TextEncoder().encode(seed))).toBe(a);
      }),
    );
    // Pinned (checked against Python hashlib), so a change to the derivation (and so to every reviewer copy) is noticed.
    expect(alphaFor('ri_0')).toBe(alphaFor('ri_0', MCADAMS_RANDOM));
    expect(alphaFor('ri_0')).toBe(0.5528466686827161);
  });

  it('stays within the range, ends included', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 32 }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, max, fraction) => {
          const min = Math.max(Number.MIN_VALUE, max * fraction);
          const alpha = alphaFor(seed, { min, max });
          expect(alpha).toBeGreaterThanOrEqual(min);
          expect(alpha).toBeLessThanOrEqual(max);
        },
      ),
    );
    expect(alphaFor('x', { min: 0.7, max: 0.7 })).toBe(0.7);
    const a = alphaFor('x', { min: 0.7 });
    expect(a >= 0.7 && a <= MCADAMS_RANDOM.max).toBe(true);
  });

  it('spreads seeds uniformly over the range', () => {
    const n = 20_000;
    const bins = new Array<number>(10).fill(0);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const alpha = alphaFor(`utterance-${i}`);
      sum += alpha;
      bins[Math.min(9, Math.floor(((alpha - 0.5) / 0.4) * 10))]!++;
    }
    expect(sum / n).toBeCloseTo(0.7, 2);
    // Chi-squared with 9 degrees of freedom; 27.9 is its 0.999 quantile.
    const expected = n / 10;
    const chi2 = bins.reduce((acc, b) => acc + (b - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(27.9);
    // Neighbouring seeds are not correlated.
    let lag = 0;
    for (let i = 1; i < 2000; i++) {
      lag += (alphaFor(`utterance-${i}`) - 0.7) * (alphaFor(`utterance-${i - 1}`) - 0.7);
    }
    expect(Math.abs(lag / 1999 / (0.4 ** 2 / 12))).toBeLessThan(0.1);
  });

  it('rejects a range outside (0, 2] or upside down', () => {
    for (const range of [{ min: 0 }, { max: 2.5 }, { min: 0.9, max: 0.5 }, { min: Number.NaN }]) {
      expect(() => alphaFor('x', range)).toThrow(
        expect.objectContaining({ code: 'AUDIO_INVALID' }),
      );
    }
  });

  it('with the range pinned at 1, anonymising still changes nothing', () => {
    const x = Float32Array.from({ length: 3000 }, (_, i) => 0.4 * Math.sin(i * 0.05));
    const y = anonymise(x, 16000, { alpha: alphaFor('seed', { min: 1, max: 1 }) });
    for (let i = 0; i < x.length; i++) expect(Math.abs(y[i]! - x[i]!)).toBeLessThan(1e-5);
  });
});
