import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymise } from '../../src/voice/index.js';

const RATE = 16000;
const F0 = 125; // a period of exactly 128 samples
const FORMANTS = [
  { hz: 600, bandwidth: 80 },
  { hz: 1300, bandwidth: 100 },
  { hz: 4000, bandwidth: 150 },
];

/** An impulse train at F0 through a cascade of two-pole resonators, one per formant. */
function vowel(seconds: number): Float32Array {
  const n = Math.round(seconds * RATE);
  let x = new Float64Array(n);
  for (let i = 0; i < n; i += RATE / F0) x[i] = 1;
  for (const { hz, bandwidth } of FORMANTS) {
    const r = Math.exp((-Math.PI * bandwidth) / RATE);
    const c1 = 2 * r * Math.cos((2 * Math.PI * hz) / RATE);
    const c2 = -r * r;
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) y[i] = x[i]! + c1 * (y[i - 1] ?? 0) + c2 * (y[i - 2] ?? 0);
    x = y;
  }
  const peak = x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  return Float32Array.from(x, (v) => (0.5 * v) / peak);
}

/** The McAdams prediction for a pole at `hz`: angle φ becomes φ^alpha. */
function predicted(hz: number, alpha: number): number {
  const phi = (2 * Math.PI * hz) / RATE;
  return (phi ** alpha * RATE) / (2 * Math.PI);
}

/**
 * Formant frequencies measured independently of the code under test: autocorrelation LPC
 * (Levinson–Durbin, not Burg) over a long Hamming window, then the peaks of the envelope
 * 1/|A(e^jω)| on a 1 Hz grid.
 */
function envelopePeaks(x: Float32Array, order = 14): number[] {
  const n = x.length;
  const w = Float64Array.from(
    x,
    (v, i) => v * (0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (n - 1))),
  );
  const r = new Float64Array(order + 1);
  for (let k = 0; k <= order; k++) for (let i = k; i < n; i++) r[k]! += w[i]! * w[i - k]!;
  let a = new Float64Array(order + 1);
  a[0] = 1;
  let err = r[0]!;
  for (let m = 1; m <= order; m++) {
    let acc = r[m]!;
    for (let j = 1; j < m; j++) acc += a[j]! * r[m - j]!;
    const k = -acc / err;
    const next = a.slice();
    for (let j = 1; j < m; j++) next[j] = a[j]! + k * a[m - j]!;
    next[m] = k;
    a = next;
    err *= 1 - k * k;
  }
  const env: number[] = [];
  for (let hz = 0; hz <= RATE / 2; hz++) {
    const wv = (2 * Math.PI * hz) / RATE;
    let re = 0;
    let im = 0;
    for (let j = 0; j <= order; j++) {
      re += a[j]! * Math.cos(wv * j);
      im -= a[j]! * Math.sin(wv * j);
    }
    env.push(-Math.log(re * re + im * im));
  }
  const peaks: number[] = [];
  for (let hz = 1; hz < env.length - 1; hz++) {
    if (env[hz]! > env[hz - 1]! && env[hz]! >= env[hz + 1]!) peaks.push(hz);
  }
  return peaks;
}

function nearest(peaks: number[], hz: number): number {
  return peaks.reduce((best, p) => (Math.abs(p - hz) < Math.abs(best - hz) ? p : best), -1e9);
}

/** Magnitude of the Hann-windowed DFT of x at one frequency. */
function magnitudeAt(x: Float32Array, hz: number): number {
  let re = 0;
  let im = 0;
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const v = x[i]! * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n));
    re += v * Math.cos((2 * Math.PI * hz * i) / RATE);
    im -= v * Math.sin((2 * Math.PI * hz * i) / RATE);
  }
  return Math.hypot(re, im);
}

function noisyTones(length: number, seed: number): Float32Array {
  const x = new Float32Array(length);
  let s = seed | 1;
  for (let i = 0; i < length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    x[i] =
      0.3 * Math.sin(i * 0.07) + 0.2 * Math.sin(i * 0.9 + 1) + 0.2 * ((s >>> 0) / 2 ** 32 - 0.5);
  }
  return x;
}

describe('anonymise', () => {
  it('returns the input when alpha is 1, at any sample rate and length', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(8000, 11025, 16000, 22050, 44100, 48000),
        fc.integer({ min: 0, max: 9000 }),
        fc.integer({ min: 1, max: 2 ** 30 }),
        (rate, length, seed) => {
          const x = noisyTones(length, seed);
          const y = anonymise(x, rate, { alpha: 1 });
          expect(y.length).toBe(length);
          let worst = 0;
          for (let i = 0; i < length; i++) worst = Math.max(worst, Math.abs(y[i]! - x[i]!));
          expect(worst).toBeLessThan(1e-5);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps the length, stays finite and never exceeds the input peak', () => {
    fc.assert(
      fc.property(
        fc.float32Array({ min: -1, max: 1, noNaN: true, maxLength: 4000 }),
        fc.double({ min: 0.5, max: 1.2, noNaN: true }),
        (x, alpha) => {
          const y = anonymise(x, RATE, { alpha });
          expect(y.length).toBe(x.length);
          const peakIn = x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
          for (const v of y) {
            expect(Number.isFinite(v)).toBe(true);
            expect(Math.abs(v)).toBeLessThanOrEqual(peakIn * (1 + 1e-6));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('leaves silence silent and rejects an alpha outside (0, 2]', () => {
    expect(anonymise(new Float32Array(4000), RATE).every((v) => v === 0)).toBe(true);
    for (const alpha of [0, -1, 3, Number.NaN]) {
      expect(() => anonymise(new Float32Array(10), RATE, { alpha })).toThrow(
        expect.objectContaining({ code: 'AUDIO_INVALID' }),
      );
    }
  });

  describe('on a synthetic vowel', () => {
    const input = vowel(1.2);
    const output = anonymise(input, RATE, { alpha: 0.8 });
    // Skip the onset and the end, where the resonators start and stop ringing.
    const steady = (x: Float32Array) => x.subarray(RATE / 10, RATE / 10 + RATE);

    it('measures the formants of the input where they were put (the measurement works)', () => {
      const peaks = envelopePeaks(steady(input));
      for (const f of FORMANTS) expect(Math.abs(nearest(peaks, f.hz) - f.hz)).toBeLessThan(40);
    });

    it('moves formants below 1 rad up and above 1 rad down, to about φ^0.8', () => {
      const peaks = envelopePeaks(steady(output));
      for (const f of FORMANTS) {
        const target = predicted(f.hz, 0.8);
        const got = nearest(peaks, target);
        // 600 → 803 Hz, 1300 → 1496 Hz (up); 4000 → 3654 Hz (down).
        expect(Math.sign(got - f.hz)).toBe(Math.sign(target - f.hz));
        expect(Math.abs(got - target)).toBeLessThan(0.25 * Math.abs(target - f.hz));
      }
    });

    it('keeps F0: the same period and energy at the same harmonics', () => {
      const y = steady(output);
      let bestLag = 0;
      let best = -Infinity;
      for (let lag = 40; lag <= 400; lag++) {
        let acc = 0;
        for (let i = lag; i < y.length; i++) acc += y[i]! * y[i - lag]!;
        if (acc > best) {
          best = acc;
          bestLag = lag;
        }
      }
      expect(bestLag).toBe(RATE / F0);
      let harmonic = 0;
      let between = 0;
      for (let k = 1; k <= 40; k++) {
        harmonic += magnitudeAt(y, k * F0) ** 2;
        between += magnitudeAt(y, (k + 0.5) * F0) ** 2;
      }
      expect(harmonic).toBeGreaterThan(100 * between);
    });

    it('changes the waveform', () => {
      let diff = 0;
      let energy = 0;
      for (let i = 0; i < input.length; i++) {
        diff += (output[i]! - input[i]!) ** 2;
        energy += input[i]! ** 2;
      }
      expect(diff / energy).toBeGreaterThan(0.1);
    });
  });
});
