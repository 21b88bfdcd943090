import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readParquetLeaves } from '../../src/gate/parquet-leaf.js';
import { verifyBuildFolder } from '../../src/gate/verify-build-folder.js';
import { merkleTreeHash } from '../../src/merkle/index.js';
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

describe('--format parquet', () => {
  let ws: Workspace;
  let input: string;
  let second: string;
  beforeAll(async () => {
    ws = await workspace();
    await ws.importEvents([objection('objector')]);
    input = path.join(ws.dir, 'train-00000.parquet');
    second = path.join(ws.dir, 'train-00001.parquet');
    const rows = (
      from: number,
      to: number,
    ) => `SELECT 'r' || i AS id, 'text' AS kind, 'text ' || i AS text,
        {'platform': 'ig', 'account': CASE WHEN i % 4 = 0 THEN 'objector' ELSE 'a' || (i % 3) END, 'age': 'adult', 'region': 'DE'} AS subject,
        [i, i + 1] AS tags, (9007199254740993 + i)::BIGINT AS big, from_hex('00ff') AS raw, 1.5::DOUBLE AS score
       FROM range(${from}, ${to}) t(i)`;
    await sql(`COPY (${rows(0, 7)}) TO '${input}' (FORMAT parquet, ROW_GROUP_SIZE 3)`);
    await sql(`COPY (${rows(7, 12)}) TO '${second}' (FORMAT parquet)`);
  });
  afterAll(async () => {
    await ws.close();
  });

  it('round trip: Parquet in, Parquet out with the schema plus _obhut, build verify holds', async () => {
    const result = await ws.build([input, second], { format: 'parquet', shardRecords: 4 });
    const asJsonl = await ws.build([input, second]);
    expect(result.manifest.counts).toEqual(asJsonl.manifest.counts);
    expect(result.manifest.subjects_root).toBe(asJsonl.manifest.subjects_root);
    const files = result.manifest.outputs.map((o) => o.path).filter((p) => p.startsWith('items-'));
    expect(files).toEqual(['items-00000.parquet', 'items-00001.parquet', 'items-00002.parquet']);
    const out = await sql(
      `SELECT * FROM read_parquet('${path.join(result.out, 'items-*.parquet')}') ORDER BY filename`,
    );
    expect(out.map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'r5', 'r6', 'r7', 'r9', 'r10', 'r11']);
    const schemaIn = await sql(`DESCRIBE SELECT * FROM '${input}'`);
    const schemaOut = await sql(
      `DESCRIBE SELECT * FROM '${path.join(result.out, 'items-00000.parquet')}'`,
    );
    expect(schemaOut.map((c) => [c.column_name, c.column_type])).toEqual([
      ...schemaIn.map((c) => [c.column_name, c.column_type]),
      ['_obhut', 'VARCHAR'],
    ]);
    expect(JSON.parse(out[3]!._obhut as string)).toMatchObject({ input: 0, line: 6 });
    expect(JSON.parse(out[6]!._obhut as string)).toMatchObject({ input: 1, line: 3 });
    // items_root: RFC 8785 JSON of each row, read back by any Parquet reader.
    const leaves: Buffer[] = [];
    for (const f of files)
      await readParquetLeaves(path.join(result.out, f), (leaf) => leaves.push(leaf));
    expect(merkleTreeHash(leaves).toString('hex')).toBe(result.manifest.items_root);
    expect(leaves[0]!.toString()).toBe(
      `{"_obhut":${JSON.stringify(out[0]!._obhut)},"big":"9007199254740994","id":"r1","kind":"text","raw":"AP8=","score":1.5,"subject":{"account":"a1","age":"adult","platform":"ig","region":"DE"},"tags":[1,2],"text":"text 1"}`,
    );
    const verified = await verifyBuildFolder(result.out);
    expect(verified.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('a changed or dropped row in a Parquet items file fails build verify', async () => {
    const result = await ws.build([input], { format: 'parquet' });
    const file = path.join(result.out, 'items-00000.parquet');
    const original = await readFile(file);
    await sql(
      `COPY (SELECT * REPLACE ('changed' AS text) FROM '${file}') TO '${file}.new' (FORMAT parquet)`,
    );
    await writeFile(file, await readFile(`${file}.new`));
    await import('node:fs/promises').then((fs) => fs.rm(`${file}.new`));
    let r = await verifyBuildFolder(result.out);
    expect(r.checks.filter((c) => !c.ok).map((c) => c.check)).toEqual([
      'file items-00000.parquet',
      'items_root',
    ]);
    await sql(`COPY (SELECT * FROM '${file}' LIMIT 2) TO '${file}.new' (FORMAT parquet)`);
    await writeFile(file, await readFile(`${file}.new`));
    await import('node:fs/promises').then((fs) => fs.rm(`${file}.new`));
    r = await verifyBuildFolder(result.out);
    expect(r.ok).toBe(false);
    expect(r.checks.filter((c) => !c.ok).map((c) => c.check)).toEqual(
      expect.arrayContaining(['items_root', 'counts']),
    );
    await writeFile(file, original);
    expect((await verifyBuildFolder(result.out)).ok).toBe(true);
  });

  it('is refused for JSON lines inputs and with --compress, before anything is written', async () => {
    const jsonl = await ws.write('items.jsonl', [{ id: 'x', kind: 'text', text: 't' }]);
    await expect(ws.build([jsonl], { format: 'parquet' })).rejects.toMatchObject({ code: 'USAGE' });
    await expect(ws.build([input], { format: 'parquet', compress: 'gzip' })).rejects.toMatchObject({
      code: 'USAGE',
    });
  });
});
