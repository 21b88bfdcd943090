import { createHash } from 'node:crypto';
import type { Purpose } from '../records/index.js';
import type { Store } from '../store/index.js';
import { type ConsentState, stateAfter } from './consent-state.js';

/**
 * The registry as of one instant, for one purpose, held in memory for a build: only subjects
 * with a decision are kept, so a lookup per record is a map access, not a query.
 */
export interface ConsentSnapshot {
  readonly purpose: Purpose;
  readonly at: string;
  /** How many events (at <= at) were read to compute it. */
  readonly eventsConsidered: number;
  /** SHA-256 over the considered events in order; equal registries give equal digests. */
  readonly eventsSha256: string;
  readonly objected: number;
  readonly consented: number;
  stateOf(subject: string | undefined): ConsentState;
  /** Every subject with a decision, for handing the snapshot to another thread. */
  decided(): Array<[subject: string, state: ConsentState]>;
}

export async function loadConsentSnapshot(
  store: Store,
  purpose: Purpose,
  at: string,
  atMs: number,
): Promise<ConsentSnapshot> {
  const states = new Map<string, ConsentState>();
  const digest = createHash('sha256');
  let eventsConsidered = 0;
  for await (const page of store.scanConsentEvents(purpose, atMs)) {
    for (const event of page) {
      // Store-independent fields only, so SQLite and PostgreSQL registries digest alike.
      digest.update(
        `${JSON.stringify([event.subject, event.purpose, event.action, event.at, event.channel])}\n`,
      );
      eventsConsidered++;
      const state = stateAfter(event.action);
      if (state === 'none') states.delete(event.subject);
      else states.set(event.subject, state);
    }
  }
  let objected = 0;
  for (const state of states.values()) if (state === 'objected') objected++;
  return {
    purpose,
    at,
    eventsConsidered,
    eventsSha256: digest.digest('hex'),
    objected,
    consented: states.size - objected,
    stateOf: (subject) => (subject && states.get(subject)) || 'none',
    decided: () => [...states],
  };
}
