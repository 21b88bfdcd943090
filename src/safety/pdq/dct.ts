// The 16×64 DCT-II basis without the DC row, and the 64×64 → 16×16 transform, in float32
// arithmetic with the reference's summation order (pdq/cpp/hashing/pdqhashing.cpp).
const fround = Math.fround;

function buildDctMatrix(): Float32Array {
  const m = new Float32Array(16 * 64);
  const scale = fround(Math.sqrt(2 / 64));
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 64; j++) {
      // Product in double, then stored as float, as `float * cos(double)` is in C++.
      m[i * 64 + j] = scale * Math.cos((Math.PI / 2 / 64) * (i + 1) * (2 * j + 1));
    }
  }
  return m;
}

/** D[i][j], row-major 16×64; row i is frequency i + 1. */
export const DCT_MATRIX: Float32Array = buildDctMatrix();

/** B = D · A · Dᵀ for a row-major 64×64 A; returns row-major 16×16. */
export function dct64To16(a: Float32Array): Float32Array {
  const d = DCT_MATRIX;
  const t = new Float32Array(16 * 64);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 64; j++) {
      let sum = 0;
      for (let k = 0; k < 64; k++) sum = fround(sum + fround(d[i * 64 + k]! * a[k * 64 + j]!));
      t[i * 64 + j] = sum;
    }
  }
  const b = new Float32Array(16 * 16);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      let sum = 0;
      for (let k = 0; k < 64; k++) sum = fround(sum + fround(t[i * 64 + k]! * d[j * 64 + k]!));
      b[i * 16 + j] = sum;
    }
  }
  return b;
}
