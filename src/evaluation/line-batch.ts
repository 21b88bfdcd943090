import type { Line } from '../io/line-reader.js';

/**
 * Lines copied out of the reader's reused buffer into one block, so they can be
 * evaluated later or in another thread. The block is shared memory (see sharedBlock).
 */
export interface LineBatch {
  readonly seq: number;
  readonly inputIndex: number;
  readonly data: Uint8Array;
  /**
   * Start and end offset of each line in `data`: line i spans [starts[i], ends[i]). Lines added
   * one by one lie back to back; lines read straight from a file (`addLines`) keep the line
   * endings between them.
   */
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  readonly numbers: Uint32Array;
  readonly tooLong: Uint8Array;
}

const MAX_LINES = 2048;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
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
  #starts: Uint32Array;
  #ends: Uint32Array;
  #numbers: Uint32Array;
  #tooLong: Uint8Array;
  #count = 0;
  #seq = 0;
  /** Blocks of batches already written, to be filled again (see `recycle`). */
  readonly #free: Buffer[] = [];

  /** `maxLines`: fewer lines a batch than the default, for builds that hold each batch's media. */
  constructor(private readonly maxLines = MAX_LINES) {
    this.#starts = new Uint32Array(maxLines);
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
    const start = this.#bytes;
    const need = start + line.bytes.length;
    this.#room(need);
    line.bytes.copy(this.#block, start);
    this.#bytes = need;
    this.#push(start, need, line.number, line.tooLong);
  }

  /** Lines added by the last `addLines`. */
  linesAdded = 0;

  /**
   * Adds the complete lines (each ending in a newline) of `src` from `from`, a line start, until
   * the batch is full or no complete line is left, numbering them from `firstNumber`; returns
   * where the lines added end. A line's bytes are as `readFileLines` gives them: without its
   * newline and a CR before it, and none for a line longer than `maxLineBytes` (too long). The
   * lines are copied with one copy, endings and all: a copy, a view and an object per line were
   * a visible share of a build's reading thread (BENCHMARKS.md, "Issue 13, buildspeed9").
   */
  addLines(src: Buffer, from: number, firstNumber: number, maxLineBytes: number): number {
    const base = this.#bytes - from;
    let start = from;
    let added = 0;
    // As `full`, counting the bytes up to each line's end as if it were copied already.
    while (this.#count < this.maxLines && base + start < TARGET_BYTES) {
      const newline = src.indexOf(NEWLINE, start);
      if (newline === -1) break;
      const end = newline > start && src[newline - 1] === CARRIAGE_RETURN ? newline - 1 : newline;
      const tooLong = end - start > maxLineBytes;
      this.#push(base + start, base + (tooLong ? start : end), firstNumber + added, tooLong);
      added++;
      start = newline + 1;
    }
    this.linesAdded = added;
    if (start > from) {
      this.#room(base + start);
      src.copy(this.#block, this.#bytes, from, start);
      this.#bytes = base + start;
    }
    return start;
  }

  /** Adds a line too long to keep, whose bytes the reader skipped. */
  addTooLong(number: number): void {
    this.#push(this.#bytes, this.#bytes, number, true);
  }

  #room(need: number): void {
    if (need > this.#block.length) {
      const bigger = sharedBlock(Math.max(need, this.#block.length * 2));
      this.#block.copy(bigger, 0, 0, this.#bytes);
      this.#block = bigger;
    }
  }

  #push(start: number, end: number, number: number, tooLong: boolean): void {
    if (this.#count === this.#ends.length) this.#growLines();
    this.#starts[this.#count] = start;
    this.#ends[this.#count] = end;
    this.#numbers[this.#count] = number;
    this.#tooLong[this.#count] = tooLong ? 1 : 0;
    this.#count++;
  }

  take(inputIndex: number): LineBatch {
    const count = this.#count;
    const batch: LineBatch = {
      seq: this.#seq++,
      inputIndex,
      data: this.#block.subarray(0, this.#bytes),
      starts: this.#starts.slice(0, count),
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
    this.#starts = grow(this.#starts, (n) => new Uint32Array(n));
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
  for (let i = 0; i < batch.ends.length; i++) {
    yield {
      number: batch.numbers[i]!,
      bytes: data.subarray(batch.starts[i]!, batch.ends[i]!),
      tooLong: batch.tooLong[i] === 1,
    };
  }
}
