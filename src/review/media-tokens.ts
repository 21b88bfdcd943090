import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SpentMediaLinks } from './spent-media-links.js';

/**
 * Signed, short-lived media URLs for the review console (`GET /tasks/:id/audio` issues one,
 * `GET /media/:token` redeems it).
 *
 * Why the token alone is the credential: the console plays the reviewer's copy in an `<audio>`
 * (or `<img>`) element, and a media element sends no Authorization header. So the token carries
 * what the bearer session would have proved, and no more: it is bound to one member of staff and
 * one task, lasts ~120 s, names a random nonce, and is an HMAC-SHA-256 under a key derived from
 * the server secret with its own label (a token can never pass for anything else signed with
 * that secret). The media route then re-checks, at redemption, that this member still exists,
 * is not disabled and may still listen to the task (their assignment still runs, or they are a
 * lead), and, when the request does carry a bearer session, that it is the same member's.
 * Each token is redeemed once (the nonce is kept in the database until it expires,
 * `SpentMediaLinks`), so a URL copied out of the console is dead after the first play, at every
 * server process on that database.
 */
export const MEDIA_TOKEN_TTL_MS = 120_000;
const LABEL = 'obhut review media token v1';
/**
 * The token as it appears in a URL (Fastify caps a path parameter at 100 characters): base64url
 * of the 40-byte payload (staff id 8, task id 16, expiry in seconds 4, nonce 12), a dot, and
 * base64url of the HMAC truncated to 16 bytes.
 */
export const MEDIA_TOKEN_PATTERN = '^[A-Za-z0-9_-]{54}\\.[A-Za-z0-9_-]{22}$';
const STAFF = /^st_([0-9a-f]{16})$/;
const TASK = /^rt_([0-9a-f]{32})$/;
const MAC_BYTES = 16;

export interface MediaClaims {
  /** Staff id. */
  readonly staff: string;
  /** Task id. */
  readonly task: string;
  /** Expiry, ms since the epoch. */
  readonly expiresMs: number;
  readonly nonce: string;
}

export class MediaTokens {
  readonly #key: Buffer;
  readonly #ttlMs: number;
  readonly #spent: SpentMediaLinks;

  constructor(secret: Uint8Array, spent: SpentMediaLinks, ttlMs: number = MEDIA_TOKEN_TTL_MS) {
    this.#key = createHmac('sha256', secret).update(LABEL).digest();
    this.#spent = spent;
    this.#ttlMs = ttlMs;
  }

  issue(
    staff: string,
    task: string,
    nowMs: number = Date.now(),
  ): { token: string; expiresMs: number } {
    const s = STAFF.exec(staff);
    const t = TASK.exec(task);
    if (!s || !t) throw new RangeError('media tokens name a staff id and a task id');
    const expiresSeconds = Math.floor((nowMs + this.#ttlMs) / 1000);
    const payload = Buffer.alloc(40);
    payload.write(s[1]!, 0, 'hex');
    payload.write(t[1]!, 8, 'hex');
    payload.writeUInt32BE(expiresSeconds, 24);
    randomBytes(12).copy(payload, 28);
    const encoded = payload.toString('base64url');
    return { token: `${encoded}.${this.#mac(encoded)}`, expiresMs: expiresSeconds * 1000 };
  }

  /**
   * The claims of a well-signed, unexpired token; undefined otherwise. Whether it was used is
   * `redeem`'s answer: call it once every other check passed.
   */
  verify(token: string, nowMs: number = Date.now()): MediaClaims | undefined {
    const dot = token.indexOf('.');
    if (dot < 0) return undefined;
    const encoded = token.slice(0, dot);
    const mac = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.#mac(encoded), 'base64url');
    if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return undefined;
    const payload = Buffer.from(encoded, 'base64url');
    if (payload.length !== 40) return undefined;
    const expiresMs = payload.readUInt32BE(24) * 1000;
    if (!(expiresMs > nowMs)) return undefined;
    const nonce = payload.subarray(28).toString('hex');
    return {
      staff: `st_${payload.subarray(0, 8).toString('hex')}`,
      task: `rt_${payload.subarray(8, 24).toString('hex')}`,
      expiresMs,
      nonce,
    };
  }

  /** Marks a token's nonce used; false when it already was, here or at another process. */
  redeem(claims: MediaClaims, nowMs: number = Date.now()): Promise<boolean> {
    return this.#spent.spendMediaLink(claims.nonce, claims.expiresMs, nowMs);
  }

  #mac(payload: string): string {
    return createHmac('sha256', this.#key)
      .update(payload)
      .digest()
      .subarray(0, MAC_BYTES)
      .toString('base64url');
  }
}
