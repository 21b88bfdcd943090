import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { StoredConsentEvent } from '../consent/consent-register.js';
import type { LockedLogTail, LogStorage, LogWrites, StoredCheckpoint } from '../log/log-storage.js';
import type { NodeKey } from '../merkle/index.js';
import { INSERT_BATCH } from './consent-register.js';
import { guard } from './guard.js';
import { insertModel } from './model-register.js';
import { toEvent } from './register-rows.js';
import type { ConsentEventTable, Database, LogCheckpointTable } from './schema.js';
import { enqueueWebhookMessages, logEntryMessages, modelImpactMessages } from './webhooks.js';

export function logStorage(db: Kysely<Database>): LogStorage {
  return {
    integrate<T>(
      eventKeys: readonly string[],
      plan: (tail: LockedLogTail) => { readonly writes: LogWrites; readonly result: T },
    ): Promise<T> {
      return guard('appending to the transparency log', () =>
        db.transaction().execute(async (trx) => {
          const { writes, result } = plan(await lockTail(trx, eventKeys));
          await storeWrites(trx, writes);
          return result;
        }),
      );
    },

    async logSize(): Promise<number> {
      const row = await guard('reading the log size', () =>
        db.selectFrom('log_state').select('size').where('id', '=', 1).executeTakeFirstOrThrow(),
      );
      return Number(row.size);
    },

    async logEntries(start: number, end: number): Promise<Buffer[]> {
      const rows = await guard('reading log entries', () =>
        db
          .selectFrom('log_entries')
          .select(['idx', 'entry'])
          .where('idx', '>=', start)
          .where('idx', '<', end)
          .orderBy('idx')
          .execute(),
      );
      return rows.map((r) => Buffer.from(r.entry));
    },

    async logNodes(keys: readonly NodeKey[]): Promise<Map<string, Buffer>> {
      const found = new Map<string, Buffer>();
      // One query per chunk of keys, not per tree level: a proof's nodes span ~15 levels.
      for (let i = 0; i < keys.length; i += INSERT_BATCH) {
        const byLevel = new Map<number, number[]>();
        for (const [level, index] of keys.slice(i, i + INSERT_BATCH)) {
          const list = byLevel.get(level);
          if (list) list.push(index);
          else byLevel.set(level, [index]);
        }
        const rows = await guard('reading log nodes', () =>
          db
            .selectFrom('log_nodes')
            .select(['level', 'idx', 'hash'])
            .where((eb) =>
              eb.or(
                [...byLevel].map(([level, indices]) =>
                  eb.and([eb('level', '=', level), eb('idx', 'in', indices)]),
                ),
              ),
            )
            .execute(),
        );
        for (const r of rows) found.set(`${r.level}/${Number(r.idx)}`, Buffer.from(r.hash));
      }
      return found;
    },

    async logCheckpoint(size?: number): Promise<StoredCheckpoint | undefined> {
      const row = await guard('reading a checkpoint', () => {
        const query = db.selectFrom('log_checkpoints').selectAll();
        return size === undefined
          ? query.orderBy('size', 'desc').limit(1).executeTakeFirst()
          : query.where('size', '=', size).executeTakeFirst();
      });
      return row && toCheckpoint(row);
    },

    async *logCheckpoints(pageSize = 1000): AsyncGenerator<StoredCheckpoint[]> {
      let after = -1;
      for (;;) {
        const from = after;
        const rows = await guard('reading checkpoints', () =>
          db
            .selectFrom('log_checkpoints')
            .selectAll()
            .where('size', '>', from)
            .orderBy('size')
            .limit(pageSize)
            .execute(),
        );
        if (rows.length === 0) return;
        yield rows.map(toCheckpoint);
        after = Number(rows.at(-1)!.size);
      }
    },

    async unloggedConsentEvents(limit: number): Promise<StoredConsentEvent[]> {
      const rows = await guard('reading unlogged consent events', () =>
        db
          .selectFrom('consent_events')
          .selectAll()
          .where('log_index', 'is', null)
          .orderBy('seq')
          .limit(limit)
          .execute(),
      );
      return rows.map(toEvent);
    },
  };
}

function toCheckpoint(row: Selectable<LogCheckpointTable>): StoredCheckpoint {
  return {
    size: Number(row.size),
    root: Buffer.from(row.root),
    note: row.note,
    createdAt: row.created_at,
  };
}

/**
 * Takes the log's write lock and reads its tail. The lock is a no-op write: it takes SQLite's
 * write lock (so no reader-to-writer upgrade can fail) and PostgreSQL's row lock, so writers in
 * other processes wait here. It returns the state too, saving a round trip per batch.
 */
async function lockTail(
  trx: Transaction<Database>,
  eventKeys: readonly string[],
): Promise<LockedLogTail> {
  const state = await trx
    .updateTable('log_state')
    .set((eb) => ({ size: eb.ref('size') }))
    .where('id', '=', 1)
    .returning(['size', 'edge'])
    .executeTakeFirstOrThrow();
  const latest = await trx
    .selectFrom('log_checkpoints')
    .selectAll()
    .orderBy('size', 'desc')
    .limit(1)
    .executeTakeFirst();
  const stored = new Map<string, number | undefined>();
  for (let i = 0; i < eventKeys.length; i += INSERT_BATCH) {
    const rows = await trx
      .selectFrom('consent_events')
      .select(['event_key', 'log_index'])
      .where('event_key', 'in', eventKeys.slice(i, i + INSERT_BATCH))
      .execute();
    for (const r of rows) {
      stored.set(r.event_key, r.log_index === null ? undefined : Number(r.log_index));
    }
  }
  return {
    size: Number(state.size),
    edge: state.edge,
    latest: latest && toCheckpoint(latest),
    stored,
  };
}

/** Stores what the log's integrate step decided, in the transaction that holds the lock. */
async function storeWrites(trx: Transaction<Database>, writes: LogWrites): Promise<void> {
  const recordedAt = writes.head?.checkpoint.createdAt ?? new Date().toISOString();
  const events: Insertable<ConsentEventTable>[] = writes.events.map(({ event, index }) => ({
    event_key: event.key,
    subject: event.subject,
    purpose: event.purpose,
    action: event.action,
    at: event.at,
    at_ms: event.atMs,
    channel: event.channel,
    reference: event.reference ?? null,
    recorded_at: recordedAt,
    log_index: index,
  }));
  for (let i = 0; i < events.length; i += INSERT_BATCH) {
    await trx
      .insertInto('consent_events')
      .values(events.slice(i, i + INSERT_BATCH))
      .execute();
  }
  if (writes.links.length > 0) {
    await trx
      .insertInto('identity_links')
      .values(
        writes.links.map(({ link, index }) => ({
          link_key: link.key,
          subject_a: link.subjects[0],
          subject_b: link.subjects[1],
          action: link.action,
          at: link.at,
          at_ms: link.atMs,
          via: link.via,
          platform_a: link.platforms[0],
          platform_b: link.platforms[1],
          log_index: index,
        })),
      )
      .execute();
  }
  // A second registration of one name and version (two at once) is logged but not stored:
  // the register keeps the first, and registerModel tells the second caller.
  for (const { model, index } of writes.models)
    await insertModel(trx, { ...model, logIndex: index });
  for (const { key, index } of writes.lateEvents) {
    await trx
      .updateTable('consent_events')
      .set({ log_index: index })
      .where('event_key', '=', key)
      .execute();
  }
  if (!writes.head) return;
  for (let i = 0; i < writes.entries.length; i += INSERT_BATCH) {
    await trx
      .insertInto('log_entries')
      .values(
        writes.entries.slice(i, i + INSERT_BATCH).map((e) => ({ idx: e.index, entry: e.entry })),
      )
      .execute();
  }
  for (let i = 0; i < writes.nodes.length; i += INSERT_BATCH) {
    await trx
      .insertInto('log_nodes')
      .values(
        writes.nodes
          .slice(i, i + INSERT_BATCH)
          .map((n) => ({ level: n.level, idx: n.index, hash: n.hash })),
      )
      .execute();
  }
  const { checkpoint, edge } = writes.head;
  // Webhook messages commit with the entries they report (the outbox pattern).
  await enqueueWebhookMessages(trx, async (subscribed) => [
    ...logEntryMessages(writes.entries, checkpoint.size, checkpoint.createdAt),
    // Only when an endpoint takes them: otherwise no model, build or link is read here.
    ...(subscribed.has('model_impact')
      ? await modelImpactMessages(trx, writes.entries, checkpoint.size, checkpoint.createdAt)
      : []),
  ]);
  await trx
    .insertInto('log_checkpoints')
    .values({
      size: checkpoint.size,
      root: checkpoint.root,
      note: checkpoint.note,
      created_at: checkpoint.createdAt,
    })
    .execute();
  await trx
    .updateTable('log_state')
    .set({ size: checkpoint.size, edge: Buffer.from(edge) })
    .where('id', '=', 1)
    .execute();
}
