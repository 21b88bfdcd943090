import { PURPOSES, type Purpose, type SubjectAccount } from '../records/item-record.js';
import type { ConsentRegister, StoredConsentEvent } from './consent-register.js';
import type { ConsentState } from './consent-state.js';
import type { IdentityLinkRegister, StoredIdentityLink } from './identity-links.js';
import { groupOf, identityGroups, linkedState } from './linked-state.js';
import { pseudonymise } from './pseudonym.js';

export interface PurposeStatus {
  readonly purpose: Purpose;
  readonly state: ConsentState;
  /** The event that decided the state; absent when the subject never decided anything. */
  readonly decidingEvent: StoredConsentEvent | undefined;
  /** All events for the purpose of every linked identity, including future-dated ones, in order. */
  readonly history: readonly StoredConsentEvent[];
}

export interface SubjectStatus {
  readonly subject: string;
  /** The identities linked to the subject at the time asked about (the subject included). */
  readonly identities: readonly string[];
  /** Every link event among the identities reachable from the subject, in (at, log) order. */
  readonly links: readonly StoredIdentityLink[];
  readonly purposes: PurposeStatus[];
}

type StatusStore = Pick<ConsentRegister, 'consentEventsOf'> &
  Partial<Pick<IdentityLinkRegister, 'identityLinksOf'>>;

/** A subject's state per purpose as of `asOfMs`, with the event that decided it. */
export async function consentStatus(
  store: StatusStore,
  secret: Buffer,
  account: SubjectAccount,
  asOfMs: number,
): Promise<SubjectStatus> {
  return linkedStatus(store, pseudonymise(secret, account), asOfMs);
}

/** The same, for a subject known only by pseudonym (a portal session). */
export async function subjectStatus(
  store: StatusStore,
  subject: string,
  asOfMs: number,
): Promise<PurposeStatus[]> {
  return (await linkedStatus(store, subject, asOfMs)).purposes;
}

/**
 * A subject's state per purpose under the linked-identity rule (`linkedState`): the events of
 * every identity linked to it at `asOfMs` count as its own. A store without links (a review
 * test's fake) gives the subject's own state.
 */
export async function linkedStatus(
  store: StatusStore,
  subject: string,
  asOfMs: number,
): Promise<SubjectStatus> {
  const links = store.identityLinksOf ? await linksAround(store.identityLinksOf, subject) : [];
  const identities = groupOf(identityGroups(links, asOfMs), subject);
  const events = (await Promise.all(identities.map((s) => store.consentEventsOf(s))))
    .flat()
    .sort((a, b) => a.atMs - b.atMs || a.seq - b.seq);
  const purposes = PURPOSES.map((purpose) => {
    const history = events.filter((e) => e.purpose === purpose);
    const { state, deciding } = linkedState(history, links, subject, asOfMs);
    return { purpose, state, decidingEvent: deciding, history } satisfies PurposeStatus;
  });
  return { subject, identities, links, purposes };
}

/**
 * Every link event of the identities reachable from `subject` through links made at any time:
 * a superset of what any instant's group needs, fetched a ring at a time.
 */
export async function linksAround(
  linksOf: IdentityLinkRegister['identityLinksOf'],
  subject: string,
): Promise<StoredIdentityLink[]> {
  const seen = new Set([subject]);
  const found = new Map<string, StoredIdentityLink>();
  let ring = [subject];
  while (ring.length > 0) {
    const next: string[] = [];
    for (const link of await linksOf(ring)) {
      found.set(link.key, link);
      for (const s of link.subjects) {
        if (!seen.has(s)) {
          seen.add(s);
          next.push(s);
        }
      }
    }
    ring = next;
  }
  return [...found.values()].sort((a, b) => a.atMs - b.atMs || a.logIndex - b.logIndex);
}
