/** Decoded 8-bit pixels, row-major and interleaved. 1 channel = grey, 3 = RGB, 4 = RGBA. */
export interface PixelImage {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3 | 4;
  readonly data: Uint8Array;
}

/** Luma as float32, row-major, `height` rows of `width` values. */
export interface LumaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
}

// float32 values of 0.299, 0.587 and 0.114, as the reference's `float` constants.
const R_COEF = Math.fround(0.299);
const G_COEF = Math.fround(0.587);
const B_COEF = Math.fround(0.114);
const fround = Math.fround;

/** fround(coef · v) for every byte v: the reference's three products, looked up. */
function productTable(coef: number): Float32Array {
  const t = new Float32Array(256);
  for (let v = 0; v < 256; v++) t[v] = coef * v;
  return t;
}
const R_TABLE = productTable(R_COEF);
const G_TABLE = productTable(G_COEF);
const B_TABLE = productTable(B_COEF);

/**
 * Nearest-neighbour source indices for resizing `from` to `to` (CImg's `resize` with
 * interpolation 1): index floor(x · from / to), times `scale`.
 */
export function nearestIndices(to: number, from: number, scale = 1): Int32Array {
  const out = new Int32Array(to);
  for (let x = 0; x < to; x++) out[x] = Math.floor((x * from) / to) * scale;
  return out;
}

/**
 * Luma of row `r` of `image` resized to `cols.length` columns by nearest neighbour, where
 * `cols` holds each output column's byte offset within a source row (nearestIndices(…, channels)).
 */
export function lumaRowSampled(
  image: PixelImage,
  r: number,
  cols: Int32Array,
  row: Float32Array,
): void {
  const { channels, data } = image;
  const base = r * image.width * channels;
  const n = cols.length;
  if (channels === 1) {
    for (let i = 0; i < n; i++) row[i] = data[base + cols[i]!]!;
  } else {
    for (let i = 0; i < n; i++) {
      const p = base + cols[i]!;
      row[i] = fround(R_TABLE[data[p]!]! + G_TABLE[data[p + 1]!]!) + B_TABLE[data[p + 2]!]!;
    }
  }
}

export function checkPixelLength(image: PixelImage): void {
  if (image.data.length < image.width * image.height * image.channels) {
    throw new RangeError('pixel buffer is shorter than the image');
  }
}

/** Luma of row `r` into `row` (length ≥ width), as `lumaFromPixels` computes it. */
export function lumaRow(image: PixelImage, r: number, row: Float32Array): void {
  const { width, channels, data } = image;
  let p = r * width * channels;
  if (channels === 1) {
    for (let i = 0; i < width; i++) row[i] = data[p++]!;
  } else {
    for (let i = 0; i < width; i++, p += channels) {
      row[i] = fround(R_TABLE[data[p]!]! + G_TABLE[data[p + 1]!]!) + B_TABLE[data[p + 2]!]!;
    }
  }
}

/**
 * The reference's luma: the grey value itself for 1-channel images, otherwise
 * 0.299R + 0.587G + 0.114B in float32 arithmetic. Alpha is ignored, not composited.
 */
export function lumaFromPixels(image: PixelImage): LumaImage {
  const { width, height, channels, data } = image;
  checkPixelLength(image);
  const n = width * height;
  const out = new Float32Array(n);
  if (channels === 1) {
    for (let i = 0; i < n; i++) out[i] = data[i]!;
  } else {
    for (let i = 0, p = 0; i < n; i++, p += channels) {
      out[i] = fround(R_TABLE[data[p]!]! + G_TABLE[data[p + 1]!]!) + B_TABLE[data[p + 2]!]!;
    }
  }
  return { width, height, data: out };
}
