import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import { type DecisionImpactStore, modelImpactsOf, type NewDecision } from '../lineage/index.js';
import type { ConsentAction, Purpose } from '../records/index.js';
import {
  type ErasureRequestFields,
  messageForErasure,
  messageForLogEntry,
  messageForModelImpact,
  type OutboxMessage,
  type WebhookEndpoint,
  type WebhookEndpointStatus,
  type WebhookEventType,
  type WebhookMessage,
  type WebhookOutbox,
  type WebhookRegistry,
} from '../webhooks/index.js';
import { buildRegistry } from './build-registry.js';
import { guard } from './guard.js';
import { identityLinkRegister } from './identity-links.js';
import { modelRegister } from './model-register.js';
import type { Database } from './schema.js';
import type { WebhookEndpointTable, WebhookTables } from './webhook-tables.js';

type Db = Kysely<WebhookTables>;

export function webhookStore(database: Kysely<Database>): WebhookRegistry & WebhookOutbox {
  // The webhook tables are declared in webhook-tables.ts: the same connection, its own tables.
  const db = database as unknown as Db;
  return {
    async addWebhook(e: WebhookEndpoint): Promise<void> {
      await guard('registering a webhook', () =>
        db
          .insertInto('webhook_endpoints')
          .values({
            id: e.id,
            url: e.url,
            events: e.events.join(','),
            secret: e.secret.kind === 'stored' ? e.secret.value : null,
            secret_env: e.secret.kind === 'env' ? e.secret.variable : null,
            created_at: e.createdAt,
          })
          .execute(),
      );
    },

    async webhooks(): Promise<WebhookEndpointStatus[]> {
      return guard('reading webhooks', async () => {
        const rows = await db
          .selectFrom('webhook_endpoints')
          .selectAll()
          .orderBy('created_at')
          .orderBy('id')
          .execute();
        const stats = await db
          .selectFrom('webhook_outbox')
          .select((eb) => [
            'endpoint_id',
            eb.fn.countAll<number>().as('pending'),
            eb.fn.sum<number>(sql`case when attempts > 0 then 1 else 0 end`).as('failing'),
            eb.fn.min<string>('created_at').as('oldest'),
          ])
          .groupBy('endpoint_id')
          .execute();
        const byEndpoint = new Map(stats.map((s) => [s.endpoint_id, s]));
        const errors = new Map<string, string>();
        for (const row of await db
          .selectFrom('webhook_outbox')
          .select(['endpoint_id', 'last_error'])
          .where('last_error', 'is not', null)
          .orderBy('seq', 'desc')
          .limit(1000)
          .execute()) {
          if (!errors.has(row.endpoint_id)) errors.set(row.endpoint_id, row.last_error!);
        }
        return rows.map((row) => {
          const s = byEndpoint.get(row.id);
          return {
            endpoint: toEndpoint(row),
            delivered: Number(row.delivered),
            lastDeliveredAt: row.last_delivered_at ?? undefined,
            pending: Number(s?.pending ?? 0),
            failing: Number(s?.failing ?? 0),
            oldestPendingAt: s?.oldest ?? undefined,
            lastError: errors.get(row.id),
          };
        });
      });
    },

    async removeWebhook(id: string): Promise<boolean> {
      return guard('removing a webhook', () =>
        db.transaction().execute(async (trx) => {
          await trx.deleteFrom('webhook_outbox').where('endpoint_id', '=', id).execute();
          const result = await trx
            .deleteFrom('webhook_endpoints')
            .where('id', '=', id)
            .executeTakeFirst();
          return Number(result.numDeletedRows) > 0;
        }),
      );
    },

    async webhookEndpoints(): Promise<WebhookEndpoint[]> {
      const rows = await guard('reading webhooks', () =>
        db.selectFrom('webhook_endpoints').selectAll().execute(),
      );
      return rows.map(toEndpoint);
    },

    async claimWebhookMessages(
      nowMs: number,
      leaseUntilMs: number,
      limit: number,
    ): Promise<OutboxMessage[]> {
      return guard('claiming webhook messages', async () => {
        const due = await db
          .selectFrom('webhook_outbox as o')
          .selectAll('o')
          .where('o.next_attempt_ms', '<=', nowMs)
          // Only the oldest undelivered message of its endpoint and key: log order per subject.
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('webhook_outbox as p')
                  .select('p.seq')
                  .whereRef('p.endpoint_id', '=', 'o.endpoint_id')
                  .whereRef('p.order_key', '=', 'o.order_key')
                  .whereRef('p.seq', '<', 'o.seq'),
              ),
            ),
          )
          .orderBy('o.seq')
          .limit(limit)
          .execute();
        const claimed: OutboxMessage[] = [];
        for (const row of due) {
          // Compare-and-set on the due time: of two deliverers, only one moves it.
          const result = await db
            .updateTable('webhook_outbox')
            .set({ next_attempt_ms: leaseUntilMs })
            .where('seq', '=', row.seq)
            .where('next_attempt_ms', '=', row.next_attempt_ms)
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) === 0) continue;
          claimed.push({
            seq: Number(row.seq),
            endpointId: row.endpoint_id,
            messageId: row.message_id,
            eventType: row.event_type as WebhookEventType,
            orderKey: row.order_key,
            body: row.body,
            attempts: Number(row.attempts),
          });
        }
        return claimed;
      });
    },

    async webhookDelivered(seq: number, endpointId: string, at: string): Promise<void> {
      await guard('recording a webhook delivery', () =>
        db.transaction().execute(async (trx) => {
          const gone = await trx
            .deleteFrom('webhook_outbox')
            .where('seq', '=', seq)
            .executeTakeFirst();
          if (Number(gone.numDeletedRows) === 0) return;
          await trx
            .updateTable('webhook_endpoints')
            .set((eb) => ({ delivered: eb('delivered', '+', 1), last_delivered_at: at }))
            .where('id', '=', endpointId)
            .execute();
        }),
      );
    },

    async webhookFailed(seq: number, nextAttemptMs: number, error: string): Promise<void> {
      await guard('recording a failed webhook delivery', () =>
        db
          .updateTable('webhook_outbox')
          .set((eb) => ({
            attempts: eb('attempts', '+', 1),
            next_attempt_ms: nextAttemptMs,
            last_error: error.slice(0, 500),
          }))
          .where('seq', '=', seq)
          .execute(),
      );
    },
  };
}

function toEndpoint(row: Selectable<WebhookEndpointTable>): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: row.events.split(',') as WebhookEventType[],
    secret:
      row.secret !== null
        ? { kind: 'stored', value: row.secret }
        : { kind: 'env', variable: row.secret_env ?? '' },
    createdAt: row.created_at,
  };
}

/**
 * Writes `messagesOf(subscribed)` to every endpoint subscribed to their type, inside the
 * caller's transaction: the event and its messages commit together or not at all. `subscribed`
 * holds the types some endpoint takes, so a caller computes only messages someone wants.
 */
export async function enqueueWebhookMessages(
  trx: Transaction<Database>,
  messagesOf: (
    subscribed: ReadonlySet<WebhookEventType>,
  ) => readonly WebhookMessage[] | Promise<readonly WebhookMessage[]>,
): Promise<void> {
  const t = trx as unknown as Transaction<WebhookTables>;
  const endpoints = await t.selectFrom('webhook_endpoints').select(['id', 'events']).execute();
  // With no endpoint registered, nothing is parsed: the log's hot path pays one small query.
  if (endpoints.length === 0) return;
  const subscribed = new Set(endpoints.flatMap((e) => e.events.split(',') as WebhookEventType[]));
  const messages = await messagesOf(subscribed);
  const now = Date.now();
  const createdAt = new Date(now).toISOString();
  const rows = endpoints.flatMap((e) => {
    const wanted = new Set(e.events.split(','));
    return messages
      .filter((m) => wanted.has(m.eventType))
      .map((m) => ({
        endpoint_id: e.id,
        message_id: m.id,
        event_type: m.eventType,
        order_key: m.orderKey,
        body: m.body,
        next_attempt_ms: now,
        created_at: createdAt,
      }));
  });
  // Rows are inserted in message order, which is log order, so `seq` keeps it.
  for (let i = 0; i < rows.length; i += 200) {
    await t
      .insertInto('webhook_outbox')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

/** The messages for log entries appended in one batch. */
export function logEntryMessages(
  entries: readonly { readonly index: number; readonly entry: Uint8Array }[],
  checkpointSize: number,
  recordedAt: string,
): WebhookMessage[] {
  return entries.flatMap(
    (e) => messageForLogEntry(e.entry, e.index, checkpointSize, recordedAt) ?? [],
  );
}

/**
 * The `model_impact` messages of log entries appended in one batch: one per consent entry that
 * objects or withdraws and whose person is in a build a registered model was trained on. Read
 * inside the log's transaction, so the register, the build lists and the identity links are the
 * ones the entries are appended against; see docs/webhooks.md for what this costs and when.
 */
export async function modelImpactMessages(
  trx: Transaction<Database>,
  entries: readonly { readonly index: number; readonly entry: Uint8Array }[],
  checkpointSize: number,
  recordedAt: string,
): Promise<WebhookMessage[]> {
  const decisions = entries.flatMap((e) => decisionOf(e.entry, e.index) ?? []);
  if (decisions.length === 0) return [];
  const builds = buildRegistry(trx);
  const store: DecisionImpactStore = {
    listModels: modelRegister(trx).listModels,
    listBuilds: builds.listBuilds,
    buildSubjects: builds.buildSubjects,
    identityLinksOf: identityLinkRegister(trx).identityLinksOf,
  };
  const impacts = await modelImpactsOf(store, decisions, Date.parse(recordedAt) || Date.now());
  return impacts.map((i) => messageForModelImpact(i, checkpointSize, recordedAt));
}

/** A consent entry's decision, or undefined for other kinds. */
function decisionOf(entry: Uint8Array, index: number): NewDecision | undefined {
  let fields: { type?: unknown; subject?: unknown; purpose?: unknown; action?: unknown };
  try {
    fields = JSON.parse(Buffer.from(entry).toString('utf8')) as typeof fields;
  } catch {
    return undefined;
  }
  if (fields.type !== 'consent_event' || typeof fields.subject !== 'string') return undefined;
  // The log accepted the entry against its schema, so purpose and action are known names.
  return {
    subject: fields.subject,
    purpose: fields.purpose as Purpose,
    action: fields.action as ConsentAction,
    logIndex: index,
  };
}

export function erasureMessages(
  request: ErasureRequestFields & { readonly kind: string },
): WebhookMessage[] {
  return request.kind === 'erasure' ? [messageForErasure(request, new Date().toISOString())] : [];
}
