/**
 * A 256-bit PDQ hash as eight 32-bit words: bit k (k = 16·row + col of the DCT cell) lives in
 * word k >> 5 at position k & 31. The text form is the big-endian hex of the 256-bit integer,
 * the same 64 lowercase hex digits the reference prints.
 */
export type Hash256 = Uint32Array;

export const HASH256_WORDS = 8;
export const HASH256_HEX_LENGTH = 64;
const HEX_RE = /^[0-9a-fA-F]{64}$/;

export function emptyHash256(): Hash256 {
  return new Uint32Array(HASH256_WORDS);
}

export function hash256ToHex(hash: Hash256): string {
  let out = '';
  for (let w = HASH256_WORDS - 1; w >= 0; w--) out += hash[w]!.toString(16).padStart(8, '0');
  return out;
}

/** Parses 64 hex digits (any case); returns undefined for anything else. */
export function hash256FromHex(hex: string): Hash256 | undefined {
  if (!HEX_RE.test(hex)) return undefined;
  const hash = emptyHash256();
  for (let w = 0; w < HASH256_WORDS; w++) {
    const end = HASH256_HEX_LENGTH - 8 * w;
    hash[w] = Number.parseInt(hex.slice(end - 8, end), 16) >>> 0;
  }
  return hash;
}

export function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Number of differing bits. Both hashes may be views into larger word arrays (offsets in words). */
export function hammingDistance(a: Hash256, b: Hash256, aOffset = 0, bOffset = 0): number {
  let d = 0;
  for (let w = 0; w < HASH256_WORDS; w++) d += popcount32(a[aOffset + w]! ^ b[bOffset + w]!);
  return d;
}

export function hash256Equals(a: Hash256, b: Hash256): boolean {
  for (let w = 0; w < HASH256_WORDS; w++) if (a[w] !== b[w]) return false;
  return true;
}
