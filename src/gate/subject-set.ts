import { createHash, hash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { TreeHasher } from '../merkle/index.js';
import type { FileEntry } from './manifest.js';

/** A subject pseudonym is an HMAC-SHA-256 output: 32 bytes. */
export const SUBJECT_BYTES = 32;
const W = SUBJECT_BYTES;

// The in-memory set: an open-addressing table of at most 2^18 slots (8 MiB), at most three
// quarters full; spilled runs are read back 2,048 subjects at a time.
const MAX_SLOTS = 1 << 18;
const INITIAL_SLOTS = 1 << 10;
const READ_SUBJECTS = 1 << 11;
// Buckets by the first two bytes. Pseudonyms are uniformly random, so a bucket of a run holds
// a handful of subjects and is sorted by insertion; a large one (not random input) by index.
const BUCKETS = 1 << 16;
const INSERTION_MAX = 32;

/**
 * The distinct subjects of a build's admitted items, sorted bytewise, in memory bounded by the
 * run size rather than the number of items or subjects. A subject is copied into one packed
 * table (no object per item) only the first time it is seen there; a subject usually has many
 * items. The table grows up to `maxSlots`; when it is three quarters full at that size, its
 * subjects are sorted in place and written to a spill file as a sorted run, and it starts empty. `finish` merges the runs and the
 * table into `subjects.bin`, dropping subjects repeated across runs, and computes the RFC 6962
 * root over the result as it writes it.
 */
export class SubjectCollector {
  /** Open addressing; an all-zero slot is empty (the all-zero subject is kept apart). */
  #table: Buffer;
  #slots: number;
  #count = 0;
  #zero = false;
  readonly #runs: { offset: number; count: number }[] = [];
  #fd: number | undefined;
  #fileBytes = 0;

  /** `maxSlots` (a power of two) bounds the table; a run holds up to three quarters of it. */
  constructor(
    private readonly spillFile: string,
    private readonly maxSlots = MAX_SLOTS,
  ) {
    if (maxSlots < 4 || (maxSlots & (maxSlots - 1)) !== 0) {
      throw new RangeError('maxSlots must be a power of two of at least 4');
    }
    this.#slots = Math.min(INITIAL_SLOTS, maxSlots);
    this.#table = Buffer.alloc(this.#slots * W);
  }

  /** Adds the 32 bytes at `offset` of `source`, unless the table already holds them. */
  add(source: Uint8Array, offset: number): void {
    const table = this.#table;
    const mask = this.#slots - 1;
    let slot = hashAt(source, offset) & mask;
    for (;;) {
      const at = slot * W;
      if (isZeroAt(table, at)) break;
      if (equalAt(table, at, source, offset)) return;
      slot = (slot + 1) & mask;
    }
    if (isZeroAt(source, offset)) {
      if (this.#zero) return;
      this.#zero = true;
    } else {
      for (let k = 0; k < W; k++) table[slot * W + k] = source[offset + k]!;
    }
    if (++this.#count * 4 >= this.#slots * 3) this.#makeRoom();
  }

  /**
   * Writes the sorted, distinct subjects to `file` (raw 32-byte records, no separators), and
   * returns the file's entry, the number of subjects and their RFC 6962 root, whose leaves are
   * the subjects' 32 bytes. Removes the spill file.
   */
  finish(file: string): { entry: FileEntry; count: number; root: Buffer } {
    const out = new SubjectsFileWriter(file);
    try {
      const sorted = this.#sortTable();
      if (this.#runs.length === 0) {
        out.write(this.#table.subarray(0, sorted * W));
      } else {
        if (sorted > 0) this.#spill(sorted);
        this.#merge(out);
      }
      return out.close();
    } catch (err) {
      out.abort();
      throw err;
    } finally {
      this.close();
    }
  }

  /** Deletes the spill file and lets the table go. */
  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
    this.#table = Buffer.alloc(0);
    this.#slots = 0;
    this.#count = 0;
    rmSync(this.spillFile, { force: true });
  }

  #makeRoom(): void {
    if (this.#slots < this.maxSlots) {
      const old = this.#table;
      const oldSlots = this.#slots;
      this.#slots *= 2;
      this.#table = Buffer.alloc(this.#slots * W);
      this.#count = this.#zero ? 1 : 0;
      for (let s = 0; s < oldSlots; s++) if (!isZeroAt(old, s * W)) this.add(old, s * W);
      return;
    }
    this.#spill(this.#sortTable());
  }

  /**
   * Moves the table's subjects to its front, sorted, and leaves the slots after them empty;
   * returns how many there are. `#spill` empties the front again.
   */
  #sortTable(): number {
    const table = this.#table;
    let n = 0;
    for (let s = 0; s < this.#slots; s++) {
      const at = s * W;
      if (isZeroAt(table, at)) continue;
      if (s !== n) {
        table.copy(table, n * W, at, at + W);
        table.fill(0, at, at + W);
      }
      n++;
    }
    // The all-zero subject: slot n is empty, that is, already all zero.
    if (this.#zero) n++;
    this.#zero = false;
    this.#count = 0;
    return sortDistinctSubjects(table, n);
  }

  #spill(count: number): void {
    this.#fd ??= openSync(this.spillFile, 'wx+', 0o600);
    const bytes = count * W;
    let written = 0;
    while (written < bytes) {
      written += writeSync(
        this.#fd,
        this.#table,
        written,
        bytes - written,
        this.#fileBytes + written,
      );
    }
    this.#runs.push({ offset: this.#fileBytes, count });
    this.#fileBytes += bytes;
    this.#table.fill(0, 0, bytes);
  }

  #merge(out: SubjectsFileWriter): void {
    // The table is not needed any more; each run gets a small read buffer instead.
    this.#table = Buffer.alloc(0);
    this.#slots = 0;
    const readers = this.#runs.map((run) => new RunReader(this.#fd!, run.offset, run.count));
    const heap = new ReaderHeap(readers.filter((r) => r.fill()));
    const block = Buffer.allocUnsafe(READ_SUBJECTS * W);
    let used = 0;
    const last = Buffer.alloc(W);
    let hasLast = false;
    while (heap.size > 0) {
      const top = heap.top();
      const at = top.pos * W;
      if (!hasLast || !equalAt(top.buf, at, last, 0)) {
        top.buf.copy(block, used * W, at, at + W);
        top.buf.copy(last, 0, at, at + W);
        hasLast = true;
        if (++used === READ_SUBJECTS) {
          out.write(block);
          used = 0;
        }
      }
      if (top.advance()) heap.siftDown();
      else heap.pop();
    }
    out.write(block.subarray(0, used * W));
  }
}

/**
 * The table slot of a subject, from its first and last four bytes: pseudonyms are uniformly
 * random HMAC outputs. Subjects that are not (in tests) only make probing longer.
 */
function hashAt(bytes: Uint8Array, at: number): number {
  const head = bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24);
  const tail =
    bytes[at + 28]! | (bytes[at + 29]! << 8) | (bytes[at + 30]! << 16) | (bytes[at + 31]! << 24);
  return (Math.imul(head ^ tail, 0x9e3779b1) ^ tail) >>> 0;
}

function isZeroAt(bytes: Uint8Array, at: number): boolean {
  for (let k = 0; k < W; k++) if (bytes[at + k] !== 0) return false;
  return true;
}

function equalAt(a: Uint8Array, at: number, b: Uint8Array, bt: number): boolean {
  for (let k = 0; k < W; k++) if (a[at + k] !== b[bt + k]) return false;
  return true;
}

/** Reads one sorted run of the spill file a block at a time. */
class RunReader {
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
class ReaderHeap {
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

/** Writes subjects.bin, hashing it and computing the subjects' Merkle root on the way. */
class SubjectsFileWriter {
  readonly #fd: number;
  readonly #sha = createHash('sha256');
  readonly #tree = new TreeHasher();
  // 0x00 ‖ subject: the RFC 6962 leaf input, hashed in one call per subject.
  readonly #leaf = Buffer.alloc(1 + W);
  #bytes = 0;

  constructor(readonly file: string) {
    this.#fd = openSync(file, 'wx', 0o644);
  }

  write(block: Buffer): void {
    this.#sha.update(block);
    let written = 0;
    while (written < block.length) {
      written += writeSync(this.#fd, block, written, block.length - written);
    }
    this.#bytes += block.length;
    for (let at = 0; at < block.length; at += W) {
      block.copy(this.#leaf, 1, at, at + W);
      this.#tree.appendLeafHash(hash('sha256', this.#leaf, 'buffer'));
    }
  }

  close(): { entry: FileEntry; count: number; root: Buffer } {
    fsyncSync(this.#fd);
    closeSync(this.#fd);
    const count = this.#tree.size;
    return {
      entry: {
        path: path.basename(this.file),
        bytes: this.#bytes,
        sha256: this.#sha.digest('hex'),
        records: count,
      },
      count,
      root: this.#tree.root(),
    };
  }

  abort(): void {
    try {
      closeSync(this.#fd);
    } catch {
      // already closed
    }
  }
}

/**
 * Sorts the first `count` 32-byte records of `buf` bytewise and removes duplicates, in place,
 * without an object per record: an in-place bucket pass on the first two bytes (American flag
 * sort), then each bucket on its own. Returns the number of distinct records, now at the front.
 */
export function sortDistinctSubjects(buf: Buffer, count: number): number {
  if (count < 2) return count;
  // starts[b] is where bucket b begins; starts[BUCKETS] is the end.
  const starts = new Uint32Array(BUCKETS + 1);
  for (let i = 0; i < count; i++) starts[bucketOf(buf, i) + 1]!++;
  for (let b = 0; b < BUCKETS; b++) starts[b + 1]! += starts[b]!;
  const next = starts.slice(0, BUCKETS);
  const tmp = Buffer.allocUnsafe(W);
  for (let b = 0; b < BUCKETS; b++) {
    const end = starts[b + 1]!;
    while (next[b]! < end) {
      const i = next[b]!;
      const c = bucketOf(buf, i);
      if (c === b) {
        next[b]!++;
      } else {
        // Each swap puts one record into its bucket for good.
        swap(buf, i, next[c]!++);
      }
    }
  }
  for (let b = 0; b < BUCKETS; b++) {
    const start = starts[b]!;
    const end = starts[b + 1]!;
    if (end - start > INSERTION_MAX) sortByIndex(buf, start, end);
    else if (end - start > 1) insertionSort(buf, start, end, tmp);
  }
  let distinct = 1;
  for (let i = 1; i < count; i++) {
    if (compareAt(buf, i, distinct - 1) === 0) continue;
    if (i !== distinct) buf.copy(buf, distinct * W, i * W, i * W + W);
    distinct++;
  }
  return distinct;
}

function bucketOf(buf: Buffer, i: number): number {
  return (buf[i * W]! << 8) | buf[i * W + 1]!;
}

/** Compares records i and j of buf bytewise; records differ early, so a loop beats a call. */
function compareAt(buf: Buffer, i: number, j: number): number {
  const a = i * W;
  const b = j * W;
  for (let k = 0; k < W; k++) {
    const d = buf[a + k]! - buf[b + k]!;
    if (d !== 0) return d;
  }
  return 0;
}

function swap(buf: Buffer, i: number, j: number): void {
  const a = i * W;
  const b = j * W;
  for (let k = 0; k < W; k++) {
    const t = buf[a + k]!;
    buf[a + k] = buf[b + k]!;
    buf[b + k] = t;
  }
}

function insertionSort(buf: Buffer, start: number, end: number, tmp: Buffer): void {
  for (let i = start + 1; i < end; i++) {
    let j = i;
    while (j > start && compareAt(buf, j - 1, i) > 0) j--;
    if (j === i) continue;
    buf.copy(tmp, 0, i * W, i * W + W);
    buf.copyWithin((j + 1) * W, j * W, i * W);
    tmp.copy(buf, j * W);
  }
}

function sortByIndex(buf: Buffer, start: number, end: number): void {
  const order = Array.from({ length: end - start }, (_, k) => start + k);
  order.sort((x, y) => compareAt(buf, x, y));
  const sorted = Buffer.allocUnsafe((end - start) * W);
  order.forEach((x, k) => {
    buf.copy(sorted, k * W, x * W, x * W + W);
  });
  sorted.copy(buf, start * W);
}
