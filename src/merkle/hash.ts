import { createHash } from 'node:crypto';

// RFC 6962 §2.1 domain separation: leaves and interior nodes can never be confused.
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

export function leafHash(data: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(data).digest();
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

export function emptyTreeHash(): Buffer {
  return createHash('sha256').digest();
}
