import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parquetLeaf, readParquetLeaves } from '../../src/gate/parquet-leaf.js';
import { parquetSource, withoutNulls } from '../../src/gate/sources/parquet.js';
import { parquetLeafSql, parquetLineSql } from '../../src/gate/sources/parquet-json-sql.js';
import { RecordFile } from '../../src/gate/sources/record-file.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'obhut-pq-lines-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(query: string, params?: Record<string, string>): Promise<void> {
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const c = await db.connect();
  try {
    await c.run(query, params);
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

/** The lines the JavaScript path writes for an unmapped Parquet file (the reference). */
async function javascriptLines(file: string, work: string): Promise<string> {
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const c = await db.connect();
  const out = new RecordFile(work, undefined);
  try {
    const result = await c.stream(
      `SELECT * FROM read_parquet('${file}', binary_as_string = false)`,
    );
    for await (const rows of result.yieldRowObjectJs()) {
      for (const row of rows) out.writeRow(withoutNulls(row));
    }
  } finally {
    out.close();
    c.closeSync();
    db.closeSync();
  }
  return readFile(out.path, 'utf8');
}

/** The leaves and provenance `parquetLeaf` makes of the reader's row objects (the reference). */
async function javascriptLeaves(file: string): Promise<string[]> {
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const c = await db.connect();
  const out: string[] = [];
  try {
    const result = await c.stream(
      `SELECT * FROM read_parquet('${file}', binary_as_string = false)`,
    );
    for await (const rows of result.yieldRowObjectJs()) {
      for (const row of rows) {
        out.push(`${parquetLeaf(row as Record<string, unknown>).toString('utf8')} ${row._obhut}`);
      }
    }
  } finally {
    c.closeSync();
    db.closeSync();
  }
  return out;
}

async function leavesBothWays(file: string): Promise<{ sql: string[]; js: string[] }> {
  const sql: string[] = [];
  const count = await readParquetLeaves(file, (leaf, provenance) => {
    sql.push(`${leaf.toString('utf8')} ${provenance}`);
  });
  expect(count).toBe(sql.length);
  return { sql, js: await javascriptLeaves(file) };
}

let seq = 0;
/** Converts `file` both ways; returns the two texts and whether DuckDB wrote the lines. */
async function bothWays(file: string): Promise<{ sql: string; js: string; bySql: boolean }> {
  const n = seq++;
  const source = await parquetSource(file, path.join(dir, `sql-${n}`), undefined);
  const sql = await readFile(source.read, 'utf8');
  const js = await javascriptLines(file, path.join(dir, `js-${n}`));
  const bySql = await sqlWritable(file);
  return { sql, js, bySql };
}

async function leafWritable(file: string): Promise<boolean> {
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const c = await db.connect();
  try {
    const r = await c.run(
      `SELECT * FROM read_parquet('${file}', binary_as_string = false) LIMIT 0`,
    );
    return parquetLeafSql(r.columnNames(), r.columnTypes()) !== undefined;
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

async function sqlWritable(file: string): Promise<boolean> {
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const c = await db.connect();
  try {
    const r = await c.run(
      `SELECT * FROM read_parquet('${file}', binary_as_string = false) LIMIT 0`,
    );
    return parquetLineSql(r.columnNames(), r.columnTypes()) !== undefined;
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

describe('Parquet rows written as lines by DuckDB', () => {
  it('are byte for byte the lines of the JavaScript path: nulls, 64-bit integers, bytes, times, nesting, escapes', async () => {
    const file = path.join(dir, 'typed.parquet');
    await run(`COPY (SELECT 'r' || i AS id, 'text' AS kind,
        'x' || chr(CAST(i % 128 AS INTEGER)) || '"\\/é€😀' || chr(8232) || '\\u00e9' AS text,
        CASE WHEN i % 3 = 0 THEN NULL ELSE {'platform': 'ig', 'account': 'a' || i,
          'age': CASE WHEN i % 2 = 0 THEN NULL ELSE 'adult' END} END AS subject,
        [i, NULL, -i] AS xs, [{'k': i, 'v': NULL}, NULL, {'k': NULL, 'v': 'b'}] AS objs,
        [[from_hex('00ff'), NULL], []]::BLOB[][] AS nested_bytes,
        (9007199254740991 - 2 + i % 5)::BIGINT AS near_limit, (-9223372036854775808 + i)::BIGINT AS big,
        (18446744073709551615 - i)::UBIGINT AS ubig, (i % 200 - 100)::TINYINT AS tiny,
        4294967295::UINTEGER AS uint, i % 2 = 0 AS flag, from_hex('deadbeef') AS raw,
        TIMESTAMP '1969-12-31 23:59:59.9985' + to_microseconds(i * 37) AS ts,
        TIMESTAMPTZ '2024-01-01 00:00:00.5+00' + to_days(CAST(i AS INTEGER)) AS tstz,
        DATE '1970-01-01' - CAST(i AS INTEGER) AS d,
        '5b3b8e0c-1c6a-4c3c-9d53-1f5c2a9e4b77'::UUID AS u, NULL::VARCHAR AS always_null,
        {'"quoted" key': 1, 'ünï': 'v'} AS odd_keys
      FROM range(300) t(i)) TO '${file}' (FORMAT parquet)`);
    const { sql, js, bySql } = await bothWays(file);
    expect(bySql).toBe(true);
    expect(sql.split('\n')).toHaveLength(301);
    expect(sql).toBe(js);
  }, 120_000);

  it('give each row the leaf parquetLeaf gives it: canonical JSON, nulls kept, keys sorted, _obhut read', async () => {
    const file = path.join(dir, 'items.parquet');
    await run(`COPY (SELECT 'r' || i AS id, {'zeta': i, 'Alpha': NULL::VARCHAR, 'é': [NULL, 'x' || chr(CAST(i % 40 AS INTEGER))], '1': true} AS s,
        [{'b': from_hex('ff'), 'a': (9007199254740993 + i)::BIGINT}] AS l, NULL::BIGINT AS gone,
        TIMESTAMP '1969-12-31 23:59:59.9985' + to_microseconds(i * 37) AS ts, DATE '2024-02-29' AS d,
        CASE WHEN i = 3 THEN NULL ELSE '{"input":0,"line":' || (i + 1) || '}' END AS _obhut
      FROM range(50) t(i)) TO '${file}' (FORMAT parquet)`);
    expect(await leafWritable(file)).toBe(true);
    const { sql, js } = await leavesBothWays(file);
    expect(sql).toHaveLength(50);
    expect(sql).toEqual(js);
  }, 60_000);

  it('a value the SQL cannot write in a later batch: the leaves continue from there as parquetLeaf makes them', async () => {
    const file = path.join(dir, 'late-old.parquet');
    await run(`COPY (SELECT i AS n, CASE WHEN i = 5000 THEN TIMESTAMP '0999-01-01 00:00:00' ELSE TIMESTAMP '2024-01-01 00:00:00' END AS ts,
        'p' || i AS _obhut FROM range(6000) t(i)) TO '${file}' (FORMAT parquet)`);
    const { sql, js } = await leavesBothWays(file);
    expect(sql).toHaveLength(6000);
    expect(sql).toEqual(js);
    expect(sql[5000]).toContain('"0999-01-01T00:00:00.000Z"');
  }, 60_000);

  it('any string, integer and timestamp gives the same line as the JavaScript path (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            s: fc.option(fc.string({ unit: 'binary', maxLength: 12 })),
            n: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
            us: fc.bigInt({ min: -62135596800000000n, max: 253402300799999999n }),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        async (rows) => {
          const file = path.join(dir, `prop-${seq}.parquet`);
          const values = rows
            .map(
              (r, i) =>
                `(${i}, ${r.s === null ? 'NULL' : `$s${i}`}, '${r.n}'::BIGINT, make_timestamp('${r.us}'::BIGINT))`,
            )
            .join(', ');
          const params = Object.fromEntries(
            rows.flatMap((r, i) => (r.s === null ? [] : [[`s${i}`, r.s]])),
          );
          await run(
            `COPY (SELECT i AS id, s AS text, n, ts FROM (VALUES ${values}) v(i, s, n, ts) ORDER BY i) TO '${file}' (FORMAT parquet)`,
            params,
          );
          const { sql, js } = await bothWays(file);
          expect(sql).toBe(js);
          const leaves = await leavesBothWays(file);
          expect(leaves.sql).toEqual(leaves.js);
        },
      ),
      { numRuns: 15 },
    );
  }, 300_000);

  it('leaves types it cannot write exactly (doubles, decimals, maps, media as bytes) to the JavaScript path', async () => {
    for (const [name, column] of [
      ['double', '0.1::DOUBLE AS score'],
      ['decimal', '1.5::DECIMAL(10, 2) AS price'],
      ['map', "MAP {'a': 1} AS m"],
      ['media', "from_hex('89504e47') AS media"],
      ['index-key', "{'1': 'x', 'a': 'y'} AS s"],
    ] as const) {
      const file = path.join(dir, `fallback-${name}.parquet`);
      await run(
        `COPY (SELECT 'r1' AS id, 'text' AS kind, ${column}) TO '${file}' (FORMAT parquet)`,
      );
      const { sql, js, bySql } = await bothWays(file);
      expect(bySql, name).toBe(false);
      expect(sql, name).toBe(js);
      const leaves = await leavesBothWays(file);
      expect(leaves.sql, name).toEqual(leaves.js);
    }
  }, 120_000);

  it('a value outside what the SQL writes (a year before 1000) falls back to the JavaScript path', async () => {
    const file = path.join(dir, 'old.parquet');
    await run(
      `COPY (SELECT 'r1' AS id, TIMESTAMP '0999-12-31 23:59:59.999' AS ts, DATE '0500-01-01' AS d) TO '${file}' (FORMAT parquet)`,
    );
    const { sql, js, bySql } = await bothWays(file);
    expect(bySql).toBe(true);
    expect(sql).toBe(js);
    expect(sql).toContain('"0999-12-31T23:59:59.999Z"');
  }, 60_000);
});
