import { pseudonymise } from '../consent/index.js';
import { type AccessAction, decodeEntry } from '../log/index.js';
import type { Store } from '../store/index.js';
import type { AccessReportView, Identity } from './api-types.js';

export interface AccessRecord {
  readonly actor: string;
  readonly task: string;
  readonly action: AccessAction;
  readonly at: string;
  /** The entry's position in the transparency log: a receipt for it proves the record. */
  readonly logIndex: number;
}

const PAGE = 1_000;

/**
 * Who accessed which review task of one subject, and when: every `access` entry naming the
 * pseudonym, in log order, for a privacy officer answering an access request (GDPR Art. 15).
 *
 * This scans the whole log a page at a time. That is linear in the log's size, but an access
 * request is rare and the log is the authority (an index in the store could drift from it); an
 * index by subject is the step to take if the log grows large.
 */
export async function accessReport(
  log: Pick<Store, 'logSize' | 'logEntries'>,
  subject: string,
): Promise<AccessRecord[]> {
  const size = await log.logSize();
  const records: AccessRecord[] = [];
  const needle = Buffer.from(`"subject":"${subject}"`);
  for (let start = 0; start < size; start += PAGE) {
    const entries = await log.logEntries(start, Math.min(size, start + PAGE));
    for (const [i, bytes] of entries.entries()) {
      // Entries are canonical JSON, so a cheap byte search rules most of them out first.
      if (bytes.indexOf(needle) < 0) continue;
      const decoded = decodeEntry(bytes);
      if (!decoded.ok || decoded.entry.type !== 'access' || decoded.entry.subject !== subject)
        continue;
      const { actor, task, action, at } = decoded.entry;
      records.push({ actor, task, action, at, logIndex: start + i });
    }
  }
  return records;
}

/** The access report of the subject with this platform account, as the review API sends it. */
export async function subjectAccessReport(
  log: Pick<Store, 'logSize' | 'logEntries'>,
  secret: Uint8Array,
  account: Identity,
): Promise<AccessReportView> {
  const subject = pseudonymise(secret, account);
  const records = await accessReport(log, subject);
  return {
    subject,
    events: records.map((r) => ({
      at: r.at,
      actor: r.actor,
      task: r.task,
      action: r.action,
      log_index: r.logIndex,
    })),
  };
}
