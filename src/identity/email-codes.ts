import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

export const CODE_LIFETIME_MS = 10 * 60 * 1000;
const MAX_ATTEMPTS = 5;
// Bounded so a flood of sign-in requests cannot grow memory; the oldest codes go first.
const MAX_PENDING = 100_000;

/**
 * One-time codes for people without a platform account. Codes are held only as keyed hashes
 * next to a keyed hash of the address, never the address itself, and die after ten minutes or
 * five wrong tries.
 */
export class EmailCodes {
  readonly #key: Buffer;
  readonly #pending = new Map<string, { code: Buffer; expires: number; attempts: number }>();

  constructor(secret: Buffer) {
    this.#key = createHmac('sha256', secret).update('obhut email codes v1').digest();
  }

  issue(email: string, now = Date.now()): string {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const id = this.#hash(`email\0${email}`);
    this.#pending.delete(id);
    this.#pending.set(id, {
      code: this.#codeHash(id, code),
      expires: now + CODE_LIFETIME_MS,
      attempts: 0,
    });
    if (this.#pending.size > MAX_PENDING) this.#pending.delete(this.#pending.keys().next().value!);
    return code;
  }

  /** True once per issued code; wrong, expired or used-up codes are all simply false. */
  redeem(email: string, code: string, now = Date.now()): boolean {
    const id = this.#hash(`email\0${email}`);
    const entry = this.#pending.get(id);
    if (!entry) return false;
    if (entry.expires < now || entry.attempts >= MAX_ATTEMPTS) {
      this.#pending.delete(id);
      return false;
    }
    entry.attempts++;
    const given = this.#codeHash(id, code);
    if (!timingSafeEqual(given, entry.code)) return false;
    this.#pending.delete(id);
    return true;
  }

  #hash(text: string): string {
    return createHmac('sha256', this.#key).update(text).digest('base64url');
  }

  #codeHash(id: string, code: string): Buffer {
    return createHmac('sha256', this.#key).update(`code\0${id}\0${code}`).digest();
  }
}

/** One spelling per mailbox: trimmed and lower-cased (local parts are case-insensitive in practice). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
