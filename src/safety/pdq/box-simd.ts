// The reference's box filter (`box1DFloat`) in WebAssembly SIMD, four lines at a time.
// WebAssembly's f32 arithmetic is IEEE single precision with round-to-nearest, as the
// reference's `float` is on x86-64 (SSE, no fused multiply-add in that code), so the running
// sums and the division `sum / window` are the reference's own operations, in its order — no
// emulation through doubles as in downscale.ts, which is what makes this path fast.
import { encodeModule, I32, op, V128, type WasmFunction } from './wasm-encoder.js';

// Repeats `body` `count` times (count in local `k`, counted down).
function times(countLocal: number, k: number, body: readonly number[]): number[] {
  return [
    ...op.get(countLocal),
    ...op.set(k),
    ...op.block,
    ...op.loop,
    ...op.i32(0),
    ...op.get(k),
    ...op.i32GeS,
    ...op.brIf(1),
    ...body,
    ...op.get(k),
    ...op.i32(1),
    ...op.i32Sub,
    ...op.set(k),
    ...op.br(0),
    ...op.end,
    ...op.end,
  ];
}

const add = (local: number, amount: readonly number[]): number[] => [
  ...op.get(local),
  ...amount,
  ...op.i32Add,
  ...op.set(local),
];

/** `body` for local `counter` = 0, `step`, 2 `step` … while it is below the local `limit`. */
function upTo(counter: number, limit: number, step: number, body: readonly number[]): number[] {
  return [
    ...op.i32(0),
    ...op.set(counter),
    ...op.block,
    ...op.loop,
    ...op.get(counter),
    ...op.get(limit),
    ...op.i32GeS,
    ...op.brIf(1),
    ...body,
    ...add(counter, op.i32(step)),
    ...op.br(0),
    ...op.end,
    ...op.end,
  ];
}

/**
 * boxColumns(in, out, rowBytes, sums, n1, n2, n3): the box down every column of a buffer of rows
 * `rowBytes` apart (a multiple of 16), all columns swept a row at a time with one running sum
 * per column in `sums`; n1 = n4 = half − 1, n2 = w − half + 1, n3 = rows − w (the reference's
 * phase counts). Every 16-byte group of a row is filtered, padding included.
 */
function boxColumns(): WasmFunction {
  const [IN, OUT, ROW, SUMS, N1, N2, N3] = [0, 1, 2, 3, 4, 5, 6];
  const [READ, LEFT, C, K, CNT, CNTV, S] = [7, 8, 9, 10, 11, 12, 13];
  const overColumns = (body: readonly number[]): number[] => upTo(C, ROW, 16, body);
  const at = (base: number): number[] => [...op.get(base), ...op.get(C), ...op.i32Add];
  const sum = [...at(SUMS), ...op.v128Load()];
  const read = [...at(READ), ...op.v128Load()];
  const left = [...at(LEFT), ...op.v128Load()];
  // sums[c] = s; out[c] = s / cnt
  const keepAndWrite = (s: readonly number[]): number[] => [
    ...at(SUMS),
    ...s,
    ...op.tee(S),
    ...op.v128Store(),
    ...at(OUT),
    ...op.get(S),
    ...op.get(CNTV),
    ...op.f32x4Div,
    ...op.v128Store(),
  ];
  const setCount = [...op.get(CNT), ...op.f32ConvertI32S, ...op.f32x4Splat, ...op.set(CNTV)];
  const body = [
    ...overColumns([...at(SUMS), ...op.v128Zero, ...op.v128Store()]),
    ...op.get(IN),
    ...op.tee(READ),
    ...op.set(LEFT),
    ...op.i32(0),
    ...op.set(CNT),
    // Phase 1: the first half window, no output.
    ...times(N1, K, [
      ...overColumns([...at(SUMS), ...sum, ...read, ...op.f32x4Add, ...op.v128Store()]),
      ...add(READ, op.get(ROW)),
      ...add(CNT, op.i32(1)),
    ]),
    // Phase 2: growing window.
    ...times(N2, K, [
      ...add(CNT, op.i32(1)),
      ...setCount,
      ...overColumns(keepAndWrite([...sum, ...read, ...op.f32x4Add])),
      ...add(READ, op.get(ROW)),
      ...add(OUT, op.get(ROW)),
    ]),
    // Phase 3: full window.
    ...times(N3, K, [
      ...overColumns(keepAndWrite([...sum, ...read, ...op.f32x4Add, ...left, ...op.f32x4Sub])),
      ...add(READ, op.get(ROW)),
      ...add(LEFT, op.get(ROW)),
      ...add(OUT, op.get(ROW)),
    ]),
    // Phase 4: shrinking window.
    ...times(N1, K, [
      ...add(CNT, op.i32(-1)),
      ...setCount,
      ...overColumns(keepAndWrite([...sum, ...left, ...op.f32x4Sub])),
      ...add(LEFT, op.get(ROW)),
      ...add(OUT, op.get(ROW)),
    ]),
  ];
  return {
    name: 'boxColumns',
    params: [I32, I32, I32, I32, I32, I32, I32],
    locals: [I32, I32, I32, I32, I32, V128, V128],
    body,
  };
}

/**
 * boxRows(in, out, groups, rowBytes, n1, n2, n3): the box along each of `groups` × 4 rows,
 * `rowBytes` apart, four rows in the four lanes (gathered and scattered a float at a time);
 * n1 = n4 = half − 1, n2 = w − half + 1, n3 = cols − w.
 */
function boxRows(): WasmFunction {
  const [IN, OUT, GROUPS, ROW, N1, N2, N3] = [0, 1, 2, 3, 4, 5, 6];
  const [READ, LEFT, O, K, G, CNT, CNTV, S, T, ROW2, ROW3] = [
    7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
  ];
  // The four rows' floats at `pointer`, `pointer` + ROW, + 2 ROW, + 3 ROW: lane i + 1 comes
  // from `offsets[i]` bytes on. The vector stays on the stack after the last lane.
  const offsets = [ROW, ROW2, ROW3];
  const gather = (pointer: number): number[] => [
    ...op.get(pointer),
    ...op.v128Load32Zero(),
    ...offsets.flatMap((offset, i) => [
      ...op.set(T),
      ...op.get(pointer),
      ...op.get(offset),
      ...op.i32Add,
      ...op.get(T),
      ...op.v128Load32Lane(i + 1),
    ]),
  ];
  const scatter = (value: readonly number[]): number[] => [
    ...value,
    ...op.set(T),
    ...op.get(O),
    ...op.get(T),
    ...op.v128Store32Lane(0),
    ...offsets.flatMap((offset, i) => [
      ...op.get(O),
      ...op.get(offset),
      ...op.i32Add,
      ...op.get(T),
      ...op.v128Store32Lane(i + 1),
    ]),
  ];
  const setCount = [...op.get(CNT), ...op.f32ConvertI32S, ...op.f32x4Splat, ...op.set(CNTV)];
  const step = (s: readonly number[]): number[] => [
    ...s,
    ...op.set(S),
    ...scatter([...op.get(S), ...op.get(CNTV), ...op.f32x4Div]),
  ];
  const next = (local: number) => add(local, op.i32(4));
  const body = [
    ...op.get(ROW),
    ...op.get(ROW),
    ...op.i32Add,
    ...op.tee(ROW2),
    ...op.get(ROW),
    ...op.i32Add,
    ...op.set(ROW3),
    ...times(GROUPS, G, [
      ...op.get(IN),
      ...op.tee(READ),
      ...op.set(LEFT),
      ...op.get(OUT),
      ...op.set(O),
      ...op.v128Zero,
      ...op.set(S),
      ...op.i32(0),
      ...op.set(CNT),
      ...times(N1, K, [
        ...op.get(S),
        ...gather(READ),
        ...op.f32x4Add,
        ...op.set(S),
        ...next(READ),
        ...add(CNT, op.i32(1)),
      ]),
      ...times(N2, K, [
        ...add(CNT, op.i32(1)),
        ...setCount,
        ...step([...op.get(S), ...gather(READ), ...op.f32x4Add]),
        ...next(READ),
        ...next(O),
      ]),
      ...times(N3, K, [
        ...step([...op.get(S), ...gather(READ), ...op.f32x4Add, ...gather(LEFT), ...op.f32x4Sub]),
        ...next(READ),
        ...next(LEFT),
        ...next(O),
      ]),
      ...times(N1, K, [
        ...add(CNT, op.i32(-1)),
        ...setCount,
        ...step([...op.get(S), ...gather(LEFT), ...op.f32x4Sub]),
        ...next(LEFT),
        ...next(O),
      ]),
      // The next four rows.
      ...add(IN, [...op.get(ROW), ...op.i32(2), ...op.i32Shl]),
      ...add(OUT, [...op.get(ROW), ...op.i32(2), ...op.i32Shl]),
    ]),
  ];
  return {
    name: 'boxRows',
    params: [I32, I32, I32, I32, I32, I32, I32],
    locals: [I32, I32, I32, I32, I32, I32, V128, V128, V128, I32, I32],
    body,
  };
}

/** The module's memory, as much of it as is used here. */
interface KernelMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** The WebAssembly API as used here (the project's TypeScript libraries do not declare it). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { readonly exports: object };
}

// float32 values of 0.299, 0.587 and 0.114, as the reference's `float` constants (luma.ts).
const R_COEF = Math.fround(0.299);
const G_COEF = Math.fround(0.587);
const B_COEF = Math.fround(0.114);

/**
 * lumaRgb / lumaGrey(src, srcRowBytes, offsets, out, rows, colBytes, rowBytes): luma of `rows`
 * rows of 8-bit pixels (`srcRowBytes` apart from `src`), sampled at the byte offsets of the i32
 * table `offsets` (colBytes = 4 × its length), as float32 rows `rowBytes` apart from `out`:
 * (0.299 R + 0.587 G) + 0.114 B in float32, each product of a float32 and a byte exact before
 * its rounding — what luma.ts's product tables hold — or the grey byte itself.
 */
function luma(name: string, grey: boolean): WasmFunction {
  const [SRC, SRC_ROW, OFFSETS, OUT, ROWS, COL_BYTES, ROW] = [0, 1, 2, 3, 4, 5, 6];
  const [K, I, P] = [7, 8, 9];
  const channel = (offset: number, coef: number): number[] => [
    ...op.f32(coef),
    ...op.get(P),
    ...op.i32Load8U(offset),
    ...op.f32ConvertI32U,
    ...op.f32Mul,
  ];
  const value = grey
    ? [...op.get(P), ...op.i32Load8U(), ...op.f32ConvertI32U]
    : [
        ...channel(0, R_COEF),
        ...channel(1, G_COEF),
        ...op.f32Add,
        ...channel(2, B_COEF),
        ...op.f32Add,
      ];
  const body = times(ROWS, K, [
    ...upTo(I, COL_BYTES, 4, [
      ...op.get(SRC),
      ...op.get(OFFSETS),
      ...op.get(I),
      ...op.i32Add,
      ...op.i32Load(),
      ...op.i32Add,
      ...op.set(P),
      ...op.get(OUT),
      ...op.get(I),
      ...op.i32Add,
      ...value,
      ...op.f32Store(),
    ]),
    ...add(SRC, op.get(SRC_ROW)),
    ...add(OUT, op.get(ROW)),
  ]);
  return {
    name,
    params: [I32, I32, I32, I32, I32, I32, I32],
    locals: [I32, I32, I32],
    body,
  };
}

export interface BoxKernels {
  readonly memory: KernelMemory;
  boxColumns(
    input: number,
    output: number,
    rowBytes: number,
    sums: number,
    n1: number,
    n2: number,
    n3: number,
  ): void;
  boxRows(
    input: number,
    output: number,
    groups: number,
    rowBytes: number,
    n1: number,
    n2: number,
    n3: number,
  ): void;
  lumaRgb(
    src: number,
    srcRowBytes: number,
    offsets: number,
    out: number,
    rows: number,
    colBytes: number,
    rowBytes: number,
  ): void;
  lumaGrey(
    src: number,
    srcRowBytes: number,
    offsets: number,
    out: number,
    rows: number,
    colBytes: number,
    rowBytes: number,
  ): void;
}

let kernels: BoxKernels | null | undefined;

/** The kernels, or null where WebAssembly SIMD is not available (then downscale.ts's path runs). */
export function boxKernels(): BoxKernels | null {
  if (kernels !== undefined) return kernels;
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  const bytes = encodeModule(
    [boxColumns(), boxRows(), luma('lumaRgb', false), luma('lumaGrey', true)],
    1,
  );
  if (!wasm?.validate(bytes)) {
    kernels = null;
    return kernels;
  }
  const { exports } = new wasm.Instance(new wasm.Module(bytes));
  kernels = exports as unknown as BoxKernels;
  return kernels;
}
