import type { Role } from './roles.js';
import type { StaffMember } from './staff.js';

export interface StaffCredentials {
  readonly member: StaffMember;
  /** The encoded scrypt hash (`src/staff/password.ts`). */
  readonly passwordHash: string;
}

/** A server-side session; the token itself is never stored, only its SHA-256 (hex). */
export interface StaffSessionRecord {
  readonly tokenHash: string;
  readonly staffId: string;
  readonly createdAt: string;
  readonly lastSeenMs: number;
  /** The absolute expiry: no activity extends a session past it. */
  readonly expiresAtMs: number;
}

export interface StaffUpdate {
  readonly role?: Role;
  readonly disabled?: boolean;
  /** A number sets the quota, null removes it. */
  readonly dailyQuota?: number | null;
}

/** How sign-in attempts for one username lock it (`src/staff/lockout.ts` fills it in). */
export interface LockoutPolicy {
  /** The attempt that makes this many in a row without a success starts a lock. */
  readonly attempts: number;
  /** The first lock's length; each further attempt after a lock doubles it… */
  readonly baseMs: number;
  /** …up to this. */
  readonly maxMs: number;
}

/** The throttle row of one username key. */
export interface SignInThrottleState {
  /** Attempts since the last success, this one included when it was counted. */
  readonly failures: number;
  /** Epoch ms until which attempts are refused; 0 or in the past when not locked. */
  readonly lockedUntilMs: number;
  readonly lastAttemptMs: number;
}

export type SignInAttempt =
  | ({ readonly allowed: true } & SignInThrottleState)
  | { readonly allowed: false; readonly lockedUntilMs: number };

/** Staff accounts and their sessions. */
export interface StaffAccountStore {
  /** Adds a member; false (and nothing changes) when the id or username is taken. */
  add(member: StaffMember, passwordHash: string): Promise<boolean>;
  get(id: string): Promise<StaffMember | undefined>;
  /** The member with this (normalised) username and their password hash, for signing in. */
  credentials(username: string): Promise<StaffCredentials | undefined>;
  /** Every member, by username. */
  list(): Promise<StaffMember[]>;
  /** Up to `limit` members by username, of one role when given, after the username `after`. */
  listPage(query: {
    readonly role?: Role | undefined;
    readonly after?: string | undefined;
    readonly limit: number;
  }): Promise<StaffMember[]>;
  /** Changes role, disabled or quota; disabling also ends all their sessions, in one transaction. */
  update(id: string, changes: StaffUpdate): Promise<StaffMember | undefined>;
  /** Replaces the password hash; false when there is no such member. Sessions are left alone. */
  setPasswordHash(id: string, passwordHash: string): Promise<boolean>;
  createSession(session: StaffSessionRecord): Promise<void>;
  /** The session with this token hash and its member, if both exist. */
  session(
    tokenHash: string,
  ): Promise<{ session: StaffSessionRecord; member: StaffMember } | undefined>;
  touchSession(tokenHash: string, lastSeenMs: number): Promise<void>;
  revokeSession(tokenHash: string): Promise<void>;
  /** Ends every session of one member; returns how many there were. */
  revokeSessionsOf(staffId: string): Promise<number>;
  /** Deletes sessions past their absolute expiry, or idle since before `idleSinceMs`. */
  pruneSessions(nowMs: number, idleSinceMs: number): Promise<number>;
}

/** Sign-in attempts per username key, and the locks they earn. */
export interface SignInThrottleStore {
  /**
   * Counts a sign-in attempt for a username key (an HMAC, never the name) before its password
   * is checked, unless the key is locked at `nowMs`: then nothing changes and the attempt is
   * refused. Counting and the lock decision are one statement, so concurrent attempts (several
   * server processes) cannot get more than `policy.attempts` tries past a lock. The attempt
   * that reaches `policy.attempts`, and each counted one after it, locks the key for
   * `policy.baseMs`, then twice the previous lock, at most `policy.maxMs`.
   */
  recordSignInAttempt(key: string, nowMs: number, policy: LockoutPolicy): Promise<SignInAttempt>;
  /** Forgets a key's attempts and lock (after a successful sign-in). */
  clearSignInAttempts(key: string): Promise<void>;
  /** A key's row, if it has one. */
  signInThrottle(key: string): Promise<SignInThrottleState | undefined>;
  /** Deletes rows with no attempt since `idleSinceMs` and no lock at `nowMs`; returns how many. */
  pruneSignInThrottle(nowMs: number, idleSinceMs: number): Promise<number>;
}

/** Staff accounts, their sessions and their sign-in throttle; `store.staff`. */
export interface StaffStore extends StaffAccountStore, SignInThrottleStore {}
