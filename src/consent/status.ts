import { PURPOSES, type Purpose, type SubjectAccount } from '../records/index.js';
import type { ConsentRegister, StoredConsentEvent } from './consent-register.js';
import { type ConsentState, foldConsent, stateAfter } from './consent-state.js';
import { pseudonymise } from './pseudonym.js';

export interface PurposeStatus {
  readonly purpose: Purpose;
  readonly state: ConsentState;
  /** The event that decided the state; absent when the subject never decided anything. */
  readonly decidingEvent: StoredConsentEvent | undefined;
  /** All events for the purpose, including future-dated ones, in order. */
  readonly history: readonly StoredConsentEvent[];
}

/** A subject's state per purpose as of `asOfMs`, with the event that decided it. */
export async function consentStatus(
  store: Pick<ConsentRegister, 'consentEventsOf'>,
  secret: Buffer,
  account: SubjectAccount,
  asOfMs: number,
): Promise<{ subject: string; purposes: PurposeStatus[] }> {
  const subject = pseudonymise(secret, account);
  return { subject, purposes: await subjectStatus(store, subject, asOfMs) };
}

/** The same, for a subject known only by pseudonym (a portal session). */
export async function subjectStatus(
  store: Pick<ConsentRegister, 'consentEventsOf'>,
  subject: string,
  asOfMs: number,
): Promise<PurposeStatus[]> {
  const events = await store.consentEventsOf(subject);
  const purposes = PURPOSES.map((purpose) => {
    const history = events.filter((e) => e.purpose === purpose);
    const decidingEvent = foldConsent(history, asOfMs).get(subject);
    return {
      purpose,
      state: decidingEvent ? stateAfter(decidingEvent.action) : 'none',
      decidingEvent,
      history,
    } satisfies PurposeStatus;
  });
  return purposes;
}
