import type { ConsentAction, ConsentEvent } from '../records/index.js';

/** What a subject has decided for one purpose at a point in time. */
export type ConsentState = 'objected' | 'consented' | 'none';

export function stateAfter(action: ConsentAction): ConsentState {
  switch (action) {
    case 'object':
      return 'objected';
    case 'consent':
      return 'consented';
    case 'revoke_objection':
    case 'withdraw_consent':
      return 'none';
  }
}

/**
 * The deciding event for each subject: the latest with `atMs <= asOfMs`. `events` must be in
 * (atMs, import order) order, so a later element with an equal `at` wins, as the contract says.
 */
export function foldConsent<E extends Pick<ConsentEvent, 'subject' | 'action' | 'atMs'>>(
  events: Iterable<E>,
  asOfMs: number,
): Map<string, E> {
  const deciding = new Map<string, E>();
  for (const event of events) {
    if (event.atMs > asOfMs) continue;
    deciding.set(event.subject, event);
  }
  return deciding;
}
