// `jaroszDownsample64` on the WebAssembly SIMD kernels of box-simd.ts: the same two passes and
// the same 64 × 64 samples, every float computed by the reference's own float operations.
import { type BoxKernels, boxKernels } from './box-simd.js';
import type { PixelImage } from './luma.js';

/** Fills `row` (length ≥ cols) with luma row `r` of some source. */
type RowSource = (r: number, row: Float32Array) => void;

/**
 * Images up to this many pixels take this path (two buffers of 4 bytes a pixel, 32 MiB at
 * most, kept in the module's memory for the next image); larger ones downscale.ts's own.
 */
export const SIMD_MAX_PIXELS = 4 * 1024 * 1024;

const sampleCols = new Int32Array(64);
let view = new Float32Array(0);

function floats(kernels: BoxKernels, bytes: number): Float32Array {
  const { memory } = kernels;
  const missing = bytes - memory.buffer.byteLength;
  if (missing > 0) memory.grow(Math.ceil(missing / 65536));
  if (view.buffer !== memory.buffer) view = new Float32Array(memory.buffer);
  return view;
}

const windowOf = (n: number) => Math.floor((n + 127) / 128);

interface Layout {
  readonly stride: number;
  readonly groups: number;
  readonly rowBytes: number;
  /** Byte offsets: the two image buffers, the column sums, the 64-column pair, then free. */
  readonly a: number;
  readonly b: number;
  readonly sums: number;
  readonly compact: number;
  readonly compact2: number;
  readonly free: number;
}

function layoutOf(rows: number, cols: number): Layout {
  // Rows padded to 16 bytes and the row count to 4: the kernels work in groups of four, and
  // the padding's values are never read back into a real one.
  const stride = (cols + 3) & ~3;
  const groups = (rows + 3) >> 2;
  const rowBytes = stride * 4;
  const bufferBytes = groups * 4 * rowBytes;
  const sums = 2 * bufferBytes;
  const compact = sums + Math.max(rowBytes, 256);
  const compact2 = compact + rows * 256;
  return {
    stride,
    groups,
    rowBytes,
    a: 0,
    b: bufferBytes,
    sums,
    compact,
    compact2,
    free: compact2 + rows * 256,
  };
}

/** The two passes and the samples, from the luma rows in buffer `a` into `out`. */
function filterAndSample(
  kernels: BoxKernels,
  f: Float32Array,
  at: Layout,
  rows: number,
  cols: number,
  out: Float32Array,
): Float32Array {
  const { a, b, groups, rowBytes, sums, stride } = at;
  const wr = windowOf(cols);
  const wc = windowOf(rows);
  const hr = (wr + 2) >> 1;
  const hc = (wc + 2) >> 1;
  kernels.boxRows(a, b, groups, rowBytes, hr - 1, wr - hr + 1, cols - wr);
  kernels.boxColumns(b, a, rowBytes, sums, hc - 1, wc - hc + 1, rows - wc);
  kernels.boxRows(a, b, groups, rowBytes, hr - 1, wr - hr + 1, cols - wr);
  // Pass 2's vertical box only over the 64 sampled columns.
  for (let j = 0; j < 64; j++) sampleCols[j] = Math.trunc(((j + 0.5) * cols) / 64);
  const from = b >> 2;
  const to = at.compact >> 2;
  for (let r = 0; r < rows; r++) {
    const src = from + r * stride;
    const dst = to + r * 64;
    for (let j = 0; j < 64; j++) f[dst + j] = f[src + sampleCols[j]!]!;
  }
  kernels.boxColumns(at.compact, at.compact2, 256, sums, hc - 1, wc - hc + 1, rows - wc);
  const sampled = at.compact2 >> 2;
  for (let i = 0; i < 64; i++) {
    const r = sampled + Math.trunc(((i + 0.5) * rows) / 64) * 64;
    out.set(f.subarray(r, r + 64), i * 64);
  }
  return out;
}

/**
 * Two Jarosz passes and the 64 × 64 decimation of a rows × cols luma image given row by row,
 * into `out`; undefined when WebAssembly SIMD is missing or the image is over SIMD_MAX_PIXELS.
 */
export function jaroszDownsample64Simd(
  source: RowSource,
  rows: number,
  cols: number,
  out: Float32Array,
): Float32Array | undefined {
  if (rows * cols > SIMD_MAX_PIXELS) return undefined;
  const kernels = boxKernels();
  if (!kernels) return undefined;
  const at = layoutOf(rows, cols);
  const f = floats(kernels, at.free);
  const { stride } = at;
  for (let r = 0; r < rows; r++) source(r, f.subarray(r * stride, r * stride + cols));
  return filterAndSample(kernels, f, at, rows, cols, out);
}

/**
 * The same from 8-bit pixels, their luma computed in the module too: `pixels` sampled to
 * rows × cols at source rows `srcRows` and byte offsets `colOffsets` within a row (as
 * nearestIndices gives them; identity when undefined). Equal to jaroszDownsample64Simd over
 * lumaRowSampled / lumaRow; undefined where that would be.
 */
export function jaroszDownsample64SimdPixels(
  pixels: PixelImage,
  rows: number,
  cols: number,
  out: Float32Array,
  srcRows?: Int32Array,
  colOffsets?: Int32Array,
): Float32Array | undefined {
  if (rows * cols > SIMD_MAX_PIXELS) return undefined;
  const kernels = boxKernels();
  if (!kernels) return undefined;
  const at = layoutOf(rows, cols);
  const { width, channels, data } = pixels;
  const srcRowBytes = width * channels;
  const offsets = at.free;
  const src = offsets + cols * 4;
  const f = floats(kernels, src + rows * srcRowBytes);
  const memory = new Uint8Array(f.buffer);
  const table = new Int32Array(f.buffer, offsets, cols);
  if (colOffsets) table.set(colOffsets);
  else for (let i = 0; i < cols; i++) table[i] = i * channels;
  // Only the rows sampled, copied: the module reads its own memory alone.
  if (srcRows) {
    for (let r = 0; r < rows; r++) {
      const from = srcRows[r]! * srcRowBytes;
      memory.set(data.subarray(from, from + srcRowBytes), src + r * srcRowBytes);
    }
  } else {
    memory.set(data.subarray(0, rows * srcRowBytes), src);
  }
  const luma = channels === 1 ? kernels.lumaGrey : kernels.lumaRgb;
  luma(src, srcRowBytes, offsets, at.a, rows, cols * 4, at.rowBytes);
  return filterAndSample(kernels, f, at, rows, cols, out);
}
