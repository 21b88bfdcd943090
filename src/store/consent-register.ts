import type { Kysely, Selectable } from 'kysely';
import type {
  ConsentRegister,
  NewConsentEvent,
  ScannedConsentEvent,
  StoredConsentEvent,
} from '../consent/consent-register.js';
import { guard } from './guard.js';
import { consentEventsOfSubject } from './register-reads.js';
import { toEvent, toScanned } from './register-rows.js';
import type { ConsentEventTable, Database } from './schema.js';
import { statementRows } from './statement.js';

// Well under SQLite's and PostgreSQL's bound-parameter limits at 9 columns a row.
export const INSERT_BATCH = 500;

export function consentRegister(db: Kysely<Database>): ConsentRegister {
  return {
    async appendConsentEvents(events: readonly NewConsentEvent[]) {
      const recordedAt = new Date().toISOString();
      let inserted = 0;
      await guard('appending consent events', () =>
        db.transaction().execute(async (trx) => {
          for (let i = 0; i < events.length; i += INSERT_BATCH) {
            const rows = events.slice(i, i + INSERT_BATCH).map((e) => ({
              event_key: e.key,
              subject: e.subject,
              purpose: e.purpose,
              action: e.action,
              at: e.at,
              at_ms: e.atMs,
              channel: e.channel,
              reference: e.reference ?? null,
              recorded_at: recordedAt,
            }));
            const result = await trx
              .insertInto('consent_events')
              .values(rows)
              .onConflict((oc) => oc.column('event_key').doNothing())
              .executeTakeFirst();
            inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
          }
        }),
      );
      return { inserted, skipped: events.length - inserted };
    },

    async consentEventsOf(subject: string): Promise<StoredConsentEvent[]> {
      const rows = await guard('reading consent events', () =>
        statementRows<Selectable<ConsentEventTable>>(db, consentEventsOfSubject(subject)),
      );
      return rows.map(toEvent);
    },

    async *scanConsentEvents(
      purpose: string,
      asOfMs: number,
      options: { pageSize?: number; logSize?: number } = {},
    ): AsyncGenerator<ScannedConsentEvent[]> {
      const pageSize = options.pageSize ?? 10_000;
      const logSize = options.logSize;
      // Keyset pagination on (at_ms, seq): stable while other writers append, and it needs no
      // server-side cursor, which the SQLite and PostgreSQL drivers expose differently.
      let after: { atMs: number; seq: number } | undefined;
      for (;;) {
        const cursor = after;
        const rows = await guard('scanning consent events', () => {
          let query = db
            .selectFrom('consent_events')
            .select(['seq', 'subject', 'purpose', 'action', 'at', 'at_ms', 'channel'])
            .where('purpose', '=', purpose)
            .where('at_ms', '<=', asOfMs);
          // A build honours the registry as of a log checkpoint: later events are not yet proven.
          if (logSize !== undefined) query = query.where('log_index', '<', logSize);
          if (cursor) {
            // A row-value comparison, not an OR of two conditions: both databases then seek
            // in the (purpose, at_ms, seq) index instead of rescanning from the start each page.
            query = query.where((eb) =>
              eb(eb.refTuple('at_ms', 'seq'), '>', eb.tuple(cursor.atMs, cursor.seq)),
            );
          }
          return query.orderBy('at_ms').orderBy('seq').limit(pageSize).execute();
        });
        if (rows.length === 0) return;
        const page = rows.map(toScanned);
        yield page;
        const last = page.at(-1)!;
        after = { atMs: last.atMs, seq: last.seq };
        if (rows.length < pageSize) return;
      }
    },

    async countConsentEvents(): Promise<number> {
      const row = await guard('counting consent events', () =>
        db
          .selectFrom('consent_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow(),
      );
      return Number(row.n);
    },
  };
}
