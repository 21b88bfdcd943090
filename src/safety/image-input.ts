// The file side of PDQ hashing: bounded decoding with sharp, then the reference command-line
// hasher's pixel pipeline (pdq/cpp/io/pdqio.cpp as run by `pdq-photo-hasher`), so that
// `obhut hash pdq` prints what the reference prints for the same file.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import sharp from 'sharp';

type OutputInfo = import('sharp').OutputInfo;

import { ObhutError } from '../errors/index.js';
import type { HashPolicy } from './hash-policy.js';
import { nearestIndices, type PixelImage } from './pdq/index.js';

export { HASH_POLICIES, type HashPolicy, hashPolicyOf } from './hash-policy.js';

export const REFERENCE_RESIZE_LIMIT = 512;
export const DEFAULT_MAX_IMAGE_BYTES = 64 * 1024 * 1024;
/** About 10,000 × 10,000; larger inputs are refused before their pixels are decoded. */
export const DEFAULT_MAX_IMAGE_PIXELS = 100_000_000;
/**
 * Longest side decoded. libvips' memory grows with an image's width as well as its pixel count:
 * a 100,000,000 × 1 PNG (inside the pixel limit) took 2.7 GB to decode, 16,384 × 6,000 takes
 * 450 MB like 10,000 × 10,000 (docs/limits.md). Sides beyond this are refused before decoding.
 */
export const DEFAULT_MAX_IMAGE_SIDE = 16_384;

export interface ImageLimits {
  readonly maxBytes?: number;
  readonly maxPixels?: number;
  readonly maxSide?: number;
}

/** What decoding needs from an image's header, read once. */
export interface ImageHeader {
  readonly width: number;
  readonly height: number;
  /** CMYK pixels, converted the way ImageMagick does rather than through a colour profile. */
  readonly cmyk: boolean;
}

/** An image's size from its header, checked against the limits before any pixel is decoded. */
export async function checkedImageSize(
  bytes: Uint8Array,
  limits: ImageLimits = {},
  label = 'image',
): Promise<ImageHeader> {
  const maxPixels = limits.maxPixels ?? DEFAULT_MAX_IMAGE_PIXELS;
  const maxSide = limits.maxSide ?? DEFAULT_MAX_IMAGE_SIDE;
  let width: number | undefined;
  let height: number | undefined;
  let space: string | undefined;
  try {
    ({ width, height, space } = await sharp(bytes, { limitInputPixels: false }).metadata());
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new ObhutError('IMAGE_INVALID', `${label}: cannot decode image (${message})`, {
      cause: err,
    });
  }
  if (!width || !height)
    throw new ObhutError('IMAGE_INVALID', `${label}: cannot decode image (no size)`);
  if (width > maxSide || height > maxSide) {
    throw new ObhutError(
      'IMAGE_TOO_LARGE',
      `${label}: ${width} × ${height} pixels; a side is over the limit of ${maxSide}`,
    );
  }
  if (width * height > maxPixels) {
    throw new ObhutError(
      'IMAGE_TOO_LARGE',
      `${label}: ${width} × ${height} is more than ${maxPixels} pixels`,
    );
  }
  return { width, height, cmyk: space === 'cmyk' };
}

export interface DecodedImage {
  /** The pixels the hash is computed from (after the policy's resize, made on first access). */
  readonly pixels: PixelImage;
  /** The pixels as decoded, before the policy's resize. */
  readonly decoded: PixelImage;
  /** The size of `pixels`: the hash samples `decoded` by nearest neighbour at this size. */
  readonly width: number;
  readonly height: number;
  readonly policy: HashPolicy;
  readonly originalWidth: number;
  readonly originalHeight: number;
  /** True when every pixel had R = G = B, so luma took the grey path. */
  readonly grey: boolean;
}

/**
 * Reads a whole file, refusing it before reading when it is over `maxBytes`. Synchronous on
 * purpose: an image file is read in well under a millisecond, and the promise API's open, stat,
 * read and close (four trips through libuv's threads, which are busy decoding) cost about
 * 0.2 ms more CPU per file on the thread that also hashes (BENCHMARKS.md, issue 21).
 */
export async function readImageFile(
  path: string,
  maxBytes = DEFAULT_MAX_IMAGE_BYTES,
): Promise<Buffer> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw new ObhutError('INPUT_UNREADABLE', `${path}: ${(err as Error).message}`, { cause: err });
  }
  try {
    const { size } = fstatSync(fd);
    if (size > maxBytes) {
      throw new ObhutError(
        'IMAGE_TOO_LARGE',
        `${path}: ${size} bytes is over the limit of ${maxBytes} bytes`,
      );
    }
    return readFileSync(fd);
  } catch (err) {
    if (err instanceof ObhutError) throw err;
    throw new ObhutError('INPUT_UNREADABLE', `${path}: ${(err as Error).message}`, { cause: err });
  } finally {
    closeSync(fd);
  }
}

/**
 * Decodes image bytes into the pixels PDQ hashes. Follows the reference CLI, which decodes
 * through ImageMagick: alpha is dropped (not composited), EXIF orientation is ignored, all-grey
 * images become 1-channel so luma takes the grey path. `header` is checkedImageSize's answer
 * for these bytes when the caller already has it (the header is then not read again).
 */
export async function decodeForPdq(
  bytes: Uint8Array,
  policy: HashPolicy = 'reference-512',
  limits: ImageLimits = {},
  label = 'image',
  header?: ImageHeader,
): Promise<DecodedImage> {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_IMAGE_BYTES;
  const maxPixels = limits.maxPixels ?? DEFAULT_MAX_IMAGE_PIXELS;
  if (bytes.length > maxBytes) {
    throw new ObhutError(
      'IMAGE_TOO_LARGE',
      `${label}: ${bytes.length} bytes is over the limit of ${maxBytes} bytes`,
    );
  }
  const { cmyk } = header ?? (await checkedImageSize(bytes, limits, label));
  let data: Buffer;
  let info: OutputInfo;
  try {
    // Like ImageMagick's PNM output: no EXIF rotation and no ICC colour conversion (sharp would
    // otherwise convert to sRGB). `failOn: 'truncated'` rejects cut-off files.
    const input = sharp(bytes, {
      limitInputPixels: maxPixels,
      failOn: 'truncated',
      ignoreIcc: true,
      autoOrient: false,
    });
    if (cmyk) input.pipelineColourspace('cmyk').toColourspace('cmyk');
    else input.removeAlpha();
    ({ data, info } = await input.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true }));
    if (cmyk) ({ data, info } = cmykToRgb(data, info));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/pixel limit/i.test(message)) {
      throw new ObhutError(
        'IMAGE_TOO_LARGE',
        `${label}: more than ${maxPixels} pixels (${message})`,
        { cause: err },
      );
    }
    throw new ObhutError('IMAGE_INVALID', `${label}: cannot decode image (${message})`, {
      cause: err,
    });
  }
  const decoded = toPixelImage(data, info);
  const grey = decoded.channels === 1;
  const originalWidth = decoded.width;
  const originalHeight = decoded.height;
  const resize =
    policy === 'reference-512' &&
    (originalWidth > REFERENCE_RESIZE_LIMIT || originalHeight > REFERENCE_RESIZE_LIMIT);
  // The hash samples `decoded` directly; the resized copy is only made if someone asks for it.
  let pixels: PixelImage | undefined = resize ? undefined : decoded;
  return {
    get pixels(): PixelImage {
      pixels ??= resizeNearest(decoded, REFERENCE_RESIZE_LIMIT, REFERENCE_RESIZE_LIMIT);
      return pixels;
    },
    decoded,
    width: resize ? REFERENCE_RESIZE_LIMIT : originalWidth,
    height: resize ? REFERENCE_RESIZE_LIMIT : originalHeight,
    policy,
    originalWidth,
    originalHeight,
    grey,
  };
}

// ImageMagick turns CMYK into RGB without a colour profile: R = (255 − C)(255 − K) / 255,
// rounded. libvips would use its built-in CMYK profile instead.
function cmykToRgb(cmyk: Buffer, info: OutputInfo): { data: Buffer; info: OutputInfo } {
  const n = info.width * info.height;
  const rgb = Buffer.allocUnsafe(n * 3);
  for (let i = 0, p = 0; i < n; i++, p += info.channels) {
    const white = 255 - cmyk[p + 3]!;
    rgb[3 * i] = Math.round(((255 - cmyk[p]!) * white) / 255);
    rgb[3 * i + 1] = Math.round(((255 - cmyk[p + 1]!) * white) / 255);
    rgb[3 * i + 2] = Math.round(((255 - cmyk[p + 2]!) * white) / 255);
  }
  return { data: rgb, info: { ...info, channels: 3 } };
}

function toPixelImage(data: Buffer, info: OutputInfo): PixelImage {
  const { width, height, channels } = info;
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (channels === 1) return { width, height, channels: 1, data: bytes };
  if (channels !== 3) {
    throw new ObhutError('IMAGE_INVALID', `unsupported channel count ${channels}`);
  }
  return isAllGrey(bytes)
    ? { width, height, channels: 1, data: firstChannel(bytes, width * height) }
    : { width, height, channels: 3, data: bytes };
}

// ImageMagick writes PGM for an RGB image whose pixels are all grey; the reference then takes
// the grey luma path, which differs from the RGB formula by float ulps (enough to flip bits on
// flat or gradient images).
function isAllGrey(rgb: Uint8Array): boolean {
  for (let p = 0; p < rgb.length; p += 3) {
    if (rgb[p] !== rgb[p + 1] || rgb[p] !== rgb[p + 2]) return false;
  }
  return true;
}

function firstChannel(rgb: Uint8Array, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0, p = 0; i < n; i++, p += 3) out[i] = rgb[p]!;
  return out;
}

/** CImg `resize(w, h)` with nearest-neighbour interpolation: source index floor(x · W / w). */
export function resizeNearest(image: PixelImage, width: number, height: number): PixelImage {
  const { channels, data } = image;
  const out = new Uint8Array(width * height * channels);
  const cols = nearestIndices(width, image.width, channels);
  const rows = nearestIndices(height, image.height, image.width * channels);
  let o = 0;
  for (let y = 0; y < height; y++) {
    const srcRow = rows[y]!;
    if (channels === 3) {
      for (let x = 0; x < width; x++, o += 3) {
        const s = srcRow + cols[x]!;
        out[o] = data[s]!;
        out[o + 1] = data[s + 1]!;
        out[o + 2] = data[s + 2]!;
      }
    } else if (channels === 1) {
      for (let x = 0; x < width; x++) out[o++] = data[srcRow + cols[x]!]!;
    } else {
      for (let x = 0; x < width; x++) {
        const s = srcRow + cols[x]!;
        for (let c = 0; c < channels; c++) out[o++] = data[s + c]!;
      }
    }
  }
  return { width, height, channels, data: out };
}
