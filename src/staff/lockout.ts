import { createHmac } from 'node:crypto';
import type { LockoutPolicy, StaffStore } from '../store/staff-store.js';
import { checkCredentials } from './accounts.js';
import { DEFAULT_SCRYPT, type ScryptParams } from './password.js';
import { normaliseUsername, type StaffMember } from './staff.js';

export interface LockoutOptions {
  /** Attempts in a row without a success before a username is locked (OWASP: a handful). */
  readonly attempts?: number;
  /** The first lock; each further failed attempt after it locks for twice as long… */
  readonly baseMs?: number;
  /** …up to this (at least `baseMs`). */
  readonly maxMs?: number;
  /** A username's count is forgotten this long after its last attempt (once no lock holds). */
  readonly forgetAfterMs?: number;
  readonly now?: () => number;
}

export const DEFAULT_LOCKOUT_ATTEMPTS = 5;
export const DEFAULT_LOCKOUT_BASE_MS = 60_000;
export const DEFAULT_LOCKOUT_MAX_MS = 60 * 60_000;
export const DEFAULT_LOCKOUT_FORGET_MS = 24 * 60 * 60_000;
// Old rows are pruned at a failed attempt, at most this often per process.
const PRUNE_EVERY_MS = 60_000;
const KEY_LABEL = 'obhut staff sign-in throttle v1';

export type SignInOutcome =
  | { readonly kind: 'signed-in'; readonly member: StaffMember }
  /** Wrong name, wrong password or disabled account, as `checkCredentials` says. */
  | {
      readonly kind: 'refused';
      /** When this attempt started a lock (it was the n-th in a row, or one after a lock). */
      readonly lockedForSeconds?: number;
    }
  /** Locked: the password was not checked. The same for existing and unknown names. */
  | { readonly kind: 'locked'; readonly retryAfterSeconds: number };

/**
 * Per-username sign-in lockout for the review console, beside the per-address rate limit.
 * The count and the lock live in the database (`StaffStore.recordSignInAttempt`), so they
 * survive restarts and hold across server processes. Rows are keyed by an HMAC of the
 * lower-cased username under the server secret: no name is stored, and unknown names are
 * counted and locked exactly like real ones, so a lock says nothing about whether an account
 * exists. Every attempt counts until it succeeds; a success clears the count.
 */
export class SignInThrottle {
  readonly #key: Buffer;
  readonly #policy: LockoutPolicy;
  readonly #forgetAfterMs: number;
  readonly #now: () => number;
  #prunedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: StaffStore,
    secret: Uint8Array,
    options: LockoutOptions = {},
  ) {
    this.#key = createHmac('sha256', secret).update(KEY_LABEL).digest();
    const baseMs = options.baseMs ?? DEFAULT_LOCKOUT_BASE_MS;
    this.#policy = {
      attempts: options.attempts ?? DEFAULT_LOCKOUT_ATTEMPTS,
      baseMs,
      maxMs: Math.max(options.maxMs ?? DEFAULT_LOCKOUT_MAX_MS, baseMs),
    };
    for (const [name, value] of Object.entries(this.#policy)) {
      if (!Number.isSafeInteger(value) || value < 1) {
        throw new RangeError(`lockout ${name} must be a positive integer`);
      }
    }
    this.#forgetAfterMs = options.forgetAfterMs ?? DEFAULT_LOCKOUT_FORGET_MS;
    this.#now = options.now ?? Date.now;
  }

  get policy(): LockoutPolicy {
    return this.#policy;
  }

  /** The throttle table's key for a username: hex HMAC-SHA256 of its normalised form. */
  keyOf(username: string): string {
    return createHmac('sha256', this.#key).update(normaliseUsername(username)).digest('hex');
  }

  /**
   * Checks the credentials unless the username is locked. Locked attempts are answered at once,
   * without scrypt, whether or not the password is right.
   */
  async signIn(
    username: string,
    password: string,
    params: ScryptParams = DEFAULT_SCRYPT,
  ): Promise<SignInOutcome> {
    const key = this.keyOf(username);
    const now = this.#now();
    await this.#pruneNow(now);
    const attempt = await this.store.recordSignInAttempt(key, now, this.#policy);
    if (!attempt.allowed) {
      return { kind: 'locked', retryAfterSeconds: secondsUntil(attempt.lockedUntilMs, now) };
    }
    const member = await checkCredentials(this.store, username, password, params);
    if (member) {
      await this.store.clearSignInAttempts(key);
      return { kind: 'signed-in', member };
    }
    return attempt.lockedUntilMs > now
      ? { kind: 'refused', lockedForSeconds: secondsUntil(attempt.lockedUntilMs, now) }
      : { kind: 'refused' };
  }

  /**
   * Forgets a username's attempts and lock (`obhut staff unlock`, and a password change). Works
   * alike for names without an account. Says whether a lock was in force and how many attempts
   * had been counted.
   */
  async unlock(username: string): Promise<{ wasLocked: boolean; attempts: number }> {
    const key = this.keyOf(username);
    const row = await this.store.signInThrottle(key);
    if (!row) return { wasLocked: false, attempts: 0 };
    await this.store.clearSignInAttempts(key);
    return { wasLocked: row.lockedUntilMs > this.#now(), attempts: row.failures };
  }

  async #pruneNow(now: number): Promise<void> {
    if (now - this.#prunedAt < PRUNE_EVERY_MS) return;
    this.#prunedAt = now;
    await this.store.pruneSignInThrottle(now, now - this.#forgetAfterMs);
  }
}

function secondsUntil(untilMs: number, now: number): number {
  return Math.max(1, Math.ceil((untilMs - now) / 1000));
}
