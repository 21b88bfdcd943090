import { SUBJECT_BYTES } from './subject-bytes.js';

const W = SUBJECT_BYTES;
// Buckets by the first two bytes. Pseudonyms are uniformly random, so a bucket of a run holds
// a handful of subjects and is sorted by insertion; a large one (not random input) by index.
const BUCKETS = 1 << 16;
const INSERTION_MAX = 32;

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
