import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  inclusionProof,
  memoryRangeHasher,
  merkleTreeHash,
  verifyConsistency,
  verifyInclusion,
} from '../../src/merkle/index.js';
import { memoized } from '../support/memoized-range.js';

const vectors = fileURLToPath(new URL('../vectors/tlog/merkle/', import.meta.url));
const b64 = (s: string) => Buffer.from(s, 'base64');

// Probes where this project decides differently from transparency-dev, on purpose:
// every hash must be 32 bytes, also when the sizes are equal (that probe uses 12-byte roots).
const POLICY_DIFFERS = new Set([
  'consistency/additional/sizes-are-equal-one-and-proof-is-empty.json',
]);

function probes(kind: 'inclusion' | 'consistency'): string[] {
  const root = path.join(vectors, 'transparency-dev-testdata', kind);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .map((f) => `${kind}/${f}`)
    .sort();
}

describe('verifyInclusion against the transparency-dev probes', () => {
  it.each(probes('inclusion'))('%s', (file) => {
    const p = JSON.parse(
      readFileSync(path.join(vectors, 'transparency-dev-testdata', file), 'utf8'),
    );
    const check = verifyInclusion(
      b64(p.leafHash),
      p.leafIdx,
      p.treeSize,
      (p.proof ?? []).map(b64),
      b64(p.root),
    );
    expect(!check.ok).toBe(p.wantErr);
  });
});

describe('verifyConsistency against the transparency-dev probes', () => {
  it.each(probes('consistency'))('%s', (file) => {
    const p = JSON.parse(
      readFileSync(path.join(vectors, 'transparency-dev-testdata', file), 'utf8'),
    );
    const check = verifyConsistency(
      p.size1,
      p.size2,
      (p.proof ?? []).map(b64),
      b64(p.root1),
      b64(p.root2),
    );
    expect(!check.ok).toBe(POLICY_DIFFERS.has(file) ? !p.wantErr : p.wantErr);
  });
});

describe('proof generation on the 130-leaf tree (leaf i is the byte i)', () => {
  const vector = JSON.parse(
    readFileSync(path.join(vectors, 'derived-130-leaf-accumulated.json'), 'utf8'),
  );
  const leaves = Array.from({ length: 130 }, (_, i) => Uint8Array.of(i));
  // The exhaustive tests below ask for the same ranges again and again (each of the 8,515 pairs
  // hashes both whole trees): the same hashes, computed once.
  const hashRange = memoized(memoryRangeHasher(leaves));
  const hex = (b: Buffer) => b.toString('hex');

  it('reproduces every root', () => {
    const acc = createHash('sha256');
    for (let size = 0; size <= 130; size++)
      acc.update(`${size} ${hex(merkleTreeHash(leaves.slice(0, size)))}\n`);
    expect(acc.digest('hex')).toBe(vector.roots.accumulated);
  });

  it('reproduces all 8,515 inclusion proofs, and each verifies', () => {
    const acc = createHash('sha256');
    for (let size = 1; size <= 130; size++) {
      const root = hashRange(0, size);
      for (let index = 0; index < size; index++) {
        const proof = inclusionProof(index, size, hashRange);
        acc.update(`${index} ${size}${proof.map((h) => ` ${hex(h)}`).join('')}\n`);
        expect(verifyInclusion(hashRange(index, index + 1), index, size, proof, root).ok).toBe(
          true,
        );
      }
    }
    expect(acc.digest('hex')).toBe(vector.inclusion.accumulated);
  });

  it('reproduces all 8,515 consistency proofs, and each verifies', () => {
    const acc = createHash('sha256');
    for (let size2 = 1; size2 <= 130; size2++) {
      for (let size1 = 1; size1 <= size2; size1++) {
        const proof = consistencyProof(size1, size2, hashRange);
        acc.update(`${size1} ${size2}${proof.map((h) => ` ${hex(h)}`).join('')}\n`);
        expect(
          verifyConsistency(size1, size2, proof, hashRange(0, size1), hashRange(0, size2)).ok,
        ).toBe(true);
      }
    }
    expect(acc.digest('hex')).toBe(vector.consistency.accumulated);
  });

  it('rejects any proof with one flipped bit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 130 }),
        fc.nat(),
        fc.nat(),
        fc.nat(255),
        (size, i, j, bit) => {
          const index = i % size;
          const proof = inclusionProof(index, size, hashRange);
          const at = j % proof.length;
          proof[at] = Buffer.from(proof[at]!);
          proof[at]![bit >> 3]! ^= 1 << (bit & 7);
          expect(
            verifyInclusion(hashRange(index, index + 1), index, size, proof, hashRange(0, size)).ok,
          ).toBe(false);
          const size1 = 1 + (i % (size - 1));
          const c = consistencyProof(size1, size, hashRange);
          const k = j % c.length;
          c[k] = Buffer.from(c[k]!);
          c[k]![bit >> 3]! ^= 1 << (bit & 7);
          expect(
            verifyConsistency(size1, size, c, hashRange(0, size1), hashRange(0, size)).ok,
          ).toBe(false);
        },
      ),
    );
  });

  it('treats the empty tree as consistent with every tree, with an empty proof', () => {
    expect(verifyConsistency(0, 5, [], hashRange(0, 0), hashRange(0, 5)).ok).toBe(true);
    expect(verifyConsistency(0, 5, [], hashRange(0, 1), hashRange(0, 5)).ok).toBe(false);
    expect(verifyConsistency(0, 5, [hashRange(0, 1)], hashRange(0, 0), hashRange(0, 5)).ok).toBe(
      false,
    );
  });
});
