// What an item's raw part (the record as read) says about where it came from and whose it is,
// for the two roles allowed to ask: provenance on reveal, identity after an approved unmask.
import type { Identity, Provenance } from './api-types.js';
import type { ReviewItem } from './model.js';

/** Where a record came from, from its `source` block; the subject as its pseudonym only. */
export function provenanceOf(
  item: ReviewItem,
  record: Record<string, unknown> | undefined,
): Provenance {
  const source = isObject(record?.source) ? record.source : {};
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const fields = {
    record_id: text(record?.id),
    source_url: text(source.url),
    dataset: text(source.dataset),
    collected_at: text(source.collected_at),
    collector: text(source.collector),
    license: text(source.license),
    created_at: text(record?.created_at),
    visibility: text(record?.visibility),
    subject: item.subject,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** The record's `subject` block, when it names a platform and an account. */
export function identityOf(record: Record<string, unknown> | undefined): Identity | undefined {
  const subject = record?.subject;
  if (!isObject(subject)) return undefined;
  const { platform, account } = subject;
  return typeof platform === 'string' && typeof account === 'string'
    ? { platform, account }
    : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
