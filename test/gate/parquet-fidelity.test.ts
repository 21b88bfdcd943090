import { createHash } from 'node:crypto';
import { cp, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readParquetLeaves } from '../../src/gate/parquet-leaf.js';
import { verifyBuildFolder } from '../../src/gate/verify-build-folder.js';
import { objection, type Workspace, workspace } from '../support/fixtures.js';

async function sql(query: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    return (await c.runAndReadAll(query)).getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

/** The Parquet schema as written in the file's footer, one row per schema element. */
const footerSchema = (file: string) =>
  sql(
    `SELECT name, type, type_length, repetition_type, converted_type, scale, precision, logical_type
     FROM parquet_schema('${file}')`,
  );

const failed = (r: { checks: readonly { ok: boolean; check: string }[] }) =>
  r.checks.filter((c) => !c.ok).map((c) => c.check);

/** Rewrites the manifest's file entries to match the files now there, as a forger would. */
async function forgeDigests(dir: string): Promise<void> {
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as {
    outputs: { path: string; bytes: number; sha256: string; records?: number }[];
  };
  for (const entry of manifest.outputs) {
    const bytes = await readFile(path.join(dir, entry.path));
    entry.bytes = bytes.length;
    entry.sha256 = createHash('sha256').update(bytes).digest('hex');
    if (entry.path.endsWith('.parquet'))
      entry.records = await readParquetLeaves(path.join(dir, entry.path), () => {});
  }
  await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
}

// Every kind of value a corpus may hold that JSON has no exact type for, nested too.
const ROWS = `SELECT 'r' || i AS id, 'text' AS kind, 'text ' || i AS text,
    {'platform': 'ig', 'account': CASE WHEN i = 2 THEN 'objector' ELSE 'a' || i END,
     'inner': {'xs': [i, -i], 'blob': from_hex('00ff10'), 'deep': [{'k': i::BIGINT, 'v': [from_hex('ab')]}]}} AS subject,
    [{'k': (9223372036854775807 - i)::BIGINT, 'v': 'x'}, NULL] AS pairs,
    MAP {'a': i, 'b': NULL} AS m,
    (-9223372036854775808 + i)::BIGINT AS big, (18446744073709551615 - i)::UBIGINT AS ubig,
    (-128 + i)::TINYINT AS tiny, 4294967295::UINTEGER AS uint,
    from_hex('deadbeef00') AS raw, CASE WHEN i = 1 THEN NULL ELSE from_hex('') END AS maybe_raw,
    12345678901234567890.0123456789::DECIMAL(38, 10) AS dec,
    TIMESTAMP '2024-01-01 00:00:00.123456' + to_days(i::INTEGER) AS ts,
    TIMESTAMPTZ '2024-01-01 00:00:00.5+00' AS tstz, DATE '2024-01-02' AS d, TIME '12:00:01.25' AS tm,
    CASE WHEN i = 0 THEN 'NaN'::DOUBLE WHEN i = 1 THEN '-Infinity'::DOUBLE ELSE 0.1 END AS dbl,
    1.5::FLOAT AS fl, '5b3b8e0c-1c6a-4c3c-9d53-1f5c2a9e4b77'::UUID AS u,
    {'bytes': from_hex('89504e47'), 'path': 'a.png'} AS image,
    ['a', NULL, 'c'] AS strs
  FROM range(4) t(i)`;

describe('Parquet items files keep the input as it is', () => {
  let ws: Workspace;
  let input: string;
  beforeAll(async () => {
    ws = await workspace();
    await ws.importEvents([objection('objector')]);
    input = path.join(ws.dir, 'train-00000-of-00001.parquet');
    await sql(
      `COPY (${ROWS}) TO '${input}' (FORMAT parquet, ROW_GROUP_SIZE 2,
        KV_METADATA {'huggingface': '{"info": {"features": {}}}', 'ARROW:schema': 'c3RhbGU='})`,
    );
  });
  afterAll(async () => {
    await ws.close();
  });

  it('Parquet in gives Parquet out by default: the footer schema unchanged plus _obhut, every value exact', async () => {
    const result = await ws.build([input]);
    const out = path.join(result.out, 'items-00000.parquet');
    expect(result.manifest.outputs.map((o) => o.path)).toContain('items-00000.parquet');
    // The schema as Parquet writes it (physical and logical types, nesting, repetition).
    const schemaIn = await footerSchema(input);
    const schemaOut = await footerSchema(out);
    expect(schemaOut.slice(0, -1)).toEqual(schemaIn);
    expect(schemaOut.at(-1)).toMatchObject({
      name: '_obhut',
      type: 'BYTE_ARRAY',
      converted_type: 'UTF8',
    });
    // Every admitted row's values, 64-bit integers, binary and nested ones included.
    const rowsIn = await sql(`SELECT * FROM read_parquet('${input}', binary_as_string = false)`);
    const rowsOut = await sql(
      `SELECT * EXCLUDE (_obhut) FROM read_parquet('${out}', binary_as_string = false)`,
    );
    expect(rowsOut).toEqual(rowsIn.filter((r) => r.id !== 'r2'));
    expect(rowsOut[0]).toMatchObject({
      big: -9223372036854775808n,
      ubig: 18446744073709551615n,
      raw: Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00]),
    });
    // DuckDB compares them too, as its own values (NaN equal to NaN, maps by content).
    const differing = await sql(
      `SELECT count(*)::INTEGER AS n FROM (
         (SELECT * FROM read_parquet('${input}', binary_as_string = false) WHERE id <> 'r2')
         EXCEPT ALL
         (SELECT * EXCLUDE (_obhut) FROM read_parquet('${out}', binary_as_string = false)))`,
    );
    expect(differing).toEqual([{ n: 0 }]);
    // The footer's key-value metadata (Hugging Face features) is kept; ARROW:schema, which
    // describes the columns without _obhut, is not.
    const metadata = await sql(
      `SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata('${out}')`,
    );
    expect(metadata).toEqual([{ key: 'huggingface', value: '{"info": {"features": {}}}' }]);
    expect((await verifyBuildFolder(result.out)).ok).toBe(true);
  });

  it('JSON lines in give JSON lines out; a mix of Parquet and other inputs needs --format', async () => {
    const jsonl = await ws.write('items.jsonl', [{ id: 'j1', kind: 'text', text: 't' }]);
    const plain = await ws.build([jsonl]);
    expect(plain.manifest.outputs.map((o) => o.path)).toContain('items-00000.jsonl');
    const out = path.join(ws.dir, 'mixed');
    const err = await ws.build([input, jsonl], { out }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'USAGE' });
    expect(String((err as Error).message)).toContain('--format jsonl');
    expect(await readdir(ws.dir)).not.toContain('mixed');
    const mixed = await ws.build([input, jsonl], { out, format: 'jsonl' });
    expect(mixed.manifest.counts).toMatchObject({ input: 5, admitted: 4, excluded: 1 });
    // --compress is for JSON lines: with Parquet inputs it needs --format jsonl.
    await expect(ws.build([input], { compress: 'gzip' })).rejects.toMatchObject({ code: 'USAGE' });
    const compressed = await ws.build([input], { compress: 'gzip', format: 'jsonl' });
    expect(compressed.manifest.outputs.map((o) => o.path)).toContain('items-00000.jsonl.gz');
  });

  it('a swapped Parquet items file fails build verify: two shards of the build, or one of another build', async () => {
    const result = await ws.build([input], { shardRecords: 2 });
    const dir = result.out;
    const items = result.manifest.outputs.filter((o) => o.path.startsWith('items-'));
    expect(items.map((o) => [o.path, o.records])).toEqual([
      ['items-00000.parquet', 2],
      ['items-00001.parquet', 1],
    ]);
    await rename(path.join(dir, 'items-00000.parquet'), path.join(dir, 'swap'));
    await rename(path.join(dir, 'items-00001.parquet'), path.join(dir, 'items-00000.parquet'));
    await rename(path.join(dir, 'swap'), path.join(dir, 'items-00001.parquet'));
    expect(failed(await verifyBuildFolder(dir))).toEqual(
      expect.arrayContaining(['file items-00000.parquet', 'file items-00001.parquet']),
    );
    // Even with the manifest's digests and counts forged to match, the rows' order is wrong.
    await forgeDigests(dir);
    expect(failed(await verifyBuildFolder(dir))).toContain('items_root');

    // A shard of another build (same schema, other rows) in place of the first one.
    const other = path.join(ws.dir, 'other.parquet');
    await sql(
      `COPY (SELECT * REPLACE ('other ' || id AS text) FROM read_parquet('${input}', binary_as_string = false))
       TO '${other}' (FORMAT parquet)`,
    );
    const foreign = await ws.build([other], { shardRecords: 2 });
    const target = await ws.build([input], { shardRecords: 2 });
    await cp(
      path.join(foreign.out, 'items-00000.parquet'),
      path.join(target.out, 'items-00000.parquet'),
    );
    expect(failed(await verifyBuildFolder(target.out))).toContain('file items-00000.parquet');
    await forgeDigests(target.out);
    expect(failed(await verifyBuildFolder(target.out))).toContain('items_root');
  });
});
