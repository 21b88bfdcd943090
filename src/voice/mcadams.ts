import { ObhutError } from '../errors/index.js';
import { burgLpc } from './lpc.js';
import { aberthRoots, circleGuesses } from './roots.js';

export interface McAdamsOptions {
  /** The McAdams coefficient: each pole angle φ becomes sign(φ)·|φ|^alpha. 1 changes nothing. */
  readonly alpha?: number;
}

export const MCADAMS = { alpha: 0.8, frameMs: 20, hopMs: 10, order: 20 } as const;

// A root is treated as real when its imaginary part is this small relative to its magnitude;
// a real root nudged off the axis by rounding must not be rotated as if it had a partner.
const REAL_ROOT_TOLERANCE = 1e-8;

/** Scratch buffers for one call, so the per-frame loop allocates nothing. */
class Workspace {
  readonly frame: Float64Array;
  readonly out: Float64Array;
  readonly f: Float64Array;
  readonly b: Float64Array;
  readonly a: Float64Array;
  readonly a2: Float64Array;
  readonly re: Float64Array;
  readonly im: Float64Array;
  readonly prevRe: Float64Array;
  readonly prevIm: Float64Array;
  readonly polyRe: Float64Array;
  readonly polyIm: Float64Array;
  warm = false;

  constructor(winlen: number, order: number) {
    this.frame = new Float64Array(winlen);
    this.out = new Float64Array(winlen);
    this.f = new Float64Array(winlen);
    this.b = new Float64Array(winlen);
    this.a = new Float64Array(order + 1);
    this.a2 = new Float64Array(order + 1);
    this.re = new Float64Array(order);
    this.im = new Float64Array(order);
    this.prevRe = new Float64Array(order);
    this.prevIm = new Float64Array(order);
    this.polyRe = new Float64Array(order + 1);
    this.polyIm = new Float64Array(order + 1);
  }
}

/**
 * Speaker anonymisation by the McAdams coefficient, as in the VoicePrivacy Challenge B2 baseline
 * (Patino et al., Interspeech 2021): 20 ms frames every 10 ms, windowed by sqrt(hann / K); Burg
 * LPC of order 20; the angle φ of every complex pole becomes sign(φ)·|φ|^alpha with its
 * magnitude kept, real poles stay; the frame is inverse-filtered with the original A(z),
 * resynthesised through 1/A'(z), windowed again and overlap-added. With alpha < 1, poles below
 * 1 rad (2.5 kHz at 16 kHz) move up and those above move down; F0 and timing live in the
 * residual and are kept, so the output has the input's length and word timestamps stay valid.
 *
 * Differences from the reference, each so that alpha = 1 returns the input: the Hann window is
 * periodic and the overlap-add is divided by the summed squared window (exactly 1 wherever the
 * frame is an even number of samples, as at 16 kHz), frames start one hop before the signal so
 * the first and last 10 ms are covered twice too, silent frames pass through instead of getting
 * an epsilon added, and the result is scaled to the input's peak rather than to full scale
 * (which also means it never clips).
 */
export function anonymise(
  samples: Float32Array,
  sampleRate: number,
  options: McAdamsOptions = {},
): Float32Array {
  const alpha = options.alpha ?? MCADAMS.alpha;
  if (!(alpha > 0 && alpha <= 2)) {
    throw new ObhutError('AUDIO_INVALID', `McAdams alpha must be in (0, 2], not ${alpha}`);
  }
  const length = samples.length;
  const winlen = Math.floor((MCADAMS.frameMs * sampleRate) / 1000);
  const shift = Math.floor((MCADAMS.hopMs * sampleRate) / 1000);
  if (length === 0 || winlen <= MCADAMS.order || shift < 1) return new Float32Array(samples);

  const win = new Float64Array(winlen);
  let hannSum = 0;
  for (let i = 0; i < winlen; i++) hannSum += 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / winlen);
  const K = hannSum / shift;
  for (let i = 0; i < winlen; i++) {
    win[i] = Math.sqrt((0.5 - 0.5 * Math.cos((2 * Math.PI * i) / winlen)) / K);
  }

  const acc = new Float64Array(length);
  const norm = new Float64Array(length);
  const ws = new Workspace(winlen, MCADAMS.order);
  const first = -shift * (Math.ceil(winlen / shift) - 1);
  for (let start = first; start < length; start += shift) {
    const frame = ws.frame;
    for (let i = 0; i < winlen; i++) {
      const n = start + i;
      frame[i] = n >= 0 && n < length ? samples[n]! * win[i]! : 0;
    }
    const y = warpFrame(ws, winlen, alpha) ? ws.out : frame;
    const from = Math.max(0, -start);
    const to = Math.min(winlen, length - start);
    for (let i = from; i < to; i++) {
      const w = win[i]!;
      acc[start + i]! += y[i]! * w;
      norm[start + i]! += w * w;
    }
  }

  let peakIn = 0;
  let peakOut = 0;
  for (let n = 0; n < length; n++) {
    const v = norm[n]! > 0 ? acc[n]! / norm[n]! : 0;
    acc[n] = v;
    peakIn = Math.max(peakIn, Math.abs(samples[n]!));
    peakOut = Math.max(peakOut, Math.abs(v));
  }
  const scale = peakOut > 0 ? Math.min(peakIn, 1) / peakOut : 0;
  const result = new Float32Array(length);
  for (let n = 0; n < length; n++) result[n] = acc[n]! * scale;
  return result;
}

/**
 * LPC, pole rotation and re-filtering of `ws.frame` into `ws.out`. Returns false (leaving the
 * frame to pass through) when the frame is silent or its roots could not be found.
 */
function warpFrame(ws: Workspace, winlen: number, alpha: number): boolean {
  const p = MCADAMS.order;
  const { frame, a, a2, re, im } = ws;
  if (!burgLpc(frame, winlen, p, a, ws.f, ws.b)) return false;

  // Roots of z^p + a1 z^(p-1) + … + ap, i.e. the poles of 1/A(z). Neighbouring frames have
  // similar poles, so the last frame's roots are the first guesses; a cold start is the fallback.
  let found = false;
  if (ws.warm) {
    re.set(ws.prevRe);
    im.set(ws.prevIm);
    found = aberthRoots(a, p, re, im, 16);
  }
  if (!found) {
    circleGuesses(p, 0.9, re, im);
    found = aberthRoots(a, p, re, im, 300);
  }
  ws.warm = found;
  if (!found) return false;
  ws.prevRe.set(re);
  ws.prevIm.set(im);

  // Rotate the complex poles, then a' = real(poly(new poles)).
  const { polyRe, polyIm } = ws;
  polyRe.fill(0);
  polyIm.fill(0);
  polyRe[0] = 1;
  for (let k = 0; k < p; k++) {
    let zr = re[k]!;
    let zi = im[k]!;
    const mag = Math.hypot(zr, zi);
    if (Math.abs(zi) > REAL_ROOT_TOLERANCE * mag) {
      const phi = Math.atan2(zi, zr);
      const warped = Math.sign(phi) * Math.abs(phi) ** alpha;
      zr = mag * Math.cos(warped);
      zi = mag * Math.sin(warped);
    } else {
      zi = 0;
    }
    // Multiply the polynomial by (z - root).
    for (let j = k + 1; j >= 1; j--) {
      const pr = polyRe[j - 1]!;
      const pi = polyIm[j - 1]!;
      polyRe[j] = polyRe[j]! - (zr * pr - zi * pi);
      polyIm[j] = polyIm[j]! - (zr * pi + zi * pr);
    }
  }
  for (let j = 0; j <= p; j++) a2[j] = polyRe[j]!;

  // Residual through the original A(z), straight into the all-pole filter 1/A'(z).
  const out = ws.out;
  for (let n = 0; n < winlen; n++) {
    const top = Math.min(n, p);
    let e = frame[n]!;
    for (let j = 1; j <= top; j++) e += a[j]! * frame[n - j]!;
    let v = e;
    for (let j = 1; j <= top; j++) v -= a2[j]! * out[n - j]!;
    out[n] = v;
  }
  return true;
}
