import {
  emptyTreeHash,
  inclusionProof,
  nodeHash,
  type RangeHasher,
  TreeHasher,
} from '../merkle/index.js';
import { sha256Into } from '../merkle/sha256-into.js';
import { SUBJECT_BYTES } from './subject-bytes.js';

/**
 * A build's subject list as the tree `subjects_root` commits to: the sorted, distinct
 * pseudonyms of the subjects with at least one admitted item, in an RFC 6962 tree whose leaves
 * are the pseudonyms' 32 raw bytes. Pure: no I/O.
 */

const W = SUBJECT_BYTES;
// Subtrees of 256 leaves are hashed once and kept (32 bytes each), so every proof after the
// first costs a few hundred hashes, not a pass over the whole list.
const CHUNK = 256;

/** The sorted, distinct subjects of one build (packed 32-byte records), with proofs. */
export class SubjectsTree {
  readonly count: number;
  #chunks: Buffer | undefined;

  constructor(readonly sorted: Buffer) {
    if (sorted.length % W !== 0) {
      throw new RangeError(`a subject list is a multiple of ${W} bytes, not ${sorted.length}`);
    }
    this.count = sorted.length / W;
  }

  subject(index: number): Buffer {
    return this.sorted.subarray(index * W, index * W + W);
  }

  /** The first index whose subject is not below `subject` (count when every one is). */
  lowerBound(subject: Uint8Array): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.sorted.compare(subject, 0, W, mid * W, mid * W + W) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  root(): Buffer {
    return this.#hashRange(0, this.count);
  }

  inclusionProof(index: number): Buffer[] {
    return inclusionProof(index, this.count, this.#hashRange);
  }

  /** Checks that the list is strictly increasing (sorted, no duplicates). */
  isStrictlySorted(): boolean {
    for (let i = 1; i < this.count; i++) {
      if (this.sorted.compare(this.sorted, i * W, i * W + W, (i - 1) * W, i * W) >= 0) return false;
    }
    return true;
  }

  readonly #hashRange: RangeHasher = (start, end) => {
    const width = end - start;
    if (width === 0) return emptyTreeHash();
    if (width === CHUNK && start % CHUNK === 0) {
      const chunks = this.#chunkRoots();
      const at = (start / CHUNK) * 32;
      return chunks.subarray(at, at + 32);
    }
    if (width <= CHUNK) return this.#hashLeaves(start, end);
    const k = largestPowerOfTwoBelow(width);
    return nodeHash(this.#hashRange(start, start + k), this.#hashRange(start + k, end));
  };

  #chunkRoots(): Buffer {
    if (!this.#chunks) {
      const full = Math.floor(this.count / CHUNK);
      const chunks = Buffer.allocUnsafe(full * 32);
      for (let c = 0; c < full; c++)
        this.#hashLeaves(c * CHUNK, (c + 1) * CHUNK).copy(chunks, c * 32);
      this.#chunks = chunks;
    }
    return this.#chunks;
  }

  #hashLeaves(start: number, end: number): Buffer {
    const tree = new TreeHasher();
    const leaf = Buffer.alloc(1 + W);
    const digest = Buffer.alloc(32);
    for (let i = start; i < end; i++) {
      this.sorted.copy(leaf, 1, i * W, i * W + W);
      sha256Into(leaf, digest, 0);
      tree.appendLeafHash(digest);
    }
    return tree.root();
  }
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
