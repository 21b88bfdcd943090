import { createHmac, randomInt } from 'node:crypto';
import type { EmailCodeStore } from './email-code-store.js';

export const CODE_LIFETIME_MS = 10 * 60 * 1000;
const MAX_ATTEMPTS = 5;

/**
 * One-time codes for people without a platform account. Codes are held only as keyed hashes
 * next to a keyed hash of the address, never the address itself, and die after ten minutes or
 * five wrong tries. They live in the database (`EmailCodeStore`), so a code sent by one server
 * process is redeemed at any other on the same database, and the tries add up across them.
 */
export class EmailCodes {
  readonly #key: Buffer;
  readonly #store: EmailCodeStore;

  constructor(secret: Buffer, store: EmailCodeStore) {
    this.#key = createHmac('sha256', secret).update('obhut email codes v1').digest();
    this.#store = store;
  }

  async issue(email: string, now = Date.now()): Promise<string> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const address = this.#hash(`email\0${email}`);
    await this.#store.putEmailCode(
      { address, codeHash: this.#codeHash(address, code), expiresMs: now + CODE_LIFETIME_MS },
      now,
    );
    return code;
  }

  /** True once per issued code; wrong, expired or used-up codes are all simply false. */
  async redeem(email: string, code: string, now = Date.now()): Promise<boolean> {
    const address = this.#hash(`email\0${email}`);
    return this.#store.tryEmailCode(address, this.#codeHash(address, code), now, MAX_ATTEMPTS);
  }

  #hash(text: string): string {
    return createHmac('sha256', this.#key).update(text).digest('base64url');
  }

  #codeHash(address: string, code: string): string {
    return createHmac('sha256', this.#key).update(`code\0${address}\0${code}`).digest('base64url');
  }
}

/** One spelling per mailbox: trimmed and lower-cased (local parts are case-insensitive in practice). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
