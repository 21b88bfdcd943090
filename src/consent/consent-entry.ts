import { encodeEntry, type LogEventEncoder } from '../log/index.js';
import type { ConsentAction, ConsentChannel, Purpose } from '../records/index.js';

/** The log entry of a consent event: its id, pseudonym and decision, nothing that identifies. */
export const consentEntry: LogEventEncoder = (event) =>
  encodeEntry({
    type: 'consent_event',
    version: 1,
    event_id: event.key,
    subject: event.subject,
    purpose: event.purpose as Purpose,
    action: event.action as ConsentAction,
    at: event.at,
    channel: event.channel as ConsentChannel,
  });
