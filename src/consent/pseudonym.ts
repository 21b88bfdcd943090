import { createHmac } from 'node:crypto';
import type { SubjectAccount } from '../records/index.js';

/**
 * Keyed pseudonym of a subject: HMAC-SHA-256 over "platform\0account" as lower-case hex.
 * The NUL separator keeps ("ab","c") and ("a","bc") apart; without the secret the raw
 * account cannot be confirmed by guessing.
 */
export function pseudonymise(secret: Uint8Array, subject: SubjectAccount): string {
  return pseudonymDigest(secret, subject).toString('hex');
}

/** The pseudonym's 32 bytes, as the consent index keys subjects. */
export function pseudonymDigest(secret: Uint8Array, subject: SubjectAccount): Buffer {
  return createHmac('sha256', secret)
    .update(subject.platform)
    .update('\0')
    .update(subject.account)
    .digest();
}
