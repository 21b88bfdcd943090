import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { IdFingerprintSet } from './id-set.js';

const RUN_ENTRIES = 1 << 20;
const BLOCK_ENTRIES = 1024;
const KEY_BYTES = 8;
const BLOOM_BITS_PER_ENTRY = 12;
const BLOOM_HASHES = 8;

interface Run {
  readonly offset: number;
  readonly count: number;
  /** Every BLOCK_ENTRIES-th key (hi, lo), for finding the block a key would be in. */
  readonly sparse: Uint32Array;
  readonly bloom: Uint32Array;
}

/**
 * The set of id fingerprints seen in a build, with memory bounded by the run size instead of
 * the number of records. The newest ids live in an in-memory {@link IdFingerprintSet}; when it
 * holds a million, they are sorted and appended to a spill file as a run, remembered only by a
 * Bloom filter (12 bits an id) and a sparse index (every 1,024th key). A new id is looked up
 * on disk only when a run's filter says it might be there, which for a new id happens about
 * 0.3 % of the time per run.
 */
export class SpillingIdSet {
  #current: IdFingerprintSet;
  #currentKeys: Uint32Array;
  #currentCount = 0;
  readonly #runs: Run[] = [];
  #fd: number | undefined;
  #fileBytes = 0;
  readonly #block = Buffer.allocUnsafe(BLOCK_ENTRIES * KEY_BYTES);

  constructor(
    private readonly spillFile: string,
    private readonly runEntries = RUN_ENTRIES,
  ) {
    this.#current = new IdFingerprintSet();
    this.#currentKeys = new Uint32Array(runEntries * 2);
  }

  /** Adds a fingerprint; false when it was seen before (in memory or in a spilled run). */
  add(hi: number, lo: number): boolean {
    if (this.#inRuns(hi, lo)) return false;
    if (!this.#current.addFingerprint(hi, lo)) return false;
    this.#currentKeys[this.#currentCount * 2] = hi;
    this.#currentKeys[this.#currentCount * 2 + 1] = lo;
    this.#currentCount++;
    if (this.#currentCount === this.runEntries) this.#spill();
    return true;
  }

  /** Deletes the spill file. */
  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
    rmSync(this.spillFile, { force: true });
  }

  #inRuns(hi: number, lo: number): boolean {
    for (const run of this.#runs) {
      if (mightContain(run.bloom, hi, lo) && this.#searchRun(run, hi, lo)) return true;
    }
    return false;
  }

  #searchRun(run: Run, hi: number, lo: number): boolean {
    // The last sparse key that is <= the key names the block to read.
    let low = 0;
    let high = run.sparse.length / 2 - 1;
    let block = -1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if (compare(run.sparse[mid * 2]!, run.sparse[mid * 2 + 1]!, hi, lo) <= 0) {
        block = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    if (block === -1) return false;
    const first = block * BLOCK_ENTRIES;
    const entries = Math.min(BLOCK_ENTRIES, run.count - first);
    readFully(this.#fd!, this.#block, entries * KEY_BYTES, run.offset + first * KEY_BYTES);
    let a = 0;
    let b = entries - 1;
    while (a <= b) {
      const mid = (a + b) >>> 1;
      const c = compare(
        this.#block.readUInt32BE(mid * 8),
        this.#block.readUInt32BE(mid * 8 + 4),
        hi,
        lo,
      );
      if (c === 0) return true;
      if (c < 0) a = mid + 1;
      else b = mid - 1;
    }
    return false;
  }

  #spill(): void {
    const count = this.#currentCount;
    const order = Array.from({ length: count }, (_, i) => i);
    const keys = this.#currentKeys;
    order.sort((x, y) => compare(keys[x * 2]!, keys[x * 2 + 1]!, keys[y * 2]!, keys[y * 2 + 1]!));
    const data = Buffer.allocUnsafe(count * KEY_BYTES);
    const sparse = new Uint32Array(Math.ceil(count / BLOCK_ENTRIES) * 2);
    const bloom = new Uint32Array(Math.ceil((count * BLOOM_BITS_PER_ENTRY) / 32));
    order.forEach((i, at) => {
      const hi = keys[i * 2]!;
      const lo = keys[i * 2 + 1]!;
      data.writeUInt32BE(hi, at * 8);
      data.writeUInt32BE(lo, at * 8 + 4);
      if (at % BLOCK_ENTRIES === 0) {
        sparse[(at / BLOCK_ENTRIES) * 2] = hi;
        sparse[(at / BLOCK_ENTRIES) * 2 + 1] = lo;
      }
      addToBloom(bloom, hi, lo);
    });
    this.#fd ??= openSync(this.spillFile, 'wx+', 0o600);
    let written = 0;
    while (written < data.length)
      written += writeSync(
        this.#fd,
        data,
        written,
        data.length - written,
        this.#fileBytes + written,
      );
    this.#runs.push({ offset: this.#fileBytes, count, sparse, bloom });
    this.#fileBytes += data.length;
    this.#current = new IdFingerprintSet();
    this.#currentCount = 0;
  }
}

function compare(hiA: number, loA: number, hiB: number, loB: number): number {
  if (hiA !== hiB) return hiA < hiB ? -1 : 1;
  if (loA !== loB) return loA < loB ? -1 : 1;
  return 0;
}

// Double hashing (Kirsch–Mitzenmacher): the fingerprint halves are already uniform.
function addToBloom(bloom: Uint32Array, hi: number, lo: number): void {
  const bits = bloom.length * 32;
  for (let i = 0; i < BLOOM_HASHES; i++) {
    const bit = ((lo + Math.imul(i, hi | 1)) >>> 0) % bits;
    bloom[bit >>> 5]! |= 1 << (bit & 31);
  }
}

function mightContain(bloom: Uint32Array, hi: number, lo: number): boolean {
  const bits = bloom.length * 32;
  for (let i = 0; i < BLOOM_HASHES; i++) {
    const bit = ((lo + Math.imul(i, hi | 1)) >>> 0) % bits;
    if ((bloom[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
  }
  return true;
}

function readFully(fd: number, into: Buffer, length: number, position: number): void {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, into, done, length - done, position + done);
    if (n === 0) throw new Error('spill file ended early');
    done += n;
  }
}
