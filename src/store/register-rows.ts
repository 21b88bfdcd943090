import type { Selectable } from 'kysely';
import type { ScannedConsentEvent, StoredConsentEvent } from '../consent/consent-register.js';
import type { StoredIdentityLink } from '../consent/identity-links.js';
import type { ConsentAction, ConsentChannel, Purpose } from '../records/index.js';
import type { ConsentEventTable, IdentityLinkTable } from './schema.js';

// Rows of the register's tables as the domain reads them; shared by the Kysely store and
// sqlite-reader.ts (which must not load Kysely, so nothing here imports it but its types).

export function toScanned(
  row: Pick<
    Selectable<ConsentEventTable>,
    'seq' | 'subject' | 'purpose' | 'action' | 'at' | 'at_ms' | 'channel'
  >,
): ScannedConsentEvent {
  return {
    seq: Number(row.seq),
    subject: row.subject,
    purpose: row.purpose as Purpose,
    action: row.action as ConsentAction,
    at: row.at,
    atMs: Number(row.at_ms),
    channel: row.channel as ConsentChannel,
  };
}

export function toEvent(
  row: Omit<Selectable<ConsentEventTable>, 'recorded_at'>,
): StoredConsentEvent {
  return {
    ...toScanned(row),
    key: row.event_key,
    reference: row.reference ?? undefined,
    logIndex: row.log_index === null ? undefined : Number(row.log_index),
  };
}

export function toLink(row: Selectable<IdentityLinkTable>): StoredIdentityLink {
  return {
    key: row.link_key,
    subjects: [row.subject_a, row.subject_b],
    action: row.action as StoredIdentityLink['action'],
    at: row.at,
    atMs: Number(row.at_ms),
    via: row.via as StoredIdentityLink['via'],
    platforms: [row.platform_a, row.platform_b],
    logIndex: Number(row.log_index),
  };
}
