import type { Kysely, Selectable } from 'kysely';
import type { Role } from '../staff/roles.js';
import type { StaffMember } from '../staff/staff.js';
import type {
  StaffAccountStore,
  StaffCredentials,
  StaffSessionRecord,
  StaffStore,
  StaffUpdate,
} from '../staff/staff-store.js';
import { guard, insertedAny, optional } from './guard.js';
import type { Database } from './schema.js';
import { type SignInThrottleTable, signInThrottleStore } from './sign-in-throttle.js';

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

/** Staff accounts and sessions, sign-in throttle over Kysely; the staff tables share the connection. */
export function kyselyStaffStore(db: Kysely<Database>): StaffStore {
  const staff = db.withTables<StaffTables>() as unknown as Kysely<StaffTables>;
  return { ...staffAccounts(staff), ...signInThrottleStore(staff) };
}

function staffAccounts(db: Kysely<StaffTables>): StaffAccountStore {
  return {
    async add(member: StaffMember, passwordHash: string): Promise<boolean> {
      return guard('adding a staff member', async () => {
        const result = await db
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
    },

    async get(id: string): Promise<StaffMember | undefined> {
      const row = await guard('reading a staff member', () =>
        db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst(),
      );
      return row && toMember(row);
    },

    async credentials(username: string): Promise<StaffCredentials | undefined> {
      const row = await guard('reading a staff member', () =>
        db.selectFrom('staff').selectAll().where('username', '=', username).executeTakeFirst(),
      );
      return row && { member: toMember(row), passwordHash: row.password_hash };
    },

    async list(): Promise<StaffMember[]> {
      const rows = await guard('listing staff', () =>
        db.selectFrom('staff').selectAll().orderBy('username').execute(),
      );
      return rows.map(toMember);
    },

    async listPage(query): Promise<StaffMember[]> {
      const rows = await guard('listing staff', () => {
        let q = db.selectFrom('staff').selectAll();
        if (query.role !== undefined) q = q.where('role', '=', query.role);
        // Usernames are unique, so the username alone keeps a page's place.
        if (query.after !== undefined) q = q.where('username', '>', query.after);
        return q.orderBy('username').limit(query.limit).execute();
      });
      return rows.map(toMember);
    },

    async update(id: string, changes: StaffUpdate): Promise<StaffMember | undefined> {
      return guard('updating a staff member', () =>
        db.transaction().execute(async (trx) => {
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
    },

    async setPasswordHash(id: string, passwordHash: string): Promise<boolean> {
      const result = await guard('changing a password', () =>
        db
          .updateTable('staff')
          .set({ password_hash: passwordHash, updated_at: new Date().toISOString() })
          .where('id', '=', id)
          .executeTakeFirst(),
      );
      return Number(result.numUpdatedRows) > 0;
    },

    async createSession(s: StaffSessionRecord): Promise<void> {
      await guard('storing a session', () =>
        db
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
    },

    async session(
      tokenHash: string,
    ): Promise<{ session: StaffSessionRecord; member: StaffMember } | undefined> {
      const row = await guard('reading a session', () =>
        db
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
    },

    async touchSession(tokenHash: string, lastSeenMs: number): Promise<void> {
      await guard('updating a session', () =>
        db
          .updateTable('staff_sessions')
          .set({ last_seen_ms: lastSeenMs })
          .where('token_hash', '=', tokenHash)
          .execute(),
      );
    },

    async revokeSession(tokenHash: string): Promise<void> {
      await guard('ending a session', () =>
        db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute(),
      );
    },

    async revokeSessionsOf(staffId: string): Promise<number> {
      const result = await guard('ending sessions', () =>
        db.deleteFrom('staff_sessions').where('staff_id', '=', staffId).executeTakeFirst(),
      );
      return Number(result.numDeletedRows);
    },

    async pruneSessions(nowMs: number, idleSinceMs: number): Promise<number> {
      const result = await guard('pruning sessions', () =>
        db
          .deleteFrom('staff_sessions')
          .where((eb) =>
            eb.or([eb('expires_at_ms', '<=', nowMs), eb('last_seen_ms', '<', idleSinceMs)]),
          )
          .executeTakeFirst(),
      );
      return Number(result.numDeletedRows);
    },
  };
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
