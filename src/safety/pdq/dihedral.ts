import { emptyHash256, type Hash256 } from './hash256.js';

/** The eight symmetries of the square, in the order the reference prints them. */
export const DIHEDRAL_VARIANTS = [
  'original',
  'rotate90',
  'rotate180',
  'rotate270',
  'flipX',
  'flipY',
  'flipPlus1',
  'flipMinus1',
] as const;
export type DihedralVariant = (typeof DIHEDRAL_VARIANTS)[number];

/**
 * The DCT of the transformed image, derived from the original DCT: flipping an axis multiplies
 * frequency u = index + 1 by (−1)^u; a transpose swaps the indices.
 */
export function transformDct(b: Float32Array, variant: DihedralVariant): Float32Array {
  const out = new Float32Array(256);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      const v = b[i * 16 + j]!;
      const iOdd = (i & 1) === 1;
      const jOdd = (j & 1) === 1;
      switch (variant) {
        case 'original':
          out[i * 16 + j] = v;
          break;
        case 'rotate90':
          out[j * 16 + i] = jOdd ? v : -v;
          break;
        case 'rotate180':
          out[i * 16 + j] = iOdd !== jOdd ? -v : v;
          break;
        case 'rotate270':
          out[j * 16 + i] = iOdd ? v : -v;
          break;
        case 'flipX':
          out[i * 16 + j] = iOdd ? v : -v;
          break;
        case 'flipY':
          out[i * 16 + j] = jOdd ? v : -v;
          break;
        case 'flipPlus1':
          out[j * 16 + i] = v;
          break;
        case 'flipMinus1':
          out[j * 16 + i] = iOdd !== jOdd ? -v : v;
          break;
      }
    }
  }
  return out;
}

/** Bit k = 16·i + j is set iff B[i][j] is strictly above the lower median (the 128th smallest). */
export function dctToHash(b: Float32Array): Hash256 {
  const sorted = Float32Array.from(b).sort();
  const median = sorted[127]!;
  const hash = emptyHash256();
  for (let k = 0; k < 256; k++) if (b[k]! > median) hash[k >> 5] = hash[k >> 5]! | (1 << (k & 31));
  return hash;
}
