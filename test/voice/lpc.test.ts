import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { burgLpc } from '../../src/voice/lpc.js';
import { aberthRoots, circleGuesses } from '../../src/voice/roots.js';

describe('aberthRoots', () => {
  it('finds the roots a real polynomial was built from', () => {
    const pole = fc.record({
      r: fc.double({ min: 0.05, max: 0.995, noNaN: true }),
      phi: fc.double({ min: 0.05, max: Math.PI - 0.05, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(pole, { minLength: 1, maxLength: 10 }),
        fc.array(fc.double({ min: -0.95, max: 0.95, noNaN: true }), { maxLength: 3 }),
        (pairs, reals) => {
          const roots: Array<[number, number]> = [];
          for (const { r, phi } of pairs) {
            roots.push(
              [r * Math.cos(phi), r * Math.sin(phi)],
              [r * Math.cos(phi), -r * Math.sin(phi)],
            );
          }
          for (const x of reals) roots.push([x + 1e-3 * roots.length, 0]);
          const n = roots.length;
          // Repeated roots are ill-conditioned (a k-fold root is only found to about eps^(1/k)),
          // so the property is stated for roots some distance apart; and the distance to the
          // nearest other root bounds how precisely a root can be expected back.
          let separation = Infinity;
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < i; j++) {
              const [ar, ai] = roots[i]!;
              const [br, bi] = roots[j]!;
              separation = Math.min(separation, Math.hypot(ar - br, ai - bi));
            }
          }
          fc.pre(separation > 0.02);
          const coefficients = expand(roots);
          const zr = new Float64Array(n);
          const zi = new Float64Array(n);
          circleGuesses(n, 0.9, zr, zi);
          aberthRoots(coefficients.re, n, zr, zi, 500);
          // Backward error of each root found: |p(z)| relative to Σ |c_k| |z|^(n-k), the size of
          // the terms Horner adds up (so rounding alone gives ~1e-16 times n). It holds for
          // clustered roots too, which the forward error below does not.
          for (let k = 0; k < n; k++) {
            expect(relativeResidual(coefficients.re, zr[k]!, zi[k]!)).toBeLessThan(1e-10);
          }
          // Forward error, for roots well apart (a cluster of ten roots 0.02 apart is not).
          if (separation > 0.1) {
            for (const [tr, ti] of roots) {
              let best = Infinity;
              for (let k = 0; k < n; k++)
                best = Math.min(best, Math.hypot(zr[k]! - tr, zi[k]! - ti));
              expect(best).toBeLessThan(1e-6);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** |p(z)| / Σ |c_k| |z|^(n-k) for the monic polynomial with coefficients c (highest first). */
function relativeResidual(c: Float64Array, zr: number, zi: number): number {
  let pr = 1;
  let pi = 0;
  let size = 1;
  const modulus = Math.hypot(zr, zi);
  for (let k = 1; k < c.length; k++) {
    const ur = pr * zr - pi * zi + c[k]!;
    pi = pr * zi + pi * zr;
    pr = ur;
    size = size * modulus + Math.abs(c[k]!);
  }
  return Math.hypot(pr, pi) / size;
}

/** The coefficients of Π (z - root), highest power first, with complex arithmetic. */
function expand(roots: readonly [number, number][]): { re: Float64Array; im: Float64Array } {
  const n = roots.length;
  const re = new Float64Array(n + 1);
  const im = new Float64Array(n + 1);
  re[0] = 1;
  roots.forEach(([zr, zi], k) => {
    for (let j = k + 1; j >= 1; j--) {
      const pr = re[j - 1]!;
      const pi = im[j - 1]!;
      re[j] = re[j]! - (zr * pr - zi * pi);
      im[j] = im[j]! - (zr * pi + zi * pr);
    }
  });
  return { re, im };
}

describe('relativeResidual', () => {
  it('is tiny at a root and not near one', () => {
    // (z - 0.5)(z + 0.3)(z² - 1.2z + 0.72): roots 0.5, -0.3 and 0.6 ± 0.6i.
    const c = expand([
      [0.5, 0],
      [-0.3, 0],
      [0.6, 0.6],
      [0.6, -0.6],
    ]).re;
    expect(relativeResidual(c, 0.6, 0.6)).toBeLessThan(1e-15);
    expect(relativeResidual(c, 0.6 + 1e-3, 0.6)).toBeGreaterThan(1e-10);
    expect(relativeResidual(c, 0.5 + 1e-6, 0)).toBeGreaterThan(1e-10);
  });
});

describe('burgLpc', () => {
  it('recovers the coefficients of an AR(2) process', () => {
    // x[n] = 1.6 x[n-1] - 0.8 x[n-2] + noise, i.e. A(z) = 1 - 1.6 z^-1 + 0.8 z^-2.
    const n = 4000;
    const x = new Float64Array(n);
    let s = 12345;
    for (let i = 0; i < n; i++) {
      s = (s * 1103515245 + 12345) >>> 0;
      const e = s / 2 ** 32 - 0.5;
      x[i] = e + 1.6 * (x[i - 1] ?? 0) - 0.8 * (x[i - 2] ?? 0);
    }
    const a = new Float64Array(3);
    expect(burgLpc(x, n, 2, a, new Float64Array(n), new Float64Array(n))).toBe(true);
    expect(a[0]).toBe(1);
    expect(a[1]).toBeCloseTo(-1.6, 1);
    expect(a[2]).toBeCloseTo(0.8, 1);
  });

  it('reports a silent frame', () => {
    const a = new Float64Array(5);
    const z = new Float64Array(100);
    expect(burgLpc(z, 100, 4, a, new Float64Array(100), new Float64Array(100))).toBe(false);
    expect(Array.from(a)).toEqual([1, 0, 0, 0, 0]);
  });
});
