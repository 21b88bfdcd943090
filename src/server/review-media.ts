import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

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
 * Each token is redeemed once (the nonce is remembered until it expires), so a URL copied out of
 * the console is dead after the first play; that memory is per process, which is a best effort
 * behind a load balancer, where the 120 s expiry still bounds any replay.
 */
export const MEDIA_TOKEN_TTL_MS = 120_000;
const LABEL = 'obhut review media token v1';
/** The token as it appears in a URL: base64url payload, a dot, base64url MAC. */
export const MEDIA_TOKEN_PATTERN = '^[A-Za-z0-9_-]{20,400}\\.[A-Za-z0-9_-]{43}$';

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
  /** Redeemed nonces → their expiry. */
  readonly #used = new Map<string, number>();

  constructor(secret: Uint8Array, ttlMs: number = MEDIA_TOKEN_TTL_MS) {
    this.#key = createHmac('sha256', secret).update(LABEL).digest();
    this.#ttlMs = ttlMs;
  }

  issue(
    staff: string,
    task: string,
    nowMs: number = Date.now(),
  ): { token: string; expiresMs: number } {
    const claims: MediaClaims = {
      staff,
      task,
      expiresMs: nowMs + this.#ttlMs,
      nonce: randomBytes(16).toString('base64url'),
    };
    const payload = Buffer.from(
      JSON.stringify({ s: claims.staff, t: claims.task, e: claims.expiresMs, n: claims.nonce }),
    ).toString('base64url');
    return { token: `${payload}.${this.#mac(payload)}`, expiresMs: claims.expiresMs };
  }

  /**
   * The claims of a well-signed, unexpired token, without using it up; undefined otherwise.
   * Call `redeem` once every other check passed.
   */
  verify(token: string, nowMs: number = Date.now()): MediaClaims | undefined {
    const dot = token.indexOf('.');
    if (dot < 0) return undefined;
    const payload = token.slice(0, dot);
    const mac = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.#mac(payload), 'base64url');
    if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { s, t, e, n } = parsed as Record<string, unknown>;
    if (typeof s !== 'string' || typeof t !== 'string' || typeof n !== 'string') return undefined;
    if (typeof e !== 'number' || !(e > nowMs)) return undefined;
    if (this.#used.has(n)) return undefined;
    return { staff: s, task: t, expiresMs: e, nonce: n };
  }

  /** Marks a token's nonce used; false when it already was (a concurrent redemption). */
  redeem(claims: MediaClaims, nowMs: number = Date.now()): boolean {
    for (const [nonce, expires] of this.#used) if (expires <= nowMs) this.#used.delete(nonce);
    if (this.#used.has(claims.nonce)) return false;
    this.#used.set(claims.nonce, claims.expiresMs);
    return true;
  }

  #mac(payload: string): string {
    return createHmac('sha256', this.#key).update(payload).digest('base64url');
  }
}
