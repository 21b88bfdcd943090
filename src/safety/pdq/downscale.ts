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
