// PostgreSQL helper for vitest suites that run a contract against a real server.
//
// CI's .ci/run (via .ci/postgres.sh) always sets OBHUT_TEST_DATABASE_URL; on a developer machine
// without it the PostgreSQL half of a suite is skipped, with one clear notice on stderr.
//
//   const pgSchema = await createTestSchema();
//   describe.skipIf(!pgSchema)('postgres', () => { ... use pgSchema!.url ... });
//   afterAll(() => pgSchema?.drop());

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

let skipNoticePrinted = false;

function noticeSkipped(): void {
  if (skipNoticePrinted) return;
  skipNoticePrinted = true;
  process.stderr.write(`${SKIP_NOTICE}\n`);
}

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
