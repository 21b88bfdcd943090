import { createHash, hash } from 'node:crypto';

// RFC 6962 §2.1 domain separation: leaves and interior nodes can never be confused.
const LEAF_PREFIX = Buffer.from([0x00]);

export function leafHash(data: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(data).digest();
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  // One-shot digest of one buffer: a hash object per node was a visible cost in large builds.
  const input = Buffer.allocUnsafe(1 + left.length + right.length);
  input[0] = 0x01;
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return hash('sha256', input, 'buffer');
}

export function emptyTreeHash(): Buffer {
  return createHash('sha256').digest();
}
