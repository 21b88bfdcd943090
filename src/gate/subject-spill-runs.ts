import { readSync } from 'node:fs';
import { SUBJECT_BYTES } from './subject-bytes.js';

const W = SUBJECT_BYTES;
// Spilled runs are read back 2,048 subjects at a time.
export const READ_SUBJECTS = 1 << 11;

/** Reads one sorted run of the spill file a block at a time. */
export class RunReader {
  readonly buf = Buffer.allocUnsafe(READ_SUBJECTS * W);
  pos = 0;
  #len = 0;
  #next: number;
  #remaining: number;

  constructor(
    private readonly fd: number,
    offset: number,
    count: number,
  ) {
    this.#next = offset;
    this.#remaining = count;
  }

  /** Reads the next block; false when the run is used up. */
  fill(): boolean {
    if (this.#remaining === 0) return false;
    const n = Math.min(READ_SUBJECTS, this.#remaining);
    let read = 0;
    while (read < n * W) {
      const got = readSync(this.fd, this.buf, read, n * W - read, this.#next + read);
      if (got === 0) throw new Error('the subjects spill file ended early');
      read += got;
    }
    this.#next += n * W;
    this.#remaining -= n;
    this.#len = n;
    this.pos = 0;
    return true;
  }

  /** Moves to the next subject; false when the run is used up. */
  advance(): boolean {
    return ++this.pos < this.#len || this.fill();
  }
}

/** A binary min-heap of run readers, ordered by their current subject. */
export class ReaderHeap {
  constructor(private readonly items: RunReader[]) {
    for (let i = (items.length >> 1) - 1; i >= 0; i--) this.#down(i);
  }

  get size(): number {
    return this.items.length;
  }

  top(): RunReader {
    return this.items[0]!;
  }

  /** Restores the order after the top reader advanced. */
  siftDown(): void {
    this.#down(0);
  }

  pop(): void {
    const last = this.items.pop()!;
    if (this.items.length > 0) {
      this.items[0] = last;
      this.#down(0);
    }
  }

  #down(i: number): void {
    const items = this.items;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let least = i;
      if (l < items.length && less(items[l]!, items[least]!)) least = l;
      if (r < items.length && less(items[r]!, items[least]!)) least = r;
      if (least === i) return;
      [items[i], items[least]] = [items[least]!, items[i]!];
      i = least;
    }
  }
}

function less(a: RunReader, b: RunReader): boolean {
  const x = a.buf;
  const y = b.buf;
  const i = a.pos * W;
  const j = b.pos * W;
  for (let k = 0; k < W; k++) {
    if (x[i + k] !== y[j + k]) return x[i + k]! < y[j + k]!;
  }
  return false;
}
