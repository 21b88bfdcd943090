import {
  type AccessAction,
  type Acknowledgement,
  encodeEntry,
  type Receipt,
  type TransparencyLog,
} from '../log/index.js';

export interface AccessEvent {
  /** Staff id, `st_` + 16 hex. */
  readonly actor: string;
  /** Task id, `rt_` + 32 hex. */
  readonly task: string;
  /** The item's subject pseudonym, when it names one. */
  readonly subject: string | undefined;
  readonly action: AccessAction;
  readonly at: Date;
}

/**
 * Appends an `access` entry to the transparency log and waits until it is committed under a
 * signed checkpoint; callers hand out the data only after this resolves, so no access goes
 * unrecorded. The entry holds pseudonymous ids only.
 */
export async function recordAccess(
  log: TransparencyLog,
  event: AccessEvent,
): Promise<{ ack: Acknowledgement; receipt: Receipt }> {
  const ack = await log.writer.append({
    entry: encodeEntry({
      type: 'access',
      version: 1,
      actor: event.actor,
      task: event.task,
      ...(event.subject === undefined ? {} : { subject: event.subject }),
      action: event.action,
      at: event.at.toISOString(),
    }),
  });
  return { ack, receipt: log.receiptFor(ack) };
}

/** Appends a `deletion` entry for one part of a review item. */
export async function recordDeletion(
  log: TransparencyLog,
  deletion: { item: string; what: 'raw' | 'derived'; reason: 'retention' | 'objection'; at: Date },
): Promise<Acknowledgement> {
  return log.writer.append({
    entry: encodeEntry({
      type: 'deletion',
      version: 1,
      item: deletion.item,
      what: deletion.what,
      reason: deletion.reason,
      at: deletion.at.toISOString(),
    }),
  });
}
