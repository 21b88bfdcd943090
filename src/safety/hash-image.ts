import {
  type DecodedImage,
  decodeForPdq,
  type HashPolicy,
  type ImageHeader,
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

/** Decodes (bounded) and PDQ-hashes image bytes; `header` as checkedImageSize gave it, if known. */
export async function pdqHashBytes(
  bytes: Uint8Array,
  options: PdqImageOptions = {},
  label = 'image',
  header?: ImageHeader,
): Promise<PdqImageHash> {
  const decoded = await decodeForPdq(bytes, options.policy, options, label, header);
  return pdqOfDecoded(decoded, options.dihedral);
}

/** Reads, decodes (bounded) and PDQ-hashes one image file. */
export async function pdqHashFile(
  path: string,
  options: PdqImageOptions = {},
): Promise<PdqImageHash> {
  return pdqHashBytes(await readImageFile(path, options.maxBytes), options, path);
}
