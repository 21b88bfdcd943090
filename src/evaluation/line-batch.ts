import type { Line } from '../io/line-reader.js';

/**
 * Lines copied out of the reader's reused buffer into one block, so they can be
 * evaluated later or in another thread. The block is shared memory (see sharedBlock).
 */
export interface LineBatch {
  readonly seq: number;
  readonly inputIndex: number;
  readonly data: Uint8Array;
  /** End offset of each line in `data`; line i spans [ends[i-1] ?? 0, ends[i]). */
  readonly ends: Uint32Array;
  readonly numbers: Uint32Array;
  readonly tooLong: Uint8Array;
}

const MAX_LINES = 2048;
const TARGET_BYTES = 1 << 20;

/** Collects lines until a batch is worth sending; `take()` hands it over and starts a new one. */
export class LineBatcher {
  #block = sharedBlock(TARGET_BYTES);
  #bytes = 0;
  #ends: number[] = [];
  #numbers: number[] = [];
  #tooLong: number[] = [];
  #seq = 0;

  /** `maxLines`: fewer lines a batch than the default, for builds that hold each batch's media. */
  constructor(private readonly maxLines = MAX_LINES) {}

  get full(): boolean {
    return this.#ends.length >= this.maxLines || this.#bytes >= TARGET_BYTES;
  }

  get empty(): boolean {
    return this.#ends.length === 0;
  }

  add(line: Line): void {
    // Copied: the line's bytes belong to the reader and change on its next read.
    const need = this.#bytes + line.bytes.length;
    if (need > this.#block.length) {
      const bigger = sharedBlock(Math.max(need, this.#block.length * 2));
      this.#block.copy(bigger, 0, 0, this.#bytes);
      this.#block = bigger;
    }
    line.bytes.copy(this.#block, this.#bytes);
    this.#bytes = need;
    this.#ends.push(this.#bytes);
    this.#numbers.push(line.number);
    this.#tooLong.push(line.tooLong ? 1 : 0);
  }

  take(inputIndex: number): LineBatch {
    const batch: LineBatch = {
      seq: this.#seq++,
      inputIndex,
      data: this.#block.subarray(0, this.#bytes),
      ends: Uint32Array.from(this.#ends),
      numbers: Uint32Array.from(this.#numbers),
      tooLong: Uint8Array.from(this.#tooLong),
    };
    // A fresh block per batch: the old one belongs to the batch until it is evaluated.
    this.#block = sharedBlock(TARGET_BYTES);
    this.#bytes = 0;
    this.#ends = [];
    this.#numbers = [];
    this.#tooLong = [];
    return batch;
  }
}

/**
 * A batch's block in a SharedArrayBuffer: posting the batch to a worker then shares the bytes
 * instead of cloning them (the structured clone of each ~1 MB block was ~5 % of a build's
 * thread in a 1M-record profile, BENCHMARKS.md "Issue 13, sixth round"), and the build keeps
 * the same bytes to evaluate again should the worker die. No thread writes a block once taken.
 */
function sharedBlock(bytes: number): Buffer {
  return Buffer.from(new SharedArrayBuffer(bytes));
}

/** The lines of a batch again, as views of its block. */
export function* batchLines(batch: LineBatch): Generator<Line> {
  const data = Buffer.from(batch.data.buffer, batch.data.byteOffset, batch.data.byteLength);
  let start = 0;
  for (let i = 0; i < batch.ends.length; i++) {
    const end = batch.ends[i]!;
    yield {
      number: batch.numbers[i]!,
      bytes: data.subarray(start, end),
      tooLong: batch.tooLong[i] === 1,
    };
    start = end;
  }
}
