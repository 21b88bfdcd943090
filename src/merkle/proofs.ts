import { emptyTreeHash, leafHash, nodeHash } from './hash.js';

/** The Merkle Tree Hash of the leaves [start, end); proofs are built from such ranges. */
export type RangeHasher = (start: number, end: number) => Buffer;

export type ProofCheck = { ok: true } | { ok: false; error: string };

const HASH_BYTES = 32;
/** Longer proofs cannot belong to a tree of fewer than 2^64 leaves. */
const MAX_PROOF = 64;

/** Inclusion proof (RFC 9162 §2.1.3.1) of leaf `index` in the tree of the first `size` leaves, leaf side first. */
export function inclusionProof(index: number, size: number, hashRange: RangeHasher): Buffer[] {
  checkSize(index < size && index >= 0, `index ${index} is not below size ${size}`);
  const proof: Buffer[] = [];
  let start = 0;
  let end = size;
  // Walk down from the root, collecting the sibling at each level, then reverse to leaf-first.
  while (end - start > 1) {
    const k = largestPowerOfTwoBelow(end - start);
    if (index < start + k) {
      proof.push(hashRange(start + k, end));
      end = start + k;
    } else {
      proof.push(hashRange(start, start + k));
      start += k;
    }
  }
  return proof.reverse();
}

/** Consistency proof (RFC 9162 §2.1.4.1) between the trees of the first `m` and `n` leaves. */
export function consistencyProof(m: number, n: number, hashRange: RangeHasher): Buffer[] {
  checkSize(m >= 0 && m <= n, `old size ${m} is not between 0 and the new size ${n}`);
  if (m === 0 || m === n) return [];
  const proof: Buffer[] = [];
  subproof(m, 0, n, true, hashRange, proof);
  return proof;
}

function subproof(
  m: number,
  start: number,
  end: number,
  whole: boolean,
  hashRange: RangeHasher,
  out: Buffer[],
): void {
  const n = end - start;
  if (m === n) {
    if (!whole) out.push(hashRange(start, end));
    return;
  }
  const k = largestPowerOfTwoBelow(n);
  if (m <= k) {
    subproof(m, start, start + k, whole, hashRange, out);
    out.push(hashRange(start + k, end));
  } else {
    subproof(m - k, start + k, end, false, hashRange, out);
    out.push(hashRange(start, start + k));
  }
}

/** Verifies an inclusion proof (RFC 9162 §2.1.3.2). Every hash must be 32 bytes. */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): ProofCheck {
  if (!isIndex(index) || !isIndex(size) || index >= size)
    return fail(`index ${index} is not below size ${size}`);
  if (!allHashes([leaf, root, ...proof]) || proof.length > MAX_PROOF)
    return fail('a hash is not 32 bytes, or the proof is too long');
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leaf);
  for (const p of proof) {
    if (sn === 0) return fail('the proof is longer than the path to the root');
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      [fn, sn] = skipLeftEdge(fn, sn);
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return fail('the proof is shorter than the path to the root');
  return r.equals(root) ? { ok: true } : fail('the proof leads to a different root');
}

/**
 * Verifies a consistency proof (RFC 9162 §2.1.4.2). Two edge cases are decided here on purpose:
 * equal sizes need an empty proof and equal roots; and, as in C2SP tlog-witness, the empty tree
 * (size 0, root SHA-256 of nothing) is consistent with every tree, with an empty proof.
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): ProofCheck {
  if (!isIndex(size1) || !isIndex(size2) || size1 > size2)
    return fail(`old size ${size1} is larger than new size ${size2}`);
  if (!allHashes([root1, root2, ...proof]) || proof.length > MAX_PROOF)
    return fail('a hash is not 32 bytes, or the proof is too long');
  if (size1 === size2) {
    if (proof.length > 0) return fail('equal sizes need an empty proof');
    return Buffer.from(root1).equals(root2)
      ? { ok: true }
      : fail('equal sizes but different roots');
  }
  if (size1 === 0) {
    if (proof.length > 0) return fail('a proof from the empty tree must be empty');
    return emptyTreeHash().equals(root1)
      ? { ok: true }
      : fail('the old root is not the empty tree hash');
  }
  if (proof.length === 0) return fail('the proof is empty');
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr: Buffer = Buffer.from(path[0]!);
  let sr: Buffer = Buffer.from(path[0]!);
  for (const c of path.slice(1)) {
    if (sn === 0) return fail('the proof is longer than needed');
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      [fn, sn] = skipLeftEdge(fn, sn);
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return fail('the proof is shorter than needed');
  if (!fr.equals(root1)) return fail('the proof does not lead to the old root');
  return sr.equals(root2) ? { ok: true } : fail('the proof does not lead to the new root');
}

/** A RangeHasher over leaf data held in memory; for tests and small trees. */
export function memoryRangeHasher(leaves: readonly Uint8Array[]): RangeHasher {
  const hashRange: RangeHasher = (start, end) => {
    if (end - start === 0) return emptyTreeHash();
    if (end - start === 1) return leafHash(leaves[start]!);
    const k = largestPowerOfTwoBelow(end - start);
    return nodeHash(hashRange(start, start + k), hashRange(start + k, end));
  };
  return hashRange;
}

// RFC 9162 steps 3b/5b: after hashing in a left sibling, climb while the node is a left child
// on the right edge (its parent has no right sibling to add).
function skipLeftEdge(fn: number, sn: number): [number, number] {
  while (fn % 2 === 0 && fn !== 0) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return [fn, sn];
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

function isIndex(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

function allHashes(hashes: readonly Uint8Array[]): boolean {
  return hashes.every((h) => h instanceof Uint8Array && h.length === HASH_BYTES);
}

function checkSize(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(message);
}

function fail(error: string): ProofCheck {
  return { ok: false, error };
}
