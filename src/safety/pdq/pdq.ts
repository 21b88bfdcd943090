import { dct64To16 } from './dct.js';
import { DIHEDRAL_VARIANTS, type DihedralVariant, dctToHash, transformDct } from './dihedral.js';
import { decimate64, jaroszFilter, jaroszWindowSize } from './downscale.js';
import { emptyHash256, type Hash256 } from './hash256.js';
import type { LumaImage } from './luma.js';
import { pdqQuality } from './quality.js';

/** Images smaller than this in either dimension hash to all zeros with quality 0. */
export const PDQ_MIN_HASHABLE_DIM = 5;

export interface PdqResult {
  readonly hash: Hash256;
  readonly quality: number;
}

export interface PdqDihedralResult {
  readonly quality: number;
  readonly hashes: Readonly<Record<DihedralVariant, Hash256>>;
}

/** The 64×64 float buffer the DCT and the quality metric work on. */
function downsample(luma: LumaImage, skipBlurAt64: boolean): Float32Array {
  const { width: cols, height: rows } = luma;
  if (skipBlurAt64 && rows === 64 && cols === 64) return Float32Array.from(luma.data);
  const buffer1 = Float32Array.from(luma.data);
  const buffer2 = new Float32Array(buffer1.length);
  jaroszFilter(buffer1, buffer2, rows, cols, jaroszWindowSize(cols), jaroszWindowSize(rows));
  return decimate64(buffer1, rows, cols);
}

function isHashable(luma: LumaImage): boolean {
  return luma.width >= PDQ_MIN_HASHABLE_DIM && luma.height >= PDQ_MIN_HASHABLE_DIM;
}

/**
 * PDQ hash and quality of a luma image, bit-exact with the reference's
 * `pdqHash256FromFloatLuma` (which copies a 64×64 input straight through without blurring).
 */
export function pdqHash(luma: LumaImage): PdqResult {
  if (!isHashable(luma)) return { hash: emptyHash256(), quality: 0 };
  const a = downsample(luma, true);
  return { hash: dctToHash(dct64To16(a)), quality: pdqQuality(a) };
}

/**
 * The eight dihedral hashes from one DCT, as the reference's
 * `pdqDihedralHash256esFromFloatLuma` computes them (always blurring, even at 64×64).
 */
export function pdqDihedralHashes(luma: LumaImage): PdqDihedralResult {
  const zero = !isHashable(luma);
  const a = zero ? undefined : downsample(luma, false);
  const b = a ? dct64To16(a) : undefined;
  const hashes = {} as Record<DihedralVariant, Hash256>;
  for (const variant of DIHEDRAL_VARIANTS) {
    hashes[variant] = b ? dctToHash(transformDct(b, variant)) : emptyHash256();
  }
  return { quality: a ? pdqQuality(a) : 0, hashes };
}
