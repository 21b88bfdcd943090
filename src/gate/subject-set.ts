import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import type { FileEntry } from './manifest.js';
import { equalAt, isZeroAt, SUBJECT_BYTES } from './subject-bytes.js';
import { sortDistinctSubjects } from './subject-sort.js';
import { READ_SUBJECTS, ReaderHeap, RunReader } from './subject-spill-runs.js';
import { SubjectsFileWriter } from './subjects-file-writer.js';

const W = SUBJECT_BYTES;

// The in-memory set: an open-addressing table of at most 2^18 slots (8 MiB), at most three
// quarters full.
const MAX_SLOTS = 1 << 18;
const INITIAL_SLOTS = 1 << 10;

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
