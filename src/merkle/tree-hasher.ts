import { emptyTreeHash, leafHash, nodeHash } from './hash.js';
import { memoryRangeHasher } from './proofs.js';
import { sha256Into } from './sha256-into.js';

/**
 * Computes the RFC 6962 Merkle Tree Hash of a stream of leaves in O(log n) memory.
 *
 * The stack holds the roots of complete subtrees of strictly decreasing size, like the
 * digits of a binary counter. MTH splits at the largest power of two below n, so those
 * complete subtrees are exactly its left parts; folding the stack from the right at the
 * end reproduces the incomplete right edge.
 */
export class TreeHasher {
  /**
   * The subtree roots, 32 bytes each, largest first, in one buffer: an object and a buffer per
   * leaf and per node were a visible share of a build's writer (BENCHMARKS.md, "Issue 13,
   * fifth round"). A count below 2^53 has at most 53 set bits.
   */
  readonly #stack = Buffer.alloc(53 * 32);
  #depth = 0;
  /** An interior node's input, `0x01 ‖ left ‖ right`, reused for every node. */
  readonly #pair = Buffer.alloc(65, 0x01);
  #count = 0;

  get size(): number {
    return this.#count;
  }

  append(data: Uint8Array): void {
    this.appendLeafHash(leafHash(data));
  }

  appendLeafHash(hash: Buffer): void {
    this.appendLeafHashAt(hash, 0);
  }

  /** Appends the leaf hash at `offset` in `hashes` (32 bytes). */
  appendLeafHashAt(hashes: Buffer, offset: number): void {
    const stack = this.#stack;
    const pair = this.#pair;
    // Each complete subtree of the same size as the new one merges with it: as many as the
    // count has trailing one bits, as in a binary counter.
    let n = this.#count;
    if (n % 2 === 0) {
      copy32(hashes, offset, stack, this.#depth * 32);
    } else {
      // The right child waits in the pair; each node's digest is written back there as the next
      // right child, and the last one onto the stack (no buffer per node).
      copy32(hashes, offset, pair, 33);
      while (n % 2 === 1) {
        this.#depth--;
        copy32(stack, this.#depth * 32, pair, 1);
        sha256Into(pair, pair, 33);
        n = (n - 1) / 2;
      }
      copy32(pair, 33, stack, this.#depth * 32);
    }
    this.#depth++;
    this.#count++;
  }

  root(): Buffer {
    if (this.#depth === 0) return emptyTreeHash();
    let node: Buffer = Buffer.from(this.#stack.subarray((this.#depth - 1) * 32, this.#depth * 32));
    for (let i = this.#depth - 2; i >= 0; i--)
      node = nodeHash(this.#stack.subarray(i * 32, i * 32 + 32), node);
    return node;
  }
}

/**
 * Copies 32 bytes. A loop, not Buffer#copy: a call of that costs ~100 ns whatever the length
 * (its range arguments go through JavaScript checks and a native call), the loop about half.
 */
function copy32(from: Uint8Array, fromAt: number, to: Uint8Array, toAt: number): void {
  for (let i = 0; i < 32; i++) to[toAt + i] = from[fromAt + i]!;
}

/** The Merkle Tree Hash of a list of leaves, computed by the RFC 6962 recursive definition. */
export function merkleTreeHash(leaves: readonly Uint8Array[]): Buffer {
  return memoryRangeHasher(leaves)(0, leaves.length);
}
