import type { Kysely, Migration } from 'kysely';

/**
 * Migration 0020-webhooks: the endpoints the operator registered and the outbox of messages
 * still to deliver to them. An outbox row is written in the transaction that stores the event
 * it reports, and deleted when its endpoint answered 2xx, so the table holds only what is due.
 */
export function webhooksMigration(dialect: 'sqlite' | 'postgres'): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('webhook_endpoints')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('events', 'text', (c) => c.notNull())
        .addColumn('secret', 'text')
        .addColumn('secret_env', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('delivered', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('last_delivered_at', 'text')
        .execute();
      await db.schema
        .createTable('webhook_outbox')
        // The order messages were written in, which is log order: delivery keeps it per key.
        .addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('endpoint_id', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text', (c) => c.notNull())
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('order_key', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_ms', 'bigint', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('webhook_outbox_by_key')
        .on('webhook_outbox')
        .columns(['endpoint_id', 'order_key', 'seq'])
        .execute();
      await db.schema
        .createIndex('webhook_outbox_by_due')
        .on('webhook_outbox')
        .columns(['next_attempt_ms', 'seq'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('webhook_outbox').execute();
      await db.schema.dropTable('webhook_endpoints').execute();
    },
  };
}
