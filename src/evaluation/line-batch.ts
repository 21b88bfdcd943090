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
/**
 * A block holds TARGET_BYTES and room for the line that crosses it: a batch is full only once a
 * line has crossed TARGET_BYTES, so a block of exactly TARGET_BYTES grew (was copied into one of
 * twice the size) for nearly every batch. Longer lines still grow the block, as before.
 */
const BLOCK_BYTES = TARGET_BYTES + (64 << 10);

/** Collects lines until a batch is worth sending; `take()` hands it over and starts a new one. */
export class LineBatcher {
  #block = sharedBlock(BLOCK_BYTES);
  #bytes = 0;
  // Per line, written in place: a batch never holds more than maxLines lines (see `full`).
  #ends: Uint32Array;
  #numbers: Uint32Array;
  #tooLong: Uint8Array;
  #count = 0;
  #seq = 0;
  /** Blocks of batches already written, to be filled again (see `recycle`). */
  readonly #free: Buffer[] = [];

  /** `maxLines`: fewer lines a batch than the default, for builds that hold each batch's media. */
  constructor(private readonly maxLines = MAX_LINES) {
    this.#ends = new Uint32Array(maxLines);
    this.#numbers = new Uint32Array(maxLines);
    this.#tooLong = new Uint8Array(maxLines);
  }

  get full(): boolean {
    return this.#count >= this.maxLines || this.#bytes >= TARGET_BYTES;
  }

  get empty(): boolean {
    return this.#count === 0;
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
    if (this.#count === this.#ends.length) this.#growLines();
    this.#ends[this.#count] = need;
    this.#numbers[this.#count] = line.number;
    this.#tooLong[this.#count] = line.tooLong ? 1 : 0;
    this.#count++;
  }

  take(inputIndex: number): LineBatch {
    const count = this.#count;
    const batch: LineBatch = {
      seq: this.#seq++,
      inputIndex,
      data: this.#block.subarray(0, this.#bytes),
      ends: this.#ends.slice(0, count),
      numbers: this.#numbers.slice(0, count),
      tooLong: this.#tooLong.slice(0, count),
    };
    // Another block: the old one belongs to the batch until it is evaluated and written.
    this.#block = this.#free.pop() ?? sharedBlock(BLOCK_BYTES);
    this.#bytes = 0;
    this.#count = 0;
    return batch;
  }

  /**
   * Hands back the block of a batch taken from this batcher once its result is written: no
   * thread reads it any more (a worker answers only after evaluating the whole batch, and
   * outcomes hold no view of it), so the next batch may fill it. A new SharedArrayBuffer per
   * batch was zeroed and faulted in anew, which cost more than the clone it replaced.
   */
  recycle(data: Uint8Array): void {
    const buffer = data.buffer;
    if (
      buffer instanceof SharedArrayBuffer &&
      buffer.byteLength === BLOCK_BYTES &&
      this.#free.length < MAX_FREE_BLOCKS
    )
      this.#free.push(Buffer.from(buffer));
  }

  #growLines(): void {
    // Only if `full` was not heeded; kept so that add() never writes past the arrays.
    const grow = <T extends Uint32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const bigger = make(a.length * 2 || 1);
      bigger.set(a);
      return bigger;
    };
    this.#ends = grow(this.#ends, (n) => new Uint32Array(n));
    this.#numbers = grow(this.#numbers, (n) => new Uint32Array(n));
    this.#tooLong = grow(this.#tooLong, (n) => new Uint8Array(n));
  }
}

// Batches in flight at once are a few (the evaluator's window); more free blocks would only
// hold memory.
const MAX_FREE_BLOCKS = 8;

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
