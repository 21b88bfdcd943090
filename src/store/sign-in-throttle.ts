import { type Kysely, sql } from 'kysely';
import type {
  LockoutPolicy,
  SignInAttempt,
  SignInThrottleState,
  SignInThrottleStore,
} from '../staff/staff-store.js';
import { guard } from './guard.js';

export interface SignInThrottleTable {
  /** HMAC-SHA256 (hex) of the lower-cased username under a key derived from the server secret. */
  key: string;
  failures: number;
  lock_ms: number;
  locked_until_ms: number;
  last_attempt_ms: number;
}

export function signInThrottleStore(
  db: Kysely<{ staff_sign_in_throttle: SignInThrottleTable }>,
): SignInThrottleStore {
  const throttle: SignInThrottleStore = {
    async recordSignInAttempt(
      key: string,
      nowMs: number,
      policy: LockoutPolicy,
    ): Promise<SignInAttempt> {
      const maxMs = Math.max(policy.maxMs, policy.baseMs);
      const first = policy.attempts <= 1;
      // PostgreSQL needs the parameters' types spelt out inside CASE; SQLite ignores the casts.
      const n = (value: number) => sql<number>`cast(${value} as bigint)`;
      const t = sql.table('staff_sign_in_throttle');
      const reached = sql<boolean>`${t}.failures + 1 >= ${n(policy.attempts)}`;
      // The new lock's length: none below the threshold, then base, then double the last one.
      const lockMs = sql<number>`case
      when not (${reached}) then ${n(0)}
      when ${t}.lock_ms = 0 then ${n(policy.baseMs)}
      when ${t}.lock_ms * 2 >= ${n(maxMs)} then ${n(maxMs)}
      else ${t}.lock_ms * 2 end`;
      const row = await guard('counting a sign-in attempt', () =>
        db
          .insertInto('staff_sign_in_throttle')
          .values({
            key,
            failures: 1,
            lock_ms: first ? policy.baseMs : 0,
            locked_until_ms: first ? nowMs + policy.baseMs : 0,
            last_attempt_ms: nowMs,
          })
          .onConflict((oc) =>
            oc
              .column('key')
              .doUpdateSet({
                failures: sql<number>`${t}.failures + 1`,
                lock_ms: lockMs,
                // Every right-hand side reads the row as it was before this statement.
                locked_until_ms: sql<number>`case when ${reached} then ${n(nowMs)} + ${lockMs}
                else ${n(0)} end`,
                last_attempt_ms: nowMs,
              })
              // A locked key is left as it is, and no row comes back.
              .where(sql<boolean>`${t}.locked_until_ms <= ${n(nowMs)}`),
          )
          .returning(['failures', 'locked_until_ms', 'last_attempt_ms'])
          .executeTakeFirst(),
      );
      if (row) {
        return {
          allowed: true,
          failures: Number(row.failures),
          lockedUntilMs: Number(row.locked_until_ms),
          lastAttemptMs: Number(row.last_attempt_ms),
        };
      }
      // Refused. Read when the lock ends; a success elsewhere may have cleared it meanwhile.
      const state = await throttle.signInThrottle(key);
      return { allowed: false, lockedUntilMs: Math.max(state?.lockedUntilMs ?? 0, nowMs + 1) };
    },

    async clearSignInAttempts(key: string): Promise<void> {
      await guard('clearing sign-in attempts', () =>
        db.deleteFrom('staff_sign_in_throttle').where('key', '=', key).execute(),
      );
    },

    async signInThrottle(key: string): Promise<SignInThrottleState | undefined> {
      const row = await guard('reading sign-in attempts', () =>
        db
          .selectFrom('staff_sign_in_throttle')
          .select(['failures', 'locked_until_ms', 'last_attempt_ms'])
          .where('key', '=', key)
          .executeTakeFirst(),
      );
      return (
        row && {
          failures: Number(row.failures),
          lockedUntilMs: Number(row.locked_until_ms),
          lastAttemptMs: Number(row.last_attempt_ms),
        }
      );
    },

    async pruneSignInThrottle(nowMs: number, idleSinceMs: number): Promise<number> {
      const result = await guard('pruning sign-in attempts', () =>
        db
          .deleteFrom('staff_sign_in_throttle')
          .where('last_attempt_ms', '<', idleSinceMs)
          .where('locked_until_ms', '<=', nowMs)
          .executeTakeFirst(),
      );
      return Number(result.numDeletedRows);
    },
  };
  return throttle;
}
