import { type Kysely, type Migration, sql } from 'kysely';

/** Review-console staff (scrypt password hashes) and their server-side sessions. */
export const staffMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('staff')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('disabled', 'integer', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('daily_quota', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // Only the SHA-256 of a session token is stored: a copy of the database signs nobody in.
    await db.schema
      .createTable('staff_sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('staff_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_ms', 'bigint', (c) => c.notNull())
      .addColumn('expires_at_ms', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('staff_sessions_by_staff')
      .on('staff_sessions')
      .column('staff_id')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table staff_sessions`.execute(db);
    await sql`drop table staff`.execute(db);
  },
};
