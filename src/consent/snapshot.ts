import { createHash } from 'node:crypto';
import type { Purpose } from '../records/index.js';
import { ConsentIndex, type SharedConsentIndex } from './consent-index.js';
import type { ConsentRegister } from './consent-register.js';
import type { ConsentState } from './consent-state.js';
import { stateAfter } from './consent-state.js';

/**
 * The register as of one instant, for one purpose, held in memory for a build, so a lookup
 * per record is a table probe, not a query.
 */
export interface ConsentSnapshot {
  readonly purpose: Purpose;
  readonly at: string;
  /**
   * The transparency log size it was read at: only events logged at an index below it count.
   * Undefined when read without a log bound (every stored event up to `at` counts).
   */
  readonly logSize: number | undefined;
  /** How many events (at <= at) were read to compute it. */
  readonly eventsConsidered: number;
  /** SHA-256 over the considered events in order; equal registers give equal digests. */
  readonly eventsSha256: string;
  readonly objected: number;
  readonly consented: number;
  readonly index: ConsentIndex;
  /** State of a subject by its hex pseudonym. */
  stateOf(subject: string | undefined): ConsentState;
}

// Small pages: rows die young instead of being promoted, which kept peak memory down by a third.
const PAGE = 1_000;

/** A snapshot's figures and its index's shared memory: what crosses from a loading thread. */
export type SnapshotData = Pick<
  ConsentSnapshot,
  'purpose' | 'at' | 'logSize' | 'eventsConsidered' | 'eventsSha256' | 'objected' | 'consented'
> & { readonly shared: SharedConsentIndex };

export function snapshotData(snapshot: ConsentSnapshot): SnapshotData {
  const { purpose, at, logSize, eventsConsidered, eventsSha256, objected, consented } = snapshot;
  return {
    purpose,
    at,
    logSize,
    eventsConsidered,
    eventsSha256,
    objected,
    consented,
    shared: snapshot.index.shared,
  };
}

/** Rebuilds a snapshot around an index another thread loaded. */
export function snapshotFromData(data: SnapshotData): ConsentSnapshot {
  const { shared, ...figures } = data;
  const index = ConsentIndex.open(shared);
  return {
    ...figures,
    index,
    stateOf: (subject) => (subject ? index.get(Buffer.from(subject, 'hex')) : 'none'),
  };
}

/**
 * Reads the register's state for `purpose` as of `atMs`. With `logSize`, only events whose log
 * entry is in the log's tree of that size count: a build passes the size of the checkpoint it
 * records, so an event logged after that checkpoint is left to the next build.
 */
export async function loadConsentSnapshot(
  store: Pick<ConsentRegister, 'countConsentEvents' | 'scanConsentEvents'>,
  purpose: Purpose,
  at: string,
  atMs: number,
  options: { logSize?: number | undefined } = {},
): Promise<ConsentSnapshot> {
  const { logSize } = options;
  const index = ConsentIndex.create(await store.countConsentEvents());
  const digest = createHash('sha256');
  let eventsConsidered = 0;
  const scan = store.scanConsentEvents(purpose, atMs, {
    pageSize: PAGE,
    ...(logSize === undefined ? {} : { logSize }),
  });
  for await (const page of scan) {
    for (const event of page) {
      // Store-independent fields only, so SQLite and PostgreSQL registers digest alike.
      digest.update(
        `${JSON.stringify([event.subject, event.purpose, event.action, event.at, event.channel])}\n`,
      );
      eventsConsidered++;
      // Events arrive in (at, import) order, so the last write per subject is its deciding event.
      index.set(Buffer.from(event.subject, 'hex'), stateAfter(event.action));
    }
  }
  const tally = index.tally();
  return snapshotFromData({
    purpose,
    at,
    logSize,
    eventsConsidered,
    eventsSha256: digest.digest('hex'),
    objected: tally.objected,
    consented: tally.consented,
    shared: index.shared,
  });
}
