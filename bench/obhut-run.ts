// What the build benchmarks share: where the data and the CLI are, running `obhut` under
// /usr/bin/time, and DuckDB as the baseline (its anti-join is the same decision for objections).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

export const root = path.resolve(import.meta.dirname, '..');
export const dataDir = path.join(root, 'bench', '.data');
const obhut = path.join(root, 'bin', 'obhut.js');

/** The benchmarks run the built CLI (bin/obhut.js runs dist/). */
export function requireBuild(): void {
  if (!existsSync(path.join(root, 'dist', 'cli', 'main.js')))
    throw new Error('run `npm run build` first');
}

export interface ObhutRun {
  readonly stdout: string;
  /** Wall seconds, from spawn to exit. */
  readonly seconds: number;
  /** User + system CPU seconds, as /usr/bin/time counts them. */
  readonly cpu: number;
  readonly peakMB: number;
}

/** Runs `obhut ARGS` to its end; a failure throws with its stderr. */
export function runObhut(args: string[], env: NodeJS.ProcessEnv): ObhutRun {
  const start = process.hrtime.bigint();
  const child = spawnSync(
    '/usr/bin/time',
    ['-f', 'PEAK_RSS_KB=%M CPU_S=%U+%S', process.execPath, obhut, ...args],
    { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (child.status !== 0) throw new Error(`obhut ${args.join(' ')} failed: ${child.stderr}`);
  const peak = /PEAK_RSS_KB=(\d+)/.exec(child.stderr);
  const cpu = /CPU_S=([\d.]+)\+([\d.]+)/.exec(child.stderr);
  return {
    stdout: child.stdout,
    seconds,
    peakMB: peak ? Math.round(Number(peak[1]) / 1024) : Number.NaN,
    cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : Number.NaN,
  };
}

/** Runs one DuckDB statement in a fresh in-memory database. */
export function duck(query: string): Promise<void> {
  return withDuck(async (connection) => {
    await connection.run(query);
  });
}

/** The first column of each row a DuckDB query gives, in a fresh in-memory database. */
export function duckRows(query: string): Promise<unknown[]> {
  return withDuck(async (connection) =>
    (await connection.runAndReadAll(query)).getRowsJS().map((r) => r[0]),
  );
}

async function withDuck<T>(use: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  try {
    return await use(connection);
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}

/** DuckDB's build: the Parquet records whose subject has no `ai_training` objection, as Parquet. */
export function duckAntiJoinQuery(parquet: string, events: string, out: string): string {
  return `
      COPY (
        SELECT i.* FROM read_parquet('${parquet}', binary_as_string = false) AS i
        ANTI JOIN (
          SELECT DISTINCT platform, account FROM read_json('${events}', format = 'newline_delimited')
          WHERE purpose = 'ai_training' AND action = 'object'
        ) AS o ON o.platform = i.subject.platform AND o.account = i.subject.account
      ) TO '${out}' (FORMAT parquet)`;
}
