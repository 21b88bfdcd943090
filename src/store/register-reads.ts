// The register's reads that a session and `obhut consent status` need, as SQL text, written once
// for both ways of running them: through Kysely by the store (store/statement.ts, on SQLite and
// PostgreSQL) and with better-sqlite3 alone by store/sqlite-reader.ts, which `consent status`
// uses so that it need not load Kysely (~0.5 MB of JavaScript to compile; issue 13).
//
// Each `?` is one bound value, in order; the texts hold no other `?` (no string literals, no
// PostgreSQL operators spelt with one).

/** SQL text with a `?` for each value, and the values. */
export interface Statement {
  readonly text: string;
  readonly values: readonly unknown[];
}

/** Every event of one subject (all columns), for all purposes, in (at, import) order. */
export function consentEventsOfSubject(subject: string): Statement {
  return {
    text: 'select * from consent_events where subject = ? order by purpose, at_ms, seq',
    values: [subject],
  };
}

/** Every link and unlink (all columns) touching one of `subjects`, in (at, log index) order. */
export function identityLinksOfSubjects(subjects: readonly string[]): Statement {
  const list = subjects.map(() => '?').join(', ');
  return {
    text: `select * from identity_links where subject_a in (${list}) or subject_b in (${list}) order by at_ms, log_index`,
    values: [...subjects, ...subjects],
  };
}

/** The value of one of the register's own settings (`meta`). */
export function metaValue(key: string): Statement {
  return { text: 'select value from meta where key = ?', values: [key] };
}
