// PostgreSQL helper for vitest suites that run a contract against a real server.
//
// CI's .ci/run (via .ci/postgres.sh) always sets OBHUT_TEST_DATABASE_URL; on a developer machine
// without it the PostgreSQL half of a suite is skipped, with one clear notice on stderr.
//
//   describe.skipIf(!postgresTestUrl)('postgres', () => {
//     let db: TestSchema;
//     beforeAll(async () => { db = (await createTestSchema())!; });
//     afterAll(() => db?.drop());
//     it('...', async () => { /* connect with db.url: every connection uses db.schema */ });
//   });
//
// Without OBHUT_TEST_DATABASE_URL the SKIPPED notice is printed when this module is first loaded
// in a process (vitest may run test files in separate workers, so it can appear once per file).

import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** process.env.OBHUT_TEST_DATABASE_URL, or undefined when unset or empty. */
export const postgresTestUrl: string | undefined = process.env.OBHUT_TEST_DATABASE_URL || undefined;

export interface TestSchema {
  /** Connection URL whose every connection uses `schema` as its search_path. */
  url: string;
  /** Name of the fresh, empty schema (`obhut_test_<hex>`). */
  schema: string;
  /** Drops the schema and everything in it. Safe to call more than once. */
  drop(): Promise<void>;
}

const SKIP_NOTICE =
  "PostgreSQL contract tests SKIPPED: set OBHUT_TEST_DATABASE_URL (CI's .ci/run does)";

// Kept on globalThis rather than in a module variable: vitest re-evaluates modules for every
// test file, and the notice should still appear only once per process.
const SKIP_NOTICE_PRINTED = Symbol.for('obhut.test.postgres.skipNoticePrinted');

function noticeSkipped(): void {
  const flags = globalThis as { [SKIP_NOTICE_PRINTED]?: boolean };
  if (flags[SKIP_NOTICE_PRINTED]) return;
  flags[SKIP_NOTICE_PRINTED] = true;
  process.stderr.write(`${SKIP_NOTICE}\n`);
}

if (postgresTestUrl === undefined) noticeSkipped();

// Fail fast instead of hanging a test run when the URL points at nothing.
const CONNECT_TIMEOUT_MS = 10_000;

async function runOnce(url: string, sql: string): Promise<void> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Adds `-c search_path=<schema>` to the URL's `options` query parameter (sent to the server as
 * the startup `options`, like libpq's PGOPTIONS), keeping any options already there. Spaces are
 * written as %20 rather than URLSearchParams' `+`: pg decodes both, but libpq (psql) only
 * decodes %20, and the URL is handy to paste into psql when debugging a test.
 */
function withSearchPath(baseUrl: string, schema: string): string {
  const url = new URL(baseUrl);
  const existing = url.searchParams.get('options');
  const option = `-c search_path=${schema}`;
  url.searchParams.set('options', existing ? `${existing} ${option}` : option);
  // A literal '+' is already serialized as %2B, so every '+' left here stands for a space.
  url.search = url.search.replaceAll('+', '%20');
  return url.toString();
}

/**
 * Creates a fresh, empty schema on the test server and returns a URL that uses it, or undefined
 * when OBHUT_TEST_DATABASE_URL is not set (the caller then skips its PostgreSQL half).
 */
export async function createTestSchema(): Promise<TestSchema | undefined> {
  const baseUrl = postgresTestUrl;
  if (baseUrl === undefined) {
    noticeSkipped();
    return undefined;
  }
  // Only [a-z0-9_]: safe unquoted in SQL and in the search_path option, and unique enough for
  // parallel vitest workers sharing one database.
  const schema = `obhut_test_${randomBytes(8).toString('hex')}`;
  await runOnce(baseUrl, `CREATE SCHEMA ${schema}`);
  return {
    url: withSearchPath(baseUrl, schema),
    schema,
    drop: () => runOnce(baseUrl, `DROP SCHEMA IF EXISTS ${schema} CASCADE`),
  };
}
