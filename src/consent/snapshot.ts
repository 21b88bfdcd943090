import { createHash } from 'node:crypto';
import type { Purpose } from '../records/index.js';
import { ConsentIndex, type SharedConsentIndex } from './consent-index.js';
import type { ConsentRegister } from './consent-register.js';
import type { ConsentState } from './consent-state.js';
import { stateAfter } from './consent-state.js';
import type { IdentityLinkRegister } from './identity-links.js';
import { identityGroups } from './linked-state.js';

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
  /**
   * SHA-256 over the considered events in order, then the identity links considered (when there
   * are any); equal registers give equal digests.
   */
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
 * Reads the register's state for `purpose` as of `atMs`. With `logSize`, only events and
 * identity links whose log entry is in the log's tree of that size count: a build passes the
 * size of the checkpoint it records, so what was logged after that checkpoint is left to the
 * next build. Linked identities share one state, decided by the latest event of any of them
 * (`linkedState`, docs/formats.md): each group's events are folded under its representative,
 * whose state is then given to every member.
 */
export async function loadConsentSnapshot(
  store: Pick<ConsentRegister, 'countConsentEvents' | 'scanConsentEvents'> &
    Pick<IdentityLinkRegister, 'identityLinks'>,
  purpose: Purpose,
  at: string,
  atMs: number,
  options: { logSize?: number | undefined } = {},
): Promise<ConsentSnapshot> {
  const { logSize } = options;
  const links = await store.identityLinks(atMs, logSize === undefined ? {} : { logSize });
  const groups = identityGroups(links, atMs);
  const decided = new Set<string>();
  const index = ConsentIndex.create((await store.countConsentEvents()) + groups.size);
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
      // Events arrive in (at, import) order, so the last write per group is its deciding event.
      const group = groups.get(event.subject);
      if (group !== undefined) decided.add(group);
      index.set(Buffer.from(group ?? event.subject, 'hex'), stateAfter(event.action));
    }
  }
  for (const [member, group] of groups) {
    if (member !== group && decided.has(group)) {
      index.set(Buffer.from(member, 'hex'), index.get(Buffer.from(group, 'hex')));
    }
  }
  for (const link of links) {
    digest.update(
      `${JSON.stringify(['link', link.subjects[0], link.subjects[1], link.action, link.at, link.via])}\n`,
    );
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
