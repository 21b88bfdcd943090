import {
  type DecodedImage,
  decodeForPdq,
  type HashPolicy,
  type ImageLimits,
  readImageFile,
} from './image-input.js';
import { type DihedralVariant, type Hash256, pdqHashPixels } from './pdq/index.js';

export interface PdqImageHash {
  readonly hash: Hash256;
  readonly quality: number;
  readonly policy: HashPolicy;
  readonly width: number;
  readonly height: number;
  /** The 8 dihedral hashes, when asked for. */
  readonly dihedral?: Readonly<Record<DihedralVariant, Hash256>>;
}

export interface PdqImageOptions extends ImageLimits {
  readonly policy?: HashPolicy;
  readonly dihedral?: boolean;
}

/** PDQ of already decoded pixels (see decodeForPdq). */
export function pdqOfDecoded(decoded: DecodedImage, dihedral = false): PdqImageHash {
  const r = pdqHashPixels(decoded.decoded, dihedral, decoded);
  const base = {
    hash: r.hash,
    quality: r.quality,
    policy: decoded.policy,
    width: decoded.originalWidth,
    height: decoded.originalHeight,
  };
  return r.dihedral ? { ...base, dihedral: r.dihedral } : base;
}

/** Reads, decodes (bounded) and PDQ-hashes one image file. */
export async function pdqHashFile(
  path: string,
  options: PdqImageOptions = {},
): Promise<PdqImageHash> {
  const bytes = await readImageFile(path, options.maxBytes);
  const decoded = await decodeForPdq(bytes, options.policy, options, path);
  return pdqOfDecoded(decoded, options.dihedral);
}
