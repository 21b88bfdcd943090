import { createHash, randomUUID } from 'node:crypto';
import { ObhutError } from '../errors/index.js';
import type { Acknowledgement, Receipt, TransparencyLog } from '../log/index.js';
import {
  type ConsentAction,
  type ConsentChannel,
  type Purpose,
  parseRfc3339,
  validateConsentEvent,
} from '../records/index.js';
import { consentEntry } from './consent-entry.js';
import type { NewConsentEvent } from './consent-register.js';
import { pseudonymise } from './pseudonym.js';

export interface ConsentRequest {
  /** The person: a platform account, or (from a portal session) their pseudonym already. */
  readonly who:
    | { readonly platform: string; readonly account: string }
    | { readonly subject: string };
  readonly purpose: Purpose;
  readonly action: ConsentAction;
  readonly channel: ConsentChannel;
  /** When the decision takes effect; now when omitted. */
  readonly at?: string;
  readonly reference?: string;
  /** A client's retry key: the same key for the same subject records the event once. */
  readonly idempotencyKey?: string;
}

export interface RecordedConsent {
  readonly event: NewConsentEvent;
  readonly ack: Acknowledgement;
  readonly receipt: Receipt;
}

/**
 * Records one decision of one person and returns only once it is durable and under a signed
 * checkpoint, with the receipt that proves it. The API, the portal and `obhut consent record`
 * all come through here.
 */
export async function recordConsentEvent(
  log: TransparencyLog,
  secret: Buffer,
  request: ConsentRequest,
): Promise<RecordedConsent> {
  const at = request.at ?? new Date().toISOString();
  const account =
    'subject' in request.who ? { platform: 'subject', account: request.who.subject } : request.who;
  const valid = validateConsentEvent(
    {
      ...account,
      purpose: request.purpose,
      action: request.action,
      at,
      channel: request.channel,
      ...(request.reference === undefined ? {} : { reference: request.reference }),
    },
    'server',
  );
  if (!valid.ok) throw new ObhutError('REQUEST_INVALID', valid.error);
  const subject =
    'subject' in request.who ? request.who.subject : pseudonymise(secret, request.who);
  if (!/^[0-9a-f]{64}$/.test(subject))
    throw new ObhutError('REQUEST_INVALID', 'subject is not a pseudonym');
  const key = request.idempotencyKey
    ? `idem:${createHash('sha256').update(`${subject}\0${request.idempotencyKey}`).digest('hex')}`
    : `evt:${randomUUID()}`;
  const event: NewConsentEvent = {
    key,
    subject,
    purpose: request.purpose,
    action: request.action,
    at,
    atMs: parseRfc3339(at)!,
    channel: request.channel,
    reference: request.reference,
  };
  const ack = await log.writer.append({ entry: consentEntry(event), consentEvent: event });
  return { event, ack, receipt: log.receiptFor(ack) };
}
