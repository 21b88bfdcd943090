import { createHmac } from 'node:crypto';
import { ObhutError } from '../errors/index.js';
import type { SubjectAccount } from '../records/index.js';

/**
 * Keyed pseudonym of a subject: HMAC-SHA-256 over "platform\0account" as lower-case hex.
 * The NUL separator keeps ("ab","c") and ("a","bc") apart; without the secret the raw
 * account cannot be confirmed by guessing.
 */
export function pseudonymise(secret: Uint8Array, subject: SubjectAccount): string {
  return pseudonymDigest(secret, subject).toString('hex');
}

/**
 * The pseudonym's 32 bytes, as the consent index keys subjects. A NUL inside the platform is
 * refused here, for every caller (records, consent events, identity links, staff commands, CLI
 * flags): ("a\0b", "c") and ("a", "b\0c") would otherwise be one subject. The account may hold a
 * NUL: it comes last, so the split stays unambiguous.
 */
export function pseudonymDigest(secret: Uint8Array, subject: SubjectAccount): Buffer {
  if (subject.platform.includes('\0')) {
    throw new ObhutError('REQUEST_INVALID', 'a platform name must not contain a NUL character');
  }
  return createHmac('sha256', secret)
    .update(subject.platform)
    .update('\0')
    .update(subject.account)
    .digest();
}
