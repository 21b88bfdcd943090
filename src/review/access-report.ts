import { pseudonymise } from '../consent/index.js';
import { ObhutError } from '../errors/index.js';
import { type AccessAction, decodeEntry, type LogStorage } from '../log/index.js';
import { parseRfc3339 } from '../records/time.js';
import type { AccessReportView, Identity } from './api-types.js';
import { decodeCursor, type PageRequest, pageLimit, pageOf } from './page.js';

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
  log: Pick<LogStorage, 'logSize' | 'logEntries'>,
  subject: string,
): Promise<AccessRecord[]> {
  return scanAccesses(log, subject, {});
}

/** Which of a subject's accesses a report page holds (all when nothing is given). */
export interface AccessFilter {
  /** Only this member of staff's accesses. */
  readonly actor?: string | undefined;
  /** Only accesses at or after this time (ms since the epoch)… */
  readonly fromMs?: number | undefined;
  /** …and before this one. */
  readonly toMs?: number | undefined;
  /** Start after this log index (a page's cursor). */
  readonly afterIndex?: number | undefined;
  /** Stop once this many are found. */
  readonly atMost?: number | undefined;
}

async function scanAccesses(
  log: Pick<LogStorage, 'logSize' | 'logEntries'>,
  subject: string,
  filter: AccessFilter,
): Promise<AccessRecord[]> {
  const size = await log.logSize();
  const records: AccessRecord[] = [];
  const needle = Buffer.from(`"subject":"${subject}"`);
  const atMost = filter.atMost ?? Number.POSITIVE_INFINITY;
  for (let start = (filter.afterIndex ?? -1) + 1; start < size; start += PAGE) {
    const entries = await log.logEntries(start, Math.min(size, start + PAGE));
    for (const [i, bytes] of entries.entries()) {
      // Entries are canonical JSON, so a cheap byte search rules most of them out first.
      if (bytes.indexOf(needle) < 0) continue;
      const decoded = decodeEntry(bytes);
      if (!decoded.ok || decoded.entry.type !== 'access' || decoded.entry.subject !== subject)
        continue;
      const { actor, task, action, at } = decoded.entry;
      if (filter.actor !== undefined && actor !== filter.actor) continue;
      const ms = Date.parse(at);
      if (filter.fromMs !== undefined && !(ms >= filter.fromMs)) continue;
      if (filter.toMs !== undefined && !(ms < filter.toMs)) continue;
      records.push({ actor, task, action, at, logIndex: start + i });
      if (records.length >= atMost) return records;
    }
  }
  return records;
}

/**
 * A page of a subject's access report, in log order, filtered by member of staff and time
 * range. The cursor is a log index: the log only grows, so pages never shift.
 */
export async function subjectAccessReportPage(
  log: Pick<LogStorage, 'logSize' | 'logEntries'>,
  secret: Uint8Array,
  account: Identity,
  query: PageRequest & { staff?: string | undefined; from?: string; to?: string },
): Promise<AccessReportView & { next_cursor: string | null }> {
  const limit = pageLimit(query);
  let afterIndex: number | undefined;
  if (query.cursor !== undefined) {
    const [index] = decodeCursor(query.cursor, 1);
    if (!/^(0|[1-9][0-9]{0,15})$/.test(index!))
      throw new ObhutError('REQUEST_INVALID', 'cursor is not one this list gave');
    afterIndex = Number(index);
  }
  const subject = pseudonymise(secret, account);
  const records = await scanAccesses(log, subject, {
    actor: query.staff,
    fromMs: timeOf('from', query.from),
    toMs: timeOf('to', query.to),
    afterIndex,
    atMost: limit + 1,
  });
  const page = pageOf(records, limit, (r) => [String(r.logIndex)]);
  return { subject, events: page.rows.map(eventView), next_cursor: page.nextCursor };
}

function timeOf(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseRfc3339(value);
  if (ms === undefined)
    throw new ObhutError('REQUEST_INVALID', `${name} "${value}" is not an RFC 3339 date-time`);
  return ms;
}

function eventView(r: AccessRecord) {
  return { at: r.at, actor: r.actor, task: r.task, action: r.action, log_index: r.logIndex };
}

/** The access report of the subject with this platform account, as the review API sends it. */
export async function subjectAccessReport(
  log: Pick<LogStorage, 'logSize' | 'logEntries'>,
  secret: Uint8Array,
  account: Identity,
): Promise<AccessReportView> {
  const subject = pseudonymise(secret, account);
  const records = await accessReport(log, subject);
  return {
    subject,
    events: records.map(eventView),
  };
}
