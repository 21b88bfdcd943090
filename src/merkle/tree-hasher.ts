import { emptyTreeHash, leafHash, nodeHash } from './hash.js';
import { memoryRangeHasher } from './proofs.js';

/**
 * Computes the RFC 6962 Merkle Tree Hash of a stream of leaves in O(log n) memory.
 *
 * The stack holds the roots of complete subtrees of strictly decreasing size, like the
 * digits of a binary counter. MTH splits at the largest power of two below n, so those
 * complete subtrees are exactly its left parts; folding the stack from the right at the
 * end reproduces the incomplete right edge.
 */
export class TreeHasher {
  #stack: { size: number; hash: Buffer }[] = [];
  #count = 0;

  get size(): number {
    return this.#count;
  }

  append(data: Uint8Array): void {
    this.appendLeafHash(leafHash(data));
  }

  appendLeafHash(hash: Buffer): void {
    let node = { size: 1, hash };
    let top = this.#stack.at(-1);
    while (top && top.size === node.size) {
      this.#stack.pop();
      node = { size: node.size * 2, hash: nodeHash(top.hash, node.hash) };
      top = this.#stack.at(-1);
    }
    this.#stack.push(node);
    this.#count++;
  }

  root(): Buffer {
    if (this.#stack.length === 0) return emptyTreeHash();
    let hash = this.#stack.at(-1)!.hash;
    for (let i = this.#stack.length - 2; i >= 0; i--) hash = nodeHash(this.#stack[i]!.hash, hash);
    return hash;
  }
}

/** The Merkle Tree Hash of a list of leaves, computed by the RFC 6962 recursive definition. */
export function merkleTreeHash(leaves: readonly Uint8Array[]): Buffer {
  return memoryRangeHasher(leaves)(0, leaves.length);
}
