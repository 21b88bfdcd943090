/** A subject pseudonym is an HMAC-SHA-256 output: 32 bytes. */
export const SUBJECT_BYTES = 32;
const W = SUBJECT_BYTES;

/** Whether the subject at `at` is all zero bytes. */
export function isZeroAt(bytes: Uint8Array, at: number): boolean {
  for (let k = 0; k < W; k++) if (bytes[at + k] !== 0) return false;
  return true;
}

/** Whether the subject at `at` of `a` equals the one at `bt` of `b`. */
export function equalAt(a: Uint8Array, at: number, b: Uint8Array, bt: number): boolean {
  for (let k = 0; k < W; k++) if (a[at + k] !== b[bt + k]) return false;
  return true;
}
