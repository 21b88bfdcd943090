import { hash } from 'node:crypto';

/**
 * Writes the SHA-256 digest of `input` into `out` at `offset` (32 bytes).
 *
 * Why not `hash('sha256', input, 'buffer')`: Node 20 makes that Buffer in C++ with a backing
 * store of its own, which cost about 0.6 µs a call more than the digest itself of a short input
 * (0.9-1.0 against 0.35 µs for 65 bytes, BENCHMARKS.md "Issue 13, sixth round") and left an
 * external allocation per call for the collector. The 'binary' (Latin-1) string maps each byte
 * to one character and back, so the bytes written are the digest's, exactly.
 */
export function sha256Into(input: Uint8Array, out: Buffer, offset: number): void {
  out.write(hash('sha256', input, 'binary'), offset, DIGEST_BYTES, 'latin1');
}

const DIGEST_BYTES = 32;
