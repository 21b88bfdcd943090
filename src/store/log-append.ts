import type { Insertable, Transaction } from 'kysely';
import { ObhutError } from '../errors/index.js';
import { CompactRange, leafHash, type TreeNode } from '../merkle/index.js';
import type { ConsentEventTable, Database } from './schema.js';
import type {
  CheckpointSigner,
  LogAppend,
  LogAppendOutcome,
  LogBatchResult,
  StoredCheckpoint,
} from './store.js';

// Bound parameters per statement stay far below both databases' limits.
const CHUNK = 500;

/**
 * One log batch inside one transaction (Tessera's integrate step, done synchronously): lock,
 * assign indices, store entries, nodes, events, right edge and the signed checkpoint. The
 * caller acknowledges only after this commits.
 */
export async function appendInTransaction(
  trx: Transaction<Database>,
  appends: readonly LogAppend[],
  sign: CheckpointSigner,
): Promise<LogBatchResult> {
  // A no-op write first: it takes SQLite's write lock (so no reader-to-writer upgrade can fail)
  // and PostgreSQL's row lock, so writers in other processes wait here. It returns the state
  // too, saving a round trip per batch.
  const state = await trx
    .updateTable('log_state')
    .set((eb) => ({ size: eb.ref('size') }))
    .where('id', '=', 1)
    .returning(['size', 'edge'])
    .executeTakeFirstOrThrow();
  const edge = CompactRange.decode(Number(state.size), state.edge);
  const latest = await latestCheckpoint(trx);
  checkEdgeMatches(edge, latest);
  const edgeBefore = edge.clone();

  const known = await loggedEvents(trx, appends);
  const recordedAt = new Date().toISOString();
  const outcomes: LogAppendOutcome[] = [];
  const entries: { idx: number; entry: Buffer }[] = [];
  const added: TreeNode[] = [];
  const newEvents: Parameters<typeof insertEvents>[1] = [];
  const lateEvents: { key: string; index: number }[] = [];
  const inBatch = new Map<string, number>();

  for (const { entry, consentEvent: event } of appends) {
    if (event) {
      const earlier = known.get(event.key)?.logIndex ?? inBatch.get(event.key);
      if (earlier !== undefined && earlier !== null) {
        outcomes.push({ index: earlier, fresh: false });
        continue;
      }
    }
    const index = edge.size;
    const leaf = leafHash(entry);
    added.push({ level: 0, index, hash: leaf }, ...edge.append(leaf));
    entries.push({ idx: index, entry });
    outcomes.push({ index, fresh: true });
    if (!event) continue;
    inBatch.set(event.key, index);
    if (known.has(event.key)) {
      // Stored before the log existed: log it now, under the id it already has.
      lateEvents.push({ key: event.key, index });
    } else {
      newEvents.push({
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
      });
    }
  }

  await insertEvents(trx, newEvents);
  for (const { key, index } of lateEvents) {
    await trx
      .updateTable('consent_events')
      .set({ log_index: index })
      .where('event_key', '=', key)
      .execute();
  }
  if (entries.length === 0 && latest) {
    return { outcomes, checkpoint: latest, edgeBefore, added };
  }
  for (let i = 0; i < entries.length; i += CHUNK) {
    await trx
      .insertInto('log_entries')
      .values(entries.slice(i, i + CHUNK))
      .execute();
  }
  for (let i = 0; i < added.length; i += CHUNK) {
    await trx
      .insertInto('log_nodes')
      .values(
        added.slice(i, i + CHUNK).map((n) => ({ level: n.level, idx: n.index, hash: n.hash })),
      )
      .execute();
  }
  const root = edge.root();
  const checkpoint: StoredCheckpoint = {
    size: edge.size,
    root,
    note: sign(edge.size, root),
    createdAt: recordedAt,
  };
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
    .set({ size: edge.size, edge: edge.encode() })
    .where('id', '=', 1)
    .execute();
  return { outcomes, checkpoint, edgeBefore, added };
}

async function latestCheckpoint(trx: Transaction<Database>): Promise<StoredCheckpoint | undefined> {
  const row = await trx
    .selectFrom('log_checkpoints')
    .selectAll()
    .orderBy('size', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (
    row && {
      size: Number(row.size),
      root: Buffer.from(row.root),
      note: row.note,
      createdAt: row.created_at,
    }
  );
}

/**
 * The log must never sign a head inconsistent with an earlier one. The edge is only ever
 * extended, so checking it still matches the last signed head before extending it suffices.
 */
function checkEdgeMatches(edge: CompactRange, latest: StoredCheckpoint | undefined): void {
  const matches = latest
    ? latest.size === edge.size && latest.root.equals(edge.root())
    : edge.size === 0;
  if (!matches) {
    throw new ObhutError(
      'LOG_CORRUPT',
      `the stored right edge (size ${edge.size}) does not match the latest checkpoint (size ${latest?.size ?? 0}); refusing to sign`,
    );
  }
}

async function loggedEvents(
  trx: Transaction<Database>,
  appends: readonly LogAppend[],
): Promise<Map<string, { logIndex: number | null }>> {
  const keys = [...new Set(appends.flatMap((a) => (a.consentEvent ? [a.consentEvent.key] : [])))];
  const known = new Map<string, { logIndex: number | null }>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await trx
      .selectFrom('consent_events')
      .select(['event_key', 'log_index'])
      .where('event_key', 'in', keys.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) {
      known.set(r.event_key, { logIndex: r.log_index === null ? null : Number(r.log_index) });
    }
  }
  return known;
}

async function insertEvents(
  trx: Transaction<Database>,
  rows: Insertable<ConsentEventTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto('consent_events')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}
