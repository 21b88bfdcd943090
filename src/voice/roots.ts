/**
 * All complex roots of the monic polynomial z^n + c[1] z^(n-1) + … + c[n] by the Aberth–Ehrlich
 * method (Newton's correction deflated by the other root estimates; cubic convergence for simple
 * roots), updating each root in place as soon as its correction is known (Gauss–Seidel style).
 *
 * `re` and `im` hold the starting guesses on entry and the roots on return; they must be
 * pairwise distinct. Returns true when every correction fell below the tolerance.
 */
export function aberthRoots(
  c: Float64Array,
  n: number,
  re: Float64Array,
  im: Float64Array,
  maxIterations = 80,
): boolean {
  for (let iter = 0; iter < maxIterations; iter++) {
    let converged = true;
    for (let i = 0; i < n; i++) {
      const zr = re[i]!;
      const zi = im[i]!;
      // Horner for p(z) and p'(z) together.
      let pr = 1;
      let pi = 0;
      let dr = 0;
      let di = 0;
      for (let k = 1; k <= n; k++) {
        const tr = dr * zr - di * zi + pr;
        di = dr * zi + di * zr + pi;
        dr = tr;
        const ur = pr * zr - pi * zi + c[k]!;
        pi = pr * zi + pi * zr;
        pr = ur;
      }
      // Newton ratio q = p / p'.
      const dd = dr * dr + di * di;
      if (dd === 0) {
        if (pr === 0 && pi === 0) continue;
        // A critical point: nudge off it and try again next sweep.
        re[i] = zr + 1e-3;
        im[i] = zi + 1e-3;
        converged = false;
        continue;
      }
      const qr = (pr * dr + pi * di) / dd;
      const qi = (pi * dr - pr * di) / dd;
      // s = Σ_{j≠i} 1 / (z_i - z_j)
      let sr = 0;
      let si = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const er = zr - re[j]!;
        const ei = zi - im[j]!;
        const ee = er * er + ei * ei;
        if (ee === 0) continue;
        sr += er / ee;
        si -= ei / ee;
      }
      // w = q / (1 - q s)
      const den_r = 1 - (qr * sr - qi * si);
      const den_i = -(qr * si + qi * sr);
      const dn = den_r * den_r + den_i * den_i;
      const wr = dn === 0 ? qr : (qr * den_r + qi * den_i) / dn;
      const wi = dn === 0 ? qi : (qi * den_r - qr * den_i) / dn;
      re[i] = zr - wr;
      im[i] = zi - wi;
      if (wr * wr + wi * wi > 1e-22 * (1 + zr * zr + zi * zi)) converged = false;
    }
    if (converged) return true;
  }
  return false;
}

/**
 * Fixed starting guesses on a circle of the given radius, rotated off the real axis so no guess
 * is real and no two are conjugate (a conjugate-symmetric start can never leave the real axis).
 */
export function circleGuesses(n: number, radius: number, re: Float64Array, im: Float64Array) {
  for (let k = 0; k < n; k++) {
    const t = (2 * Math.PI * k) / n + 0.4;
    re[k] = radius * Math.cos(t);
    im[k] = radius * Math.sin(t);
  }
}
