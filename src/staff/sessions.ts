import { createHash, randomBytes } from 'node:crypto';
import type { StaffMember } from './staff.js';
import type { StaffStore } from './staff-store.js';

export interface SessionOptions {
  /** A session ends after this long without a request. */
  readonly idleMs?: number;
  /** …and this long after signing in, whatever the activity. */
  readonly absoluteMs?: number;
  readonly now?: () => number;
}

export const DEFAULT_IDLE_MS = 30 * 60_000;
export const DEFAULT_ABSOLUTE_MS = 12 * 60 * 60_000;
// Recording every request's time would be a write per request; a minute's precision is plenty.
const TOUCH_EVERY_MS = 60_000;
const TOKEN_PREFIX = 'obs_';
// obs_ + 32 random bytes in base64url.
const TOKEN = /^obs_[A-Za-z0-9_-]{43}$/;

export interface OpenedSession {
  /** Shown once, to the one who signed in; only its SHA-256 is stored. */
  readonly token: string;
  readonly expiresAt: string;
  readonly idleTimeoutSeconds: number;
}

export interface ActiveSession {
  readonly staff: StaffMember;
  readonly tokenHash: string;
}

/** Server-side staff sessions: random bearer tokens with idle and absolute expiry. */
export class StaffSessions {
  private readonly idleMs: number;
  private readonly absoluteMs: number;
  private readonly now: () => number;

  constructor(
    private readonly store: StaffStore,
    options: SessionOptions = {},
  ) {
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    this.absoluteMs = options.absoluteMs ?? DEFAULT_ABSOLUTE_MS;
    this.now = options.now ?? Date.now;
  }

  async open(staff: StaffMember): Promise<OpenedSession> {
    const now = this.now();
    // Expired sessions are cleared here rather than by a timer: sign-ins are rare enough.
    await this.store.pruneSessions(now, now - this.idleMs);
    const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const expiresAtMs = now + this.absoluteMs;
    await this.store.createSession({
      tokenHash: hashToken(token),
      staffId: staff.id,
      createdAt: new Date(now).toISOString(),
      lastSeenMs: now,
      expiresAtMs,
    });
    return {
      token,
      expiresAt: new Date(expiresAtMs).toISOString(),
      idleTimeoutSeconds: Math.floor(this.idleMs / 1000),
    };
  }

  /** The member a token signs in, or undefined when it is unknown, expired, idle or disabled. */
  async authenticate(token: string): Promise<ActiveSession | undefined> {
    if (!TOKEN.test(token)) return undefined;
    const tokenHash = hashToken(token);
    const found = await this.store.session(tokenHash);
    if (!found) return undefined;
    const now = this.now();
    const { session, member } = found;
    if (now >= session.expiresAtMs || now - session.lastSeenMs >= this.idleMs || member.disabled) {
      await this.store.revokeSession(tokenHash);
      return undefined;
    }
    if (now - session.lastSeenMs >= TOUCH_EVERY_MS) await this.store.touchSession(tokenHash, now);
    return { staff: member, tokenHash };
  }

  /** Signs out: the token stops working at once. Unknown tokens are ignored. */
  async close(token: string): Promise<void> {
    if (TOKEN.test(token)) await this.store.revokeSession(hashToken(token));
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
