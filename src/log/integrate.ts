import { ObhutError } from '../errors/index.js';
import { CompactRange, leafHash, type TreeNode } from '../merkle/index.js';
import type {
  CheckpointSigner,
  LockedLogTail,
  LogAppend,
  LogStorage,
  LogWrites,
  NewConsentEvent,
  NewIdentityLink,
  NewModelRegistration,
  StoredCheckpoint,
} from './log-storage.js';

export interface LogAppendOutcome {
  readonly index: number;
  /** False when the consent event was already stored and logged (an idempotent retry). */
  readonly fresh: boolean;
}

export interface LogBatchResult {
  readonly outcomes: readonly LogAppendOutcome[];
  /** The checkpoint that covers every outcome (the latest one). */
  readonly checkpoint: StoredCheckpoint;
  /** The right edge before the batch and every node the batch added: enough for the batch's proofs. */
  readonly edgeBefore: CompactRange;
  readonly added: readonly TreeNode[];
}

/**
 * Appends entries to the log in one storage transaction (Tessera's integrate step, done
 * synchronously): stores their consent events, assigns contiguous indices, stores the new nodes
 * and right edge, and the checkpoint `sign` makes for the new head. The caller acknowledges
 * only after this resolves.
 */
export function appendToLog(
  storage: Pick<LogStorage, 'integrate'>,
  appends: readonly LogAppend[],
  sign: CheckpointSigner,
): Promise<LogBatchResult> {
  const keys = [...new Set(appends.flatMap((a) => (a.consentEvent ? [a.consentEvent.key] : [])))];
  return storage.integrate(keys, (tail) => integrate(tail, appends, sign, new Date()));
}

/** What a batch adds to the log whose stored tail is `tail`; pure apart from `sign`. */
export function integrate(
  tail: LockedLogTail,
  appends: readonly LogAppend[],
  sign: CheckpointSigner,
  now: Date,
): { writes: LogWrites; result: LogBatchResult } {
  const edge = CompactRange.decode(tail.size, tail.edge);
  checkEdgeMatches(edge, tail.latest);
  const edgeBefore = edge.clone();

  const outcomes: LogAppendOutcome[] = [];
  const entries: { index: number; entry: Buffer }[] = [];
  const added: TreeNode[] = [];
  const events: { event: NewConsentEvent; index: number }[] = [];
  const links: { link: NewIdentityLink; index: number }[] = [];
  const models: { model: NewModelRegistration; index: number }[] = [];
  const lateEvents: { key: string; index: number }[] = [];
  const inBatch = new Map<string, number>();

  for (const { entry, consentEvent: event, identityLink, model } of appends) {
    if (event) {
      const earlier = tail.stored.get(event.key) ?? inBatch.get(event.key);
      if (earlier !== undefined) {
        outcomes.push({ index: earlier, fresh: false });
        continue;
      }
    }
    const index = edge.size;
    const leaf = leafHash(entry);
    added.push({ level: 0, index, hash: leaf }, ...edge.append(leaf));
    entries.push({ index, entry });
    outcomes.push({ index, fresh: true });
    if (identityLink) links.push({ link: identityLink, index });
    if (model) models.push({ model, index });
    if (!event) continue;
    inBatch.set(event.key, index);
    // Stored before the log existed: log it now, under the id it already has.
    if (tail.stored.has(event.key)) lateEvents.push({ key: event.key, index });
    else events.push({ event, index });
  }

  const writes = { entries, nodes: added, events, links, models, lateEvents };
  if (entries.length === 0 && tail.latest) {
    return { writes, result: { outcomes, checkpoint: tail.latest, edgeBefore, added } };
  }
  const root = edge.root();
  const checkpoint: StoredCheckpoint = {
    size: edge.size,
    root,
    note: sign(edge.size, root),
    createdAt: now.toISOString(),
  };
  return {
    writes: { ...writes, head: { checkpoint, edge: edge.encode() } },
    result: { outcomes, checkpoint, edgeBefore, added },
  };
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
