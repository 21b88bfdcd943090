// Jarosz box-filter downsampling, emulating the reference's float32 running sums exactly
// (pdq/cpp/downscaling/downscaling.cpp): the mean formula would round differently.
import { jaroszDownsample64Simd } from './downscale-simd.js';

const fround = Math.fround;

export const PDQ_JAROSZ_PASSES = 2;

/** Window size for shrinking `oldDimension` to 64: ceil(old / 128). */
export function jaroszWindowSize(oldDimension: number, newDimension = 64): number {
  return Math.floor((oldDimension + 2 * newDimension - 1) / (2 * newDimension));
}

/** Box filter along every row (contiguous), input → output. */
function boxAlongRows(
  input: Float32Array,
  output: Float32Array,
  rows: number,
  cols: number,
  w: number,
): void {
  const half = (w + 2) >> 1;
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    let read = base;
    let left = base;
    let o = base;
    let sum = 0;
    let cnt = 0;
    for (let k = 0; k < half - 1; k++) {
      sum = fround(sum + input[read++]!);
      cnt++;
    }
    for (let k = 0; k < w - half + 1; k++) {
      sum = fround(sum + input[read++]!);
      cnt++;
      output[o++] = sum / cnt;
    }
    for (let k = 0; k < cols - w; k++) {
      sum = fround(sum + input[read++]!);
      sum = fround(sum - input[left++]!);
      output[o++] = sum / cnt;
    }
    for (let k = 0; k < half - 1; k++) {
      sum = fround(sum - input[left++]!);
      cnt--;
      output[o++] = sum / cnt;
    }
  }
}

/**
 * Box filter along every column. The same per-column arithmetic as the reference, but swept a
 * whole row at a time with one running sum per column, so memory is read in order.
 */
function boxAlongCols(
  input: Float32Array,
  output: Float32Array,
  rows: number,
  cols: number,
  w: number,
  sums: Float64Array,
): void {
  const half = (w + 2) >> 1;
  sums.fill(0, 0, cols);
  let read = 0;
  let left = 0;
  let o = 0;
  let cnt = 0;
  const add = (): void => {
    const base = read * cols;
    for (let c = 0; c < cols; c++) sums[c] = fround(sums[c]! + input[base + c]!);
    read++;
  };
  const sub = (): void => {
    const base = left * cols;
    for (let c = 0; c < cols; c++) sums[c] = fround(sums[c]! - input[base + c]!);
    left++;
  };
  const emit = (): void => {
    const base = o * cols;
    for (let c = 0; c < cols; c++) output[base + c] = sums[c]! / cnt;
    o++;
  };
  for (let k = 0; k < half - 1; k++) {
    add();
    cnt++;
  }
  for (let k = 0; k < w - half + 1; k++) {
    add();
    cnt++;
    emit();
  }
  for (let k = 0; k < rows - w; k++) {
    add();
    sub();
    emit();
  }
  for (let k = 0; k < half - 1; k++) {
    sub();
    cnt--;
    emit();
  }
}

/** Two passes of rows-then-columns box filtering; the result is back in `buffer1`. */
export function jaroszFilter(
  buffer1: Float32Array,
  buffer2: Float32Array,
  rows: number,
  cols: number,
  windowAlongRows: number,
  windowAlongCols: number,
  passes = PDQ_JAROSZ_PASSES,
): void {
  const sums = new Float64Array(cols);
  for (let p = 0; p < passes; p++) {
    boxAlongRows(buffer1, buffer2, rows, cols, windowAlongRows);
    boxAlongCols(buffer2, buffer1, rows, cols, windowAlongCols, sums);
  }
}

/** Samples a 64×64 grid at floor((i + 0.5)·n / 64), computed in double and truncated. */
export function decimate64(input: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(64 * 64);
  for (let i = 0; i < 64; i++) {
    const r = Math.trunc(((i + 0.5) * rows) / 64);
    for (let j = 0; j < 64; j++) {
      const c = Math.trunc(((j + 0.5) * cols) / 64);
      out[i * 64 + j] = input[r * cols + c]!;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The hashing path: the same two passes and the same float32 running sums as `jaroszFilter` +
// `decimate64`, with only what the 64×64 samples need kept: pass 2's horizontal box divides only
// at the 64 sampled columns and its vertical box runs over those 64 columns only.
//
// Speed without changing a single result:
// - Running sums are serial chains (each add waits for the previous one), so every box runs
//   several independent sequences in lockstep: 4 rows at a time along rows, all columns at once
//   along columns.
// - `sum / cnt` becomes `sum * (1 / cnt)` in double, rounded once to float32 on store. That is
//   the same float32 as the reference's float division: sum is a float32 and cnt < 2^26 an
//   integer, so an exact quotient sum/cnt that is not itself a float32 is never a rounding
//   midpoint and stays at least 2^-25/cnt (relative) away from every midpoint (sum − cnt·m is a
//   non-zero multiple of half an ulp of m), while the double product is within 2^-52 of it.

/** Fills `row` (length ≥ cols) with luma row `r` of some source. */
export type RowSource = (r: number, row: Float32Array) => void;

let scratchA = new Float32Array(0); // rows × cols
let scratchB = new Float32Array(0); // rows × cols
let scratchCompact = new Float32Array(0); // rows × 64
let scratchCompact2 = new Float32Array(0); // rows × 64
let scratchColSums = new Float32Array(0);
let recipOnes = new Float64Array(0);
const sums64 = new Float32Array(64);
const sampleCols = new Int32Array(64);

/** Whole-image buffers up to this many pixels (2 × 16 MiB) are kept for the next image. */
const RETAINED_PIXELS = 4 * 1024 * 1024;

/** The two whole-image buffers: the retained ones, or fresh ones for a very large image. */
function imageBuffers(n: number): [Float32Array, Float32Array] {
  if (n > RETAINED_PIXELS) return [new Float32Array(n), new Float32Array(n)];
  if (scratchA.length < n) {
    scratchA = new Float32Array(n);
    scratchB = new Float32Array(n);
  }
  return [scratchA, scratchB];
}

function ensureScratch(rows: number, cols: number): void {
  if (scratchCompact.length < rows * 64) {
    scratchCompact = new Float32Array(rows * 64);
    scratchCompact2 = new Float32Array(rows * 64);
  }
  if (scratchColSums.length < cols) {
    scratchColSums = new Float32Array(cols);
  }
  const longest = Math.max(rows, cols);
  if (recipOnes.length < longest) recipOnes = new Float64Array(longest).fill(1);
}

/** 1 / cnt for every output position of a length-n box with window w. */
function reciprocals(n: number, w: number): Float64Array {
  const half = (w + 2) >> 1;
  const out = new Float64Array(n);
  for (let o = 0; o < n; o++) {
    let cnt: number;
    if (o <= w - half) cnt = half + o;
    else if (o <= n - half) cnt = w;
    else cnt = w - (o - (n - half));
    out[o] = 1 / cnt;
  }
  return out;
}

/**
 * The reference's `box1DFloat` along `count` rows of length n (input row r at inBase + r·n,
 * output at outBase + r·n), four rows at a time with their running sums in locals, output o
 * scaled by recip[o].
 */
function boxRows(
  input: Float32Array,
  inBase: number,
  output: Float32Array,
  outBase: number,
  count: number,
  n: number,
  w: number,
  recip: Float64Array,
): void {
  const half = (w + 2) >> 1;
  let r = 0;
  for (; r + 4 <= count; r += 4) {
    const i0 = inBase + r * n;
    const i1 = i0 + n;
    const i2 = i1 + n;
    const i3 = i2 + n;
    const o0 = outBase + r * n;
    const o1 = o0 + n;
    const o2 = o1 + n;
    const o3 = o2 + n;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let read = 0;
    let left = 0;
    let o = 0;
    for (let k = 0; k < half - 1; k++, read++) {
      s0 = fround(s0 + input[i0 + read]!);
      s1 = fround(s1 + input[i1 + read]!);
      s2 = fround(s2 + input[i2 + read]!);
      s3 = fround(s3 + input[i3 + read]!);
    }
    for (let k = 0; k < w - half + 1; k++, read++, o++) {
      const rc = recip[o]!;
      s0 = fround(s0 + input[i0 + read]!);
      s1 = fround(s1 + input[i1 + read]!);
      s2 = fround(s2 + input[i2 + read]!);
      s3 = fround(s3 + input[i3 + read]!);
      output[o0 + o] = s0 * rc;
      output[o1 + o] = s1 * rc;
      output[o2 + o] = s2 * rc;
      output[o3 + o] = s3 * rc;
    }
    for (let k = 0; k < n - w; k++, read++, left++, o++) {
      const rc = recip[o]!;
      s0 = fround(fround(s0 + input[i0 + read]!) - input[i0 + left]!);
      s1 = fround(fround(s1 + input[i1 + read]!) - input[i1 + left]!);
      s2 = fround(fround(s2 + input[i2 + read]!) - input[i2 + left]!);
      s3 = fround(fround(s3 + input[i3 + read]!) - input[i3 + left]!);
      output[o0 + o] = s0 * rc;
      output[o1 + o] = s1 * rc;
      output[o2 + o] = s2 * rc;
      output[o3 + o] = s3 * rc;
    }
    for (let k = 0; k < half - 1; k++, left++, o++) {
      const rc = recip[o]!;
      s0 = fround(s0 - input[i0 + left]!);
      s1 = fround(s1 - input[i1 + left]!);
      s2 = fround(s2 - input[i2 + left]!);
      s3 = fround(s3 - input[i3 + left]!);
      output[o0 + o] = s0 * rc;
      output[o1 + o] = s1 * rc;
      output[o2 + o] = s2 * rc;
      output[o3 + o] = s3 * rc;
    }
  }
  for (; r < count; r++) {
    const i0 = inBase + r * n;
    const o0 = outBase + r * n;
    let s0 = 0;
    let read = 0;
    let left = 0;
    let o = 0;
    for (let k = 0; k < half - 1; k++) s0 = fround(s0 + input[i0 + read++]!);
    for (let k = 0; k < w - half + 1; k++, o++) {
      s0 = fround(s0 + input[i0 + read++]!);
      output[o0 + o] = s0 * recip[o]!;
    }
    for (let k = 0; k < n - w; k++, o++) {
      s0 = fround(fround(s0 + input[i0 + read++]!) - input[i0 + left++]!);
      output[o0 + o] = s0 * recip[o]!;
    }
    for (let k = 0; k < half - 1; k++, o++) {
      s0 = fround(s0 - input[i0 + left++]!);
      output[o0 + o] = s0 * recip[o]!;
    }
  }
}

/**
 * The reference's `box1DFloat` down every column of a rows × cols buffer, all columns in
 * lockstep (one running sum per column, memory read in order), output o scaled by recip[o].
 */
function boxColumns(
  input: Float32Array,
  cols: number,
  rows: number,
  w: number,
  recip: Float64Array,
  output: Float32Array,
  sums: Float32Array,
): void {
  const half = (w + 2) >> 1;
  sums.fill(0, 0, cols);
  let read = 0;
  let left = 0;
  let o = 0;
  for (let k = 0; k < half - 1; k++) {
    const a = read++ * cols;
    for (let c = 0; c < cols; c++) sums[c] = sums[c]! + input[a + c]!;
  }
  for (let k = 0; k < w - half + 1; k++) {
    const a = read++ * cols;
    const q = o * cols;
    const rc = recip[o++]!;
    for (let c = 0; c < cols; c++) {
      const s = fround(sums[c]! + input[a + c]!);
      sums[c] = s;
      output[q + c] = s * rc;
    }
  }
  for (let k = 0; k < rows - w; k++) {
    const a = read++ * cols;
    const b = left++ * cols;
    const q = o * cols;
    const rc = recip[o++]!;
    for (let c = 0; c < cols; c++) {
      const s = fround(fround(sums[c]! + input[a + c]!) - input[b + c]!);
      sums[c] = s;
      output[q + c] = s * rc;
    }
  }
  for (let k = 0; k < half - 1; k++) {
    const b = left++ * cols;
    const q = o * cols;
    const rc = recip[o++]!;
    for (let c = 0; c < cols; c++) {
      const s = fround(sums[c]! - input[b + c]!);
      sums[c] = s;
      output[q + c] = s * rc;
    }
  }
}

/**
 * Two Jarosz passes and the 64×64 decimation of a rows × cols luma image given row by row;
 * bit-exact with `jaroszFilter` (2 passes) followed by `decimate64`. Writes `out` (64×64).
 */
export function jaroszDownsample64(
  source: RowSource,
  rows: number,
  cols: number,
  out: Float32Array,
): Float32Array {
  return (
    jaroszDownsample64Simd(source, rows, cols, out) ?? jaroszDownsample64Js(source, rows, cols, out)
  );
}

/** `jaroszDownsample64` in JavaScript alone (images over SIMD_MAX_PIXELS, or no SIMD). */
export function jaroszDownsample64Js(
  source: RowSource,
  rows: number,
  cols: number,
  out: Float32Array,
): Float32Array {
  ensureScratch(rows, cols);
  const wr = jaroszWindowSize(cols);
  const wc = jaroszWindowSize(rows);
  const recipR = reciprocals(cols, wr);
  const recipC = reciprocals(rows, wc);
  const [a, b] = imageBuffers(rows * cols);
  const compact = scratchCompact;
  for (let j = 0; j < 64; j++) sampleCols[j] = Math.trunc(((j + 0.5) * cols) / 64);

  // Pass 1, horizontal: source rows into b, boxed into a.
  for (let r = 0; r < rows; r++) source(r, b.subarray(r * cols, r * cols + cols));
  boxRows(b, 0, a, 0, rows, cols, wr, recipR);
  // Pass 1, vertical: all columns in lockstep, a → b.
  boxColumns(a, cols, rows, wc, recipC, b, scratchColSums);
  // Pass 2, horizontal: the running sums (b → a, undivided), divided at the sampled columns only.
  boxRows(b, 0, a, 0, rows, cols, wr, recipOnes);
  for (let r = 0; r < rows; r++) {
    const src = r * cols;
    const dst = r * 64;
    for (let j = 0; j < 64; j++) {
      const c = sampleCols[j]!;
      compact[dst + j] = a[src + c]! * recipR[c]!;
    }
  }
  // Pass 2, vertical, over the 64 sampled columns (compact → compact2), then the sampled rows.
  const compact2 = scratchCompact2;
  boxColumns(compact, 64, rows, wc, recipC, compact2, sums64);
  for (let i = 0; i < 64; i++) {
    const r = Math.trunc(((i + 0.5) * rows) / 64);
    out.set(compact2.subarray(r * 64, r * 64 + 64), i * 64);
  }
  return out;
}
