// Jarosz box-filter downsampling, emulating the reference's float32 running sums exactly
// (pdq/cpp/downscaling/downscaling.cpp): the mean formula would round differently.
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
// `decimate64`, but only what the 64×64 samples need is kept. Pass 1 is computed in full, a row
// at a time (source row → horizontal box → vertical running sums); pass 2's horizontal box runs
// its sums over every row but divides only at the 64 sampled columns, and its vertical box runs
// over those 64 columns only and divides only at the 64 sampled rows. Every value that reaches
// the output is computed by exactly the reference's sequence of float32 operations.

/** Fills `row` (length cols) with luma row `r` of some source. */
export type RowSource = (r: number, row: Float32Array) => void;

let scratchPass1 = new Float32Array(0); // pass 1 horizontal output, rows × cols
let scratchCompact = new Float32Array(0); // pass 2 horizontal output at sampled columns, rows × 64
let scratchRowIn = new Float32Array(0);
let scratchRowMid = new Float32Array(0);
let scratchColSums = new Float32Array(0);
let scratchRowSums = new Float32Array(0);
const colSums64 = new Float32Array(64);

function ensureScratch(rows: number, cols: number): void {
  const n = rows * cols;
  if (scratchPass1.length < n) scratchPass1 = new Float32Array(n);
  if (scratchCompact.length < rows * 64) scratchCompact = new Float32Array(rows * 64);
  if (scratchRowIn.length < cols) {
    scratchRowIn = new Float32Array(cols);
    scratchRowMid = new Float32Array(cols);
    scratchColSums = new Float32Array(cols);
    scratchRowSums = new Float32Array(cols);
  }
}

/** One row's box filter (input[inOff…inOff+n) → output[outOff…)), the reference's phases. */
function boxRow(
  input: Float32Array,
  inOff: number,
  output: Float32Array,
  outOff: number,
  n: number,
  w: number,
  half: number,
): void {
  let read = inOff;
  let left = inOff;
  let o = outOff;
  let sum = 0;
  let cnt = 0;
  const p1 = half - 1;
  for (let k = 0; k < p1; k++) sum = fround(sum + input[read++]!);
  cnt = p1;
  const p2 = w - half + 1;
  for (let k = 0; k < p2; k++) {
    sum = fround(sum + input[read++]!);
    cnt++;
    output[o++] = sum / cnt;
  }
  const p3 = n - w;
  for (let k = 0; k < p3; k++) {
    sum = fround(fround(sum + input[read++]!) - input[left++]!);
    output[o++] = sum / cnt;
  }
  for (let k = 0; k < p1; k++) {
    sum = fround(sum - input[left++]!);
    cnt--;
    output[o++] = sum / cnt;
  }
}

/** The running sum of `boxRow` after each output, without the division: sums[o] for o < n. */
function boxRowSums(
  input: Float32Array,
  n: number,
  w: number,
  half: number,
  sums: Float32Array,
): void {
  let read = 0;
  let left = 0;
  let o = 0;
  let sum = 0;
  const p1 = half - 1;
  for (let k = 0; k < p1; k++) sum = fround(sum + input[read++]!);
  const p2 = w - half + 1;
  for (let k = 0; k < p2; k++) {
    sum = fround(sum + input[read++]!);
    sums[o++] = sum;
  }
  const p3 = n - w;
  for (let k = 0; k < p3; k++) {
    sum = fround(fround(sum + input[read++]!) - input[left++]!);
    sums[o++] = sum;
  }
  for (let k = 0; k < p1; k++) {
    sum = fround(sum - input[left++]!);
    sums[o++] = sum;
  }
}

/** The count `boxRow` divides by at output o. */
function boxCount(o: number, n: number, w: number, half: number): number {
  if (o <= w - half) return half + o;
  if (o <= n - half) return w;
  return w - (o - (n - half));
}

/** Sample index floor((i + 0.5)·n / 64), in double and truncated, as `decimate64`. */
function sampleIndex(i: number, n: number): number {
  return Math.trunc(((i + 0.5) * n) / 64);
}

const sampleCols = new Int32Array(64);
const sampleColCounts = new Float64Array(64);

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
  ensureScratch(rows, cols);
  const wr = jaroszWindowSize(cols);
  const wc = jaroszWindowSize(rows);
  const hr = (wr + 2) >> 1;
  const hc = (wc + 2) >> 1;
  const pass1 = scratchPass1;
  const compact = scratchCompact;
  const rowIn = scratchRowIn;
  const rowMid = scratchRowMid;
  const colSums = scratchColSums;
  const rowSums = scratchRowSums;
  for (let j = 0; j < 64; j++) {
    const c = sampleIndex(j, cols);
    sampleCols[j] = c;
    sampleColCounts[j] = boxCount(c, cols, wr, hr);
  }

  // Pass 1, horizontal: every source row into pass1.
  for (let r = 0; r < rows; r++) {
    source(r, rowIn);
    boxRow(rowIn, 0, pass1, r * cols, cols, wr, hr);
  }

  // Pass 1, vertical, one output row at a time (running sums per column), each output row going
  // straight into pass 2's horizontal sums, kept at the sampled columns only.
  colSums.fill(0, 0, cols);
  let read = 0;
  let left = 0;
  let o = 0;
  let cnt = 0;
  const emitRow = (o: number, cnt: number): void => {
    for (let c = 0; c < cols; c++) rowMid[c] = colSums[c]! / cnt;
    boxRowSums(rowMid, cols, wr, hr, rowSums);
    const base = o * 64;
    for (let j = 0; j < 64; j++) compact[base + j] = rowSums[sampleCols[j]!]! / sampleColCounts[j]!;
  };
  for (let k = 0; k < hc - 1; k++) {
    const base = read++ * cols;
    for (let c = 0; c < cols; c++) colSums[c] = colSums[c]! + pass1[base + c]!;
    cnt++;
  }
  for (let k = 0; k < wc - hc + 1; k++) {
    const base = read++ * cols;
    for (let c = 0; c < cols; c++) colSums[c] = colSums[c]! + pass1[base + c]!;
    cnt++;
    emitRow(o++, cnt);
  }
  for (let k = 0; k < rows - wc; k++) {
    const add = read++ * cols;
    const sub = left++ * cols;
    for (let c = 0; c < cols; c++)
      colSums[c] = fround(colSums[c]! + pass1[add + c]!) - pass1[sub + c]!;
    emitRow(o++, cnt);
  }
  for (let k = 0; k < hc - 1; k++) {
    const sub = left++ * cols;
    for (let c = 0; c < cols; c++) colSums[c] = colSums[c]! - pass1[sub + c]!;
    cnt--;
    emitRow(o++, cnt);
  }

  // Pass 2, vertical, over the 64 sampled columns, dividing only at the sampled rows.
  const sums = colSums64;
  sums.fill(0);
  read = 0;
  left = 0;
  o = 0;
  cnt = 0;
  let next = 0;
  for (let k = 0; k < hc - 1; k++) {
    const base = read++ * 64;
    for (let j = 0; j < 64; j++) sums[j] = sums[j]! + compact[base + j]!;
    cnt++;
  }
  for (let k = 0; k < wc - hc + 1; k++) {
    const base = read++ * 64;
    for (let j = 0; j < 64; j++) sums[j] = sums[j]! + compact[base + j]!;
    cnt++;
    next = emitSampledRows(sums, out, o++, cnt, next, rows);
  }
  for (let k = 0; k < rows - wc; k++) {
    const add = read++ * 64;
    const sub = left++ * 64;
    for (let j = 0; j < 64; j++) sums[j] = fround(sums[j]! + compact[add + j]!) - compact[sub + j]!;
    next = emitSampledRows(sums, out, o++, cnt, next, rows);
  }
  for (let k = 0; k < hc - 1; k++) {
    const sub = left++ * 64;
    for (let j = 0; j < 64; j++) sums[j] = sums[j]! - compact[sub + j]!;
    cnt--;
    next = emitSampledRows(sums, out, o++, cnt, next, rows);
  }
  return out;
}

/** Writes the decimated rows whose source row is `o`; returns the next sample index. */
function emitSampledRows(
  sums: Float32Array,
  out: Float32Array,
  o: number,
  cnt: number,
  next: number,
  rows: number,
): number {
  let i = next;
  while (i < 64 && sampleIndex(i, rows) === o) {
    const base = i * 64;
    for (let j = 0; j < 64; j++) out[base + j] = sums[j]! / cnt;
    i++;
  }
  return i;
}
