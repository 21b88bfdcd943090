import { emptyTreeHash, nodeHash } from './hash.js';
import type { RangeHasher } from './proofs.js';

/** Looks up a stored perfect subtree (see `TreeNode`); level 0 holds the leaf hashes. */
export type NodeLookup = (level: number, index: number) => Buffer | undefined;

export type NodeKey = readonly [level: number, index: number];

/**
 * A RangeHasher over stored perfect subtrees: a range that is one aligned perfect subtree is
 * read directly, any other range is split as MTH splits it. Proofs then touch O(log² n) nodes
 * instead of every leaf.
 */
export function nodeRangeHasher(lookup: NodeLookup): RangeHasher {
  const hashRange: RangeHasher = (start, end) => {
    const width = end - start;
    if (width === 0) return emptyTreeHash();
    if (isPowerOfTwo(width) && start % width === 0) {
      const level = Math.round(Math.log2(width));
      const hash = lookup(level, start / width);
      if (!hash) throw new RangeError(`tree node ${level}/${start / width} is not available`);
      return hash;
    }
    const k = largestPowerOfTwoBelow(width);
    return nodeHash(hashRange(start, start + k), hashRange(start + k, end));
  };
  return hashRange;
}

/**
 * The stored nodes that `compute` will read through its RangeHasher, found by a dry run with
 * placeholder hashes. Lets an adapter fetch them all in one query before computing for real.
 */
export function nodesNeeded(compute: (hashRange: RangeHasher) => unknown): NodeKey[] {
  const needed = new Map<string, NodeKey>();
  const placeholder = Buffer.alloc(32);
  compute(
    nodeRangeHasher((level, index) => {
      needed.set(`${level}/${index}`, [level, index]);
      return placeholder;
    }),
  );
  return [...needed.values()];
}

function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
