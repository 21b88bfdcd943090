import type { Selectable } from 'kysely';
import type { ConsentRegister } from '../consent/consent-register.js';
import type { IdentityLinkRegister } from '../consent/identity-links.js';
import { guard } from './guard.js';
import type { MetaStore } from './meta.js';
import {
  consentEventsOfSubject,
  identityLinksOfSubjects,
  metaValue,
  type Statement,
} from './register-reads.js';
import { toEvent, toLink } from './register-rows.js';
import type { ConsentEventTable, IdentityLinkTable } from './schema.js';
import { openSqliteFile, sqliteUpToDate } from './sqlite-file.js';

/** The reads of a SQLite register that `obhut consent status` makes, without Kysely. */
export interface SqliteRegisterReader
  extends Pick<MetaStore, 'getMeta'>,
    Pick<ConsentRegister, 'consentEventsOf'>,
    Pick<IdentityLinkRegister, 'identityLinksOf'> {
  close(): Promise<void>;
}

/**
 * Opens a SQLite register for the reads of register-reads.ts with better-sqlite3 alone, when
 * every known migration has run; undefined otherwise (the database is closed again), and the
 * caller opens the full store, which migrates. Rows are converted by the store's own functions,
 * and errors wrapped by the same `guard`, so both paths answer alike (test/store/sqlite-reader.test.ts).
 */
export function openSqliteReader(file: string): SqliteRegisterReader | undefined {
  const sqlite = openSqliteFile(file);
  if (!sqliteUpToDate(sqlite)) {
    sqlite.close();
    return undefined;
  }
  const rows = async <R>(statement: Statement) =>
    sqlite.prepare(statement.text).all(...statement.values) as R[];
  return {
    async getMeta(key) {
      const [row] = await guard('reading metadata', () => rows<{ value: string }>(metaValue(key)));
      return row?.value;
    },
    async consentEventsOf(subject) {
      const found = await guard('reading consent events', () =>
        rows<Selectable<ConsentEventTable>>(consentEventsOfSubject(subject)),
      );
      return found.map(toEvent);
    },
    async identityLinksOf(subjects) {
      if (subjects.length === 0) return [];
      const found = await guard("reading a person's identity links", () =>
        rows<Selectable<IdentityLinkTable>>(identityLinksOfSubjects(subjects)),
      );
      return found.map(toLink);
    },
    async close() {
      sqlite.close();
    },
  };
}
