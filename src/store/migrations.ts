import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/**
 * The schema's history. One list serves both databases; the only dialect difference is how
 * an auto-incrementing key is spelt.
 */
function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-consent-and-builds': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('consent_events')
          .addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('event_key', 'text', (c) => c.notNull().unique())
          .addColumn('subject', 'text', (c) => c.notNull())
          .addColumn('purpose', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('at_ms', 'bigint', (c) => c.notNull())
          .addColumn('channel', 'text', (c) => c.notNull())
          .addColumn('reference', 'text')
          .addColumn('recorded_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('consent_events_by_purpose_time')
          .on('consent_events')
          .columns(['purpose', 'at_ms', 'seq'])
          .execute();
        await db.schema
          .createIndex('consent_events_by_subject')
          .on('consent_events')
          .columns(['subject', 'purpose', 'at_ms', 'seq'])
          .execute();
        await db.schema
          .createTable('builds')
          .addColumn('manifest_sha256', 'text', (c) => c.primaryKey())
          .addColumn('purpose', 'text', (c) => c.notNull())
          .addColumn('consent_at', 'text', (c) => c.notNull())
          .addColumn('items_root', 'text', (c) => c.notNull())
          .addColumn('admitted', 'bigint', (c) => c.notNull())
          .addColumn('excluded', 'bigint', (c) => c.notNull())
          .addColumn('rejected', 'bigint', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('meta')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .execute();
      },
      async down(db: Kysely<unknown>) {
        for (const table of ['meta', 'builds', 'consent_events']) {
          await sql`drop table ${sql.table(table)}`.execute(db);
        }
      },
    },
  };
}

export class InlineMigrations implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations(this.dialect);
  }
}
