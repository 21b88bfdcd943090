import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Migration 0010-staff-lockout: consecutive sign-in attempts per username, for the review
 * console's per-account lockout (`src/staff/lockout.ts`). A row is keyed by an HMAC of the
 * lower-cased username under the server secret, never the name itself, and exists for unknown
 * names too, so the table says nothing about which accounts exist. Rows untouched for a day
 * are pruned.
 */
export const staffLockoutMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('staff_sign_in_throttle')
      .addColumn('key', 'text', (c) => c.primaryKey())
      // Attempts since the last successful sign-in (an attempt counts until it succeeds).
      .addColumn('failures', 'integer', (c) => c.notNull())
      // The current lock's length, 0 before the first lock; it doubles with each further lock.
      .addColumn('lock_ms', 'bigint', (c) => c.notNull())
      // Epoch milliseconds; attempts are refused until then. 0 when never locked.
      .addColumn('locked_until_ms', 'bigint', (c) => c.notNull())
      .addColumn('last_attempt_ms', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('staff_sign_in_throttle_by_last_attempt')
      .on('staff_sign_in_throttle')
      .column('last_attempt_ms')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table staff_sign_in_throttle`.execute(db);
  },
};
