import { type Kysely, type Selectable, sql } from 'kysely';
import type { Role } from '../staff/roles.js';
import type { StaffMember } from '../staff/staff.js';
import type {
  LockoutPolicy,
  SignInAttempt,
  SignInThrottleState,
  StaffCredentials,
  StaffSessionRecord,
  StaffStore,
  StaffUpdate,
} from '../staff/staff-store.js';
import { guard, insertedAny, optional } from './guard.js';
import type { Database } from './schema.js';

export type StaffTables = {
  staff: StaffTable;
  staff_sessions: StaffSessionTable;
  staff_sign_in_throttle: SignInThrottleTable;
};

export interface StaffTable {
  id: string;
  username: string;
  role: string;
  /** 0 or 1: SQLite has no boolean type. */
  disabled: number;
  password_hash: string;
  daily_quota: number | null;
  created_at: string;
  updated_at: string;
}

export interface StaffSessionTable {
  token_hash: string;
  staff_id: string;
  created_at: string;
  last_seen_ms: number;
  expires_at_ms: number;
}

export interface SignInThrottleTable {
  /** HMAC-SHA256 (hex) of the lower-cased username under a key derived from the server secret. */
  key: string;
  failures: number;
  lock_ms: number;
  locked_until_ms: number;
  last_attempt_ms: number;
}

export class KyselyStaffStore implements StaffStore {
  private readonly db: Kysely<StaffTables>;

  constructor(db: Kysely<Database>) {
    this.db = db.withTables<StaffTables>() as unknown as Kysely<StaffTables>;
  }

  async add(member: StaffMember, passwordHash: string): Promise<boolean> {
    return guard('adding a staff member', async () => {
      const result = await this.db
        .insertInto('staff')
        .values({
          id: member.id,
          username: member.username,
          role: member.role,
          disabled: member.disabled ? 1 : 0,
          password_hash: passwordHash,
          daily_quota: member.dailyQuota ?? null,
          created_at: member.createdAt,
          updated_at: member.createdAt,
        })
        // A taken id or username (the primary key and a unique column), also when two adds
        // race: nothing is inserted, rather than failing.
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return insertedAny(result);
    });
  }

  async get(id: string): Promise<StaffMember | undefined> {
    const row = await guard('reading a staff member', () =>
      this.db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst(),
    );
    return row && toMember(row);
  }

  async credentials(username: string): Promise<StaffCredentials | undefined> {
    const row = await guard('reading a staff member', () =>
      this.db.selectFrom('staff').selectAll().where('username', '=', username).executeTakeFirst(),
    );
    return row && { member: toMember(row), passwordHash: row.password_hash };
  }

  async list(): Promise<StaffMember[]> {
    const rows = await guard('listing staff', () =>
      this.db.selectFrom('staff').selectAll().orderBy('username').execute(),
    );
    return rows.map(toMember);
  }

  async update(id: string, changes: StaffUpdate): Promise<StaffMember | undefined> {
    return guard('updating a staff member', () =>
      this.db.transaction().execute(async (trx) => {
        const set: Partial<StaffTable> = { updated_at: new Date().toISOString() };
        if (changes.role !== undefined) set.role = changes.role;
        if (changes.disabled !== undefined) set.disabled = changes.disabled ? 1 : 0;
        if (changes.dailyQuota !== undefined) set.daily_quota = changes.dailyQuota;
        const result = await trx.updateTable('staff').set(set).where('id', '=', id).execute();
        if (Number(result[0]?.numUpdatedRows ?? 0n) === 0) return undefined;
        if (changes.disabled) {
          await trx.deleteFrom('staff_sessions').where('staff_id', '=', id).execute();
        }
        const row = await trx
          .selectFrom('staff')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        return toMember(row);
      }),
    );
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<boolean> {
    const result = await guard('changing a password', () =>
      this.db
        .updateTable('staff')
        .set({ password_hash: passwordHash, updated_at: new Date().toISOString() })
        .where('id', '=', id)
        .executeTakeFirst(),
    );
    return Number(result.numUpdatedRows) > 0;
  }

  async createSession(s: StaffSessionRecord): Promise<void> {
    await guard('storing a session', () =>
      this.db
        .insertInto('staff_sessions')
        .values({
          token_hash: s.tokenHash,
          staff_id: s.staffId,
          created_at: s.createdAt,
          last_seen_ms: s.lastSeenMs,
          expires_at_ms: s.expiresAtMs,
        })
        .execute(),
    );
  }

  async session(
    tokenHash: string,
  ): Promise<{ session: StaffSessionRecord; member: StaffMember } | undefined> {
    const row = await guard('reading a session', () =>
      this.db
        .selectFrom('staff_sessions as s')
        .innerJoin('staff', 'staff.id', 's.staff_id')
        .selectAll('staff')
        .select([
          's.token_hash',
          's.staff_id',
          's.created_at as session_created_at',
          's.last_seen_ms',
          's.expires_at_ms',
        ])
        .where('s.token_hash', '=', tokenHash)
        .executeTakeFirst(),
    );
    if (!row) return undefined;
    return {
      session: {
        tokenHash: row.token_hash,
        staffId: row.staff_id,
        createdAt: row.session_created_at,
        lastSeenMs: Number(row.last_seen_ms),
        expiresAtMs: Number(row.expires_at_ms),
      },
      member: toMember(row),
    };
  }

  async touchSession(tokenHash: string, lastSeenMs: number): Promise<void> {
    await guard('updating a session', () =>
      this.db
        .updateTable('staff_sessions')
        .set({ last_seen_ms: lastSeenMs })
        .where('token_hash', '=', tokenHash)
        .execute(),
    );
  }

  async revokeSession(tokenHash: string): Promise<void> {
    await guard('ending a session', () =>
      this.db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute(),
    );
  }

  async revokeSessionsOf(staffId: string): Promise<number> {
    const result = await guard('ending sessions', () =>
      this.db.deleteFrom('staff_sessions').where('staff_id', '=', staffId).executeTakeFirst(),
    );
    return Number(result.numDeletedRows);
  }

  async pruneSessions(nowMs: number, idleSinceMs: number): Promise<number> {
    const result = await guard('pruning sessions', () =>
      this.db
        .deleteFrom('staff_sessions')
        .where((eb) =>
          eb.or([eb('expires_at_ms', '<=', nowMs), eb('last_seen_ms', '<', idleSinceMs)]),
        )
        .executeTakeFirst(),
    );
    return Number(result.numDeletedRows);
  }

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
      this.db
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
    const state = await this.signInThrottle(key);
    return { allowed: false, lockedUntilMs: Math.max(state?.lockedUntilMs ?? 0, nowMs + 1) };
  }

  async clearSignInAttempts(key: string): Promise<void> {
    await guard('clearing sign-in attempts', () =>
      this.db.deleteFrom('staff_sign_in_throttle').where('key', '=', key).execute(),
    );
  }

  async signInThrottle(key: string): Promise<SignInThrottleState | undefined> {
    const row = await guard('reading sign-in attempts', () =>
      this.db
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
  }

  async pruneSignInThrottle(nowMs: number, idleSinceMs: number): Promise<number> {
    const result = await guard('pruning sign-in attempts', () =>
      this.db
        .deleteFrom('staff_sign_in_throttle')
        .where('last_attempt_ms', '<', idleSinceMs)
        .where('locked_until_ms', '<=', nowMs)
        .executeTakeFirst(),
    );
    return Number(result.numDeletedRows);
  }
}

function toMember(row: Selectable<StaffTable>): StaffMember {
  return {
    id: row.id,
    username: row.username,
    role: row.role as Role,
    disabled: Number(row.disabled) !== 0,
    createdAt: row.created_at,
    ...optional('dailyQuota', row.daily_quota === null ? null : Number(row.daily_quota)),
  };
}
