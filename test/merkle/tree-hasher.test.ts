import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { merkleTreeHash, TreeHasher } from '../../src/merkle/index.js';

// RFC 6962 reference tree transcribed from transparency-dev/merkle (see test/vectors/tlog/README.md).
const reference = JSON.parse(
  readFileSync(
    new URL('../vectors/tlog/merkle/rfc6962-reference-tree.json', import.meta.url),
    'utf8',
  ),
) as { leaves: string[]; rootHashesBySize: string[] };

describe('TreeHasher', () => {
  it('reproduces the RFC 6962 reference roots for every tree size 0..8', () => {
    const leaves = reference.leaves.map((hex) => Buffer.from(hex, 'hex'));
    for (let size = 0; size <= leaves.length; size++) {
      const hasher = new TreeHasher();
      for (const leaf of leaves.slice(0, size)) hasher.append(leaf);
      expect(hasher.root().toString('hex')).toBe(reference.rootHashesBySize[size]);
      expect(hasher.size).toBe(size);
    }
  });

  it('agrees with the recursive definition for any list of leaves', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 300 }), (leaves) => {
        const hasher = new TreeHasher();
        for (const leaf of leaves) hasher.append(leaf);
        expect(hasher.root().equals(merkleTreeHash(leaves))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('changes its root when any leaf byte changes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 50 }),
        fc.nat(),
        fc.nat(),
        (leaves, which, at) => {
          const before = merkleTreeHash(leaves);
          const leaf = leaves[which % leaves.length]!;
          leaf[at % leaf.length]! ^= 1;
          expect(merkleTreeHash(leaves).equals(before)).toBe(false);
        },
      ),
    );
  });
});
