export { DCT_MATRIX, dct64To16 } from './dct.js';
export { DIHEDRAL_VARIANTS, type DihedralVariant, dctToHash, transformDct } from './dihedral.js';
export { decimate64, jaroszFilter, jaroszWindowSize } from './downscale.js';
export {
  emptyHash256,
  HASH256_HEX_LENGTH,
  HASH256_WORDS,
  type Hash256,
  hammingDistance,
  hash256Equals,
  hash256FromHex,
  hash256ToHex,
  popcount32,
} from './hash256.js';
export { type LumaImage, lumaFromPixels, type PixelImage } from './luma.js';
export {
  PDQ_MIN_HASHABLE_DIM,
  type PdqDihedralResult,
  type PdqResult,
  pdqDihedralHashes,
  pdqHash,
} from './pdq.js';
export { pdqQuality } from './quality.js';
