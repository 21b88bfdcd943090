import { dct64To16 } from './dct.js';
import { DIHEDRAL_VARIANTS, type DihedralVariant, dctToHash, transformDct } from './dihedral.js';
import { jaroszDownsample64, type RowSource } from './downscale.js';
import { jaroszDownsample64SimdPixels } from './downscale-simd.js';
import { emptyHash256, type Hash256 } from './hash256.js';
import {
  checkPixelLength,
  type LumaImage,
  lumaRow,
  lumaRowSampled,
  nearestIndices,
  type PixelImage,
} from './luma.js';
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

/**
 * The 64×64 float buffer the DCT and the quality metric work on: two Jarosz passes and the
 * decimation. Overwritten by the next call.
 */
const downsampled = new Float32Array(64 * 64);

function downsampleLuma(luma: LumaImage, skipBlurAt64: boolean): Float32Array {
  const { width: cols, height: rows, data } = luma;
  if (skipBlurAt64 && rows === 64 && cols === 64) return data;
  return jaroszDownsample64(
    (r, row) => row.set(data.subarray(r * cols, r * cols + cols)),
    rows,
    cols,
    downsampled,
  );
}

function isHashable(image: { readonly width: number; readonly height: number }): boolean {
  return image.width >= PDQ_MIN_HASHABLE_DIM && image.height >= PDQ_MIN_HASHABLE_DIM;
}

/**
 * PDQ hash and quality of a luma image, bit-exact with the reference's
 * `pdqHash256FromFloatLuma` (which copies a 64×64 input straight through without blurring).
 */
export function pdqHash(luma: LumaImage): PdqResult {
  if (!isHashable(luma)) return { hash: emptyHash256(), quality: 0 };
  const a = downsampleLuma(luma, true);
  return { hash: dctToHash(dct64To16(a)), quality: pdqQuality(a) };
}

/**
 * The eight dihedral hashes from one DCT, as the reference's
 * `pdqDihedralHash256esFromFloatLuma` computes them (always blurring, even at 64×64).
 */
export function pdqDihedralHashes(luma: LumaImage): PdqDihedralResult {
  const zero = !isHashable(luma);
  const a = zero ? undefined : downsampleLuma(luma, false);
  const b = a ? dct64To16(a) : undefined;
  const hashes = {} as Record<DihedralVariant, Hash256>;
  for (const variant of DIHEDRAL_VARIANTS) {
    hashes[variant] = b ? dctToHash(transformDct(b, variant)) : emptyHash256();
  }
  return { quality: a ? pdqQuality(a) : 0, hashes };
}

export interface PdqPixelsResult extends PdqResult {
  readonly dihedral?: Readonly<Record<DihedralVariant, Hash256>>;
}

/**
 * `pdqHash` (and, when asked, `pdqDihedralHashes`) of decoded pixels, with the luma computed a
 * row at a time straight into the filter instead of as a whole image first. Same results.
 * With `size`, the image hashed is `pixels` resized to that size by nearest neighbour (source
 * index floor(x · W / w), as the reference CLI's pre-resize), sampled on the fly.
 */
export function pdqHashPixels(
  pixels: PixelImage,
  dihedral = false,
  size?: { readonly width: number; readonly height: number },
): PdqPixelsResult {
  checkPixelLength(pixels);
  const cols = size?.width ?? pixels.width;
  const rows = size?.height ?? pixels.height;
  if (!isHashable({ width: cols, height: rows })) {
    const hash = emptyHash256();
    if (!dihedral) return { hash, quality: 0 };
    const hashes = {} as Record<DihedralVariant, Hash256>;
    for (const variant of DIHEDRAL_VARIANTS) hashes[variant] = emptyHash256();
    return { hash, quality: 0, dihedral: hashes };
  }
  const resized = cols !== pixels.width || rows !== pixels.height;
  const colOffsets = resized ? nearestIndices(cols, pixels.width, pixels.channels) : undefined;
  const srcRows = resized ? nearestIndices(rows, pixels.height) : undefined;
  const source: RowSource =
    colOffsets && srcRows
      ? (r, row) => lumaRowSampled(pixels, srcRows[r]!, colOffsets, row)
      : (r, row) => lumaRow(pixels, r, row);
  let hash: Hash256 | undefined;
  let quality = 0;
  if (rows === 64 && cols === 64) {
    // The reference skips the blur for the plain hash of a 64×64 image (not for the dihedral set).
    const a = downsampled;
    for (let r = 0; r < 64; r++) source(r, a.subarray(r * 64, r * 64 + 64));
    hash = dctToHash(dct64To16(a));
    quality = pdqQuality(a);
    if (!dihedral) return { hash, quality };
  }
  const a =
    jaroszDownsample64SimdPixels(pixels, rows, cols, downsampled, srcRows, colOffsets) ??
    jaroszDownsample64(source, rows, cols, downsampled);
  const b = dct64To16(a);
  if (!hash) {
    hash = dctToHash(b);
    quality = pdqQuality(a);
  }
  if (!dihedral) return { hash, quality };
  const hashes = {} as Record<DihedralVariant, Hash256>;
  for (const variant of DIHEDRAL_VARIANTS) hashes[variant] = dctToHash(transformDct(b, variant));
  return { hash, quality, dihedral: hashes };
}
