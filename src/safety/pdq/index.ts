export { DCT_MATRIX, dct64To16 } from './dct.js';
export { DIHEDRAL_VARIANTS, type DihedralVariant, dctToHash, transformDct } from './dihedral.js';
export {
  decimate64,
  jaroszDownsample64,
  jaroszFilter,
  jaroszWindowSize,
  type RowSource,
} from './downscale.js';
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
export {
  type LumaImage,
  lumaFromPixels,
  lumaRow,
  lumaRowSampled,
  nearestIndices,
  type PixelImage,
} from './luma.js';
export {
  PDQ_MIN_HASHABLE_DIM,
  type PdqDihedralResult,
  type PdqPixelsResult,
  type PdqResult,
  pdqDihedralHashes,
  pdqHash,
  pdqHashPixels,
} from './pdq.js';
export { pdqQuality } from './quality.js';
