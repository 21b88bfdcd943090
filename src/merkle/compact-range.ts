import { emptyTreeHash, nodeHash } from './hash.js';

/** A perfect, aligned subtree: leaves [index·2^level, (index+1)·2^level). */
export interface TreeNode {
  readonly level: number;
  readonly index: number;
  readonly hash: Buffer;
}

const HASH_BYTES = 32;

/**
 * The right edge of a log: the roots of the perfect subtrees that cover [0, size), one per set
 * bit of `size`, largest first. It is all a writer needs to append and to compute the new root
 * without reading old leaves, so it is stored beside the tree (as Tessera and Trillian do).
 */
export class CompactRange {
  #size: number;
  #nodes: Buffer[];

  private constructor(size: number, nodes: Buffer[]) {
    this.#size = size;
    this.#nodes = nodes;
  }

  static empty(): CompactRange {
    return new CompactRange(0, []);
  }

  /** Restores a range from its size and the concatenated node hashes written by `encode`. */
  static decode(size: number, encoded: Uint8Array): CompactRange {
    const count = popcount(size);
    if (!Number.isSafeInteger(size) || size < 0 || encoded.length !== count * HASH_BYTES) {
      throw new RangeError(`a compact range of size ${size} needs ${count} hashes`);
    }
    const nodes: Buffer[] = [];
    for (let i = 0; i < count; i++) {
      nodes.push(Buffer.from(encoded.subarray(i * HASH_BYTES, (i + 1) * HASH_BYTES)));
    }
    return new CompactRange(size, nodes);
  }

  get size(): number {
    return this.#size;
  }

  encode(): Buffer {
    return Buffer.concat(this.#nodes);
  }

  /** The edge's nodes with their coordinates, largest (leftmost) first. */
  nodes(): TreeNode[] {
    const out: TreeNode[] = [];
    let start = 0;
    for (let level = 52, i = 0; level >= 0; level--) {
      const width = 2 ** level;
      if (Math.floor(this.#size / width) % 2 === 1) {
        out.push({ level, index: start / width, hash: this.#nodes[i++]! });
        start += width;
      }
    }
    return out;
  }

  /**
   * Appends one leaf hash and returns every perfect subtree it completes (level ≥ 1), so the
   * caller can store them for later proofs.
   */
  append(leaf: Buffer): TreeNode[] {
    const completed: TreeNode[] = [];
    let hash = leaf;
    let level = 0;
    let position = this.#size;
    // Merging mirrors a binary increment: each trailing one bit of the old size is a sibling.
    while (position % 2 === 1) {
      const left = this.#nodes.pop()!;
      hash = nodeHash(left, hash);
      level++;
      position = (position - 1) / 2;
      completed.push({ level, index: position, hash });
    }
    this.#nodes.push(hash);
    this.#size++;
    return completed;
  }

  root(): Buffer {
    if (this.#nodes.length === 0) return emptyTreeHash();
    let hash = this.#nodes.at(-1)!;
    for (let i = this.#nodes.length - 2; i >= 0; i--) hash = nodeHash(this.#nodes[i]!, hash);
    return hash;
  }

  clone(): CompactRange {
    return new CompactRange(this.#size, [...this.#nodes]);
  }
}

function popcount(n: number): number {
  let count = 0;
  for (let v = n; v > 0; v = Math.floor(v / 2)) count += v % 2;
  return count;
}
