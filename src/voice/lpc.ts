/**
 * Linear prediction by Burg's method, the method `librosa.lpc` uses in the VoicePrivacy
 * McAdams baseline. Burg is chosen over the autocorrelation (Levinson–Durbin) method for two
 * reasons: it matches the reference, and it does not assume the signal is zero outside the
 * 20 ms frame, which on such short frames gives sharper formant poles. Like the autocorrelation
 * method it keeps every reflection coefficient in (-1, 1), so A(z) is minimum phase and 1/A(z)
 * is stable.
 *
 * Writes `a[0..order]` (with `a[0] = 1`) for `x[0..length)`. `f` and `b` are scratch arrays of at
 * least `length` elements; nothing is allocated. Returns false when the frame has no energy, in
 * which case `a` is 1, 0, 0, ….
 */
export function burgLpc(
  x: Float64Array,
  length: number,
  order: number,
  a: Float64Array,
  f: Float64Array,
  b: Float64Array,
): boolean {
  a.fill(0, 0, order + 1);
  a[0] = 1;
  let energy = 0;
  for (let n = 0; n < length; n++) {
    const v = x[n]!;
    f[n] = v;
    b[n] = v;
    energy += v * v;
  }
  if (!(energy > 1e-30)) return false;
  for (let m = 1; m <= order && m < length; m++) {
    // Forward error f[n] and backward error b[n-1] of order m-1, over n = m … length-1.
    let num = 0;
    let den = 0;
    for (let n = m; n < length; n++) {
      const fn = f[n]!;
      const bn = b[n - 1]!;
      num += fn * bn;
      den += fn * fn + bn * bn;
    }
    if (!(den > 0)) break;
    const k = (-2 * num) / den;
    // a_m[j] = a_{m-1}[j] + k a_{m-1}[m-j], updated from both ends in place.
    for (let i = 1, j = m - 1; i <= j; i++, j--) {
      const ai = a[i]!;
      const aj = a[j]!;
      a[i] = ai + k * aj;
      if (i !== j) a[j] = aj + k * ai;
    }
    a[m] = k;
    // Descending so that b[n-1] is still the order m-1 value when b[n] is written.
    for (let n = length - 1; n >= m; n--) {
      const fn = f[n]!;
      const bn = b[n - 1]!;
      f[n] = fn + k * bn;
      b[n] = bn + k * fn;
    }
  }
  return true;
}
