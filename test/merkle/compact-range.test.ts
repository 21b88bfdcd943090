import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CompactRange,
  consistencyProof,
  inclusionProof,
  leafHash,
  memoryRangeHasher,
  merkleTreeHash,
  nodeRangeHasher,
  nodesNeeded,
  type TreeNode,
} from '../../src/merkle/index.js';
import { memoized } from '../support/memoized-range.js';

const leafOf = (i: number) => createHash('sha256').update(`leaf ${i}`).digest();

/** Appends n leaves, keeping every node the range reports, as the log store does. */
function grow(n: number) {
  const range = CompactRange.empty();
  const stored = new Map<string, Buffer>();
  const leaves: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    leaves.push(leafOf(i));
    const leaf = leafHash(leaves[i]!);
    stored.set(`0/${i}`, leaf);
    for (const node of range.append(leaf)) stored.set(`${node.level}/${node.index}`, node.hash);
  }
  return { range, stored, leaves };
}

describe('CompactRange', () => {
  it('has the RFC 6962 root after every append', () => {
    const range = CompactRange.empty();
    const leaves: Buffer[] = [];
    expect(range.root()).toEqual(merkleTreeHash([]));
    for (let i = 0; i < 70; i++) {
      leaves.push(leafOf(i));
      range.append(leafHash(leaves[i]!));
      expect(range.root()).toEqual(merkleTreeHash(leaves));
    }
  });

  it('reports exactly the perfect subtrees, with the hashes MTH gives them', () => {
    const { stored, leaves } = grow(37);
    const mth = memoryRangeHasher(leaves);
    for (const [key, hash] of stored) {
      const [level, index] = key.split('/').map(Number) as [number, number];
      expect(hash).toEqual(mth(index * 2 ** level, (index + 1) * 2 ** level));
    }
    // 37 leaves complete 18 + 9 + 4 + 2 + 1 nodes above the leaves.
    expect(stored.size).toBe(37 + 34);
  });

  it('survives encode and decode, and names its nodes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 20 }), (n, more) => {
        const { range, leaves } = grow(n);
        const copy = CompactRange.decode(n, range.encode());
        for (let i = 0; i < more; i++) {
          const leaf = leafHash(leafOf(n + i));
          range.append(leaf);
          copy.append(leaf);
          leaves.push(leafOf(n + i));
        }
        expect(copy.root()).toEqual(range.root());
        expect(copy.root()).toEqual(merkleTreeHash(leaves));
        const mth = memoryRangeHasher(leaves);
        for (const node of copy.nodes() as TreeNode[]) {
          expect(node.hash).toEqual(
            mth(node.index * 2 ** node.level, (node.index + 1) * 2 ** node.level),
          );
        }
      }),
      { numRuns: 60 },
    );
  });

  it('refuses an encoding of the wrong length', () => {
    expect(() => CompactRange.decode(3, Buffer.alloc(32))).toThrow(RangeError);
  });
});

describe('nodeRangeHasher', () => {
  it('gives the same proofs from stored nodes as from the leaves, and nodesNeeded names them all', () => {
    const { stored, leaves } = grow(130);
    // The reference answers, each range hashed from the leaves once (see memoized-range.ts).
    const fromLeaves = memoized(memoryRangeHasher(leaves));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 130 }), fc.nat(), fc.nat(), (size, a, b) => {
        const index = a % size;
        const old = b % (size + 1);
        const lookup = (level: number, i: number) => stored.get(`${level}/${i}`);
        const fromNodes = nodeRangeHasher(lookup);
        expect(inclusionProof(index, size, fromNodes)).toEqual(
          inclusionProof(index, size, fromLeaves),
        );
        expect(consistencyProof(old, size, fromNodes)).toEqual(
          consistencyProof(old, size, fromLeaves),
        );
        const needed = nodesNeeded((h) => {
          inclusionProof(index, size, h);
          consistencyProof(old, size, h);
        });
        const only = new Map(needed.map(([l, i]) => [`${l}/${i}`, stored.get(`${l}/${i}`)!]));
        const restricted = nodeRangeHasher((l, i) => only.get(`${l}/${i}`));
        expect(inclusionProof(index, size, restricted)).toEqual(
          inclusionProof(index, size, fromLeaves),
        );
        // A proof reads O(log² n) nodes, not the leaves.
        expect(needed.length).toBeLessThanOrEqual(8 * 8 * 2);
      }),
      { numRuns: 300 },
    );
  });

  it('fails loudly when a node is missing', () => {
    expect(() => nodeRangeHasher(() => undefined)(0, 4)).toThrow(/not available/);
  });
});
