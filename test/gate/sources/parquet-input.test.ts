import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyBuildFolder } from '../../../src/gate/verify-build-folder.js';
import { parseMapping } from '../../../src/records/index.js';
import {
  admittedLines,
  objection,
  readJsonl,
  type Workspace,
  workspace,
} from '../../support/fixtures.js';

/** Writes a Parquet file from a DuckDB query, in row groups of `rowGroup` rows. */
async function writeParquet(file: string, query: string, rowGroup = 2): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    await c.run(`COPY (${query}) TO '${file}' (FORMAT parquet, ROW_GROUP_SIZE ${rowGroup})`);
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

const png = async (shade: number) =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: { r: shade, g: 0, b: 0 } } })
    .png()
    .toBuffer();

describe('Parquet input', () => {
  let ws: Workspace | undefined;
  afterEach(async () => {
    await ws?.close();
    ws = undefined;
  });

  it('a corpus with nested structs and an embedded-bytes image column builds with the right decisions', async () => {
    ws = await workspace();
    await ws.importEvents([objection('objector')]);
    const [red, dark] = [await png(200), await png(20)];
    const file = path.join(ws.dir, 'train-00000-of-00001.parquet');
    await writeParquet(
      file,
      `SELECT * FROM (VALUES
        ('i1', 'image', {'platform': 'ig', 'account': 'a', 'age': 'adult', 'region': 'DE'}, {'bytes': from_hex('${red.toString('hex')}'), 'path': 'a.png'}, ['x', 'y']),
        ('i2', 'image', {'platform': 'ig', 'account': 'objector', 'age': 'adult', 'region': 'DE'}, {'bytes': from_hex('${dark.toString('hex')}'), 'path': 'b.png'}, []),
        (NULL, 'image', {'platform': 'ig', 'account': 'a', 'age': 'adult', 'region': 'DE'}, NULL, []),
        ('i4', 'image', {'platform': 'ig', 'account': 'b', 'age': 'minor', 'region': 'DE'}, {'bytes': from_hex('${red.toString('hex')}'), 'path': 'c.png'}, ['z'])
      ) t(id, kind, subject, media, tags)`,
    );
    // JSON lines out (the default would be Parquet, as the input): the rows are read as JSON here.
    const result = await ws.build([file], { format: 'jsonl' });
    const admitted = (await admittedLines(result.out)).map((l) => JSON.parse(l));
    expect(admitted.map((r) => r.id)).toEqual(['i1']);
    // Nested structs and lists keep their shape; the image is stored by content.
    expect(admitted[0]).toMatchObject({ subject: { account: 'a' }, tags: ['x', 'y'] });
    const media = await readdir(path.join(result.out, 'media'));
    expect(media).toHaveLength(1);
    expect(await readFile(path.join(result.out, 'media', media[0]!))).toEqual(red);
    const excluded = await readJsonl<{ id: string; reason: string }>(
      path.join(result.out, 'excluded.jsonl'),
    );
    expect(excluded.map((e) => e.id).sort()).toEqual(['i2', 'i4']);
    // A rejected row is named by its 1-based row number, as `row` (not `line`).
    const rejected = await readJsonl(path.join(result.out, 'rejected.jsonl'));
    expect(rejected).toMatchObject([{ input: file, row: 3, code: 'RECORD_INVALID' }]);
    expect(rejected[0]).not.toHaveProperty('line');
    expect(result.manifest.inputs[0]).toMatchObject({
      path: file,
      bytes: (await readFile(file)).length,
      records: 4,
    });
    expect((await readdir(ws.dir)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('a mapped Parquet corpus (LAION-like) rejects unmappable rows with their row numbers', async () => {
    ws = await workspace();
    const file = path.join(ws.dir, 'laion.parquet');
    await writeParquet(
      file,
      `SELECT 'u' || i AS key, 'caption ' || i AS caption, (i % 3 = 0) AS nsfw_flag,
        CASE WHEN i = 5 THEN 'maybe' ELSE 'en' END AS lang, 1700000000 + i AS ts
       FROM range(1, 8) t(i)`,
      3,
    );
    const parsed = parseMapping({
      id: 'key',
      kind: { const: 'text' },
      text: 'caption',
      language: { from: 'lang', values: { en: 'en' } },
      created_at: { from: 'ts', time: 'epoch_s' },
    });
    if (!parsed.ok) throw new Error(parsed.error);
    const result = await ws.build([file], { mapping: parsed.mapping, format: 'jsonl' });
    const rejected = await readJsonl(path.join(result.out, 'rejected.jsonl'));
    expect(rejected).toEqual([
      {
        input: file,
        row: 5,
        code: 'RECORD_UNMAPPED',
        error: expect.stringContaining('maybe'),
      },
    ]);
    const admitted = (await admittedLines(result.out)).map((l) => JSON.parse(l));
    expect(admitted).toHaveLength(6);
    // What is written is the source row (plus provenance), not the mapped record.
    expect(admitted[0]).toEqual({
      key: 'u1',
      caption: 'caption 1',
      nsfw_flag: false,
      lang: 'en',
      ts: 1700000001,
      _obhut: { input: 0, line: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect((await verifyBuildFolder(result.out)).ok).toBe(true);
  });

  it('rows across many row groups and read batches keep their order and row numbers', async () => {
    ws = await workspace();
    const file = path.join(ws.dir, 'many.parquet');
    await writeParquet(
      file,
      `SELECT CASE WHEN i = 4999 THEN NULL ELSE 'r' || i END AS id, 'text' AS kind, 't' AS text
       FROM range(5000) t(i) ORDER BY i`,
      700,
    );
    const result = await ws.build([file], { format: 'jsonl' });
    expect(result.manifest.counts).toMatchObject({ input: 5000, admitted: 4999, rejected: 1 });
    const rejected = await readJsonl(path.join(result.out, 'rejected.jsonl'));
    expect(rejected).toMatchObject([{ row: 5000 }]);
    const ids = (await admittedLines(result.out)).map((l) => JSON.parse(l).id);
    expect(ids).toEqual(Array.from({ length: 4999 }, (_, i) => `r${i}`));
  });

  it('a truncated Parquet file is INPUT_CORRUPT and nothing is published', async () => {
    ws = await workspace();
    const file = path.join(ws.dir, 'cut.parquet');
    await writeParquet(file, `SELECT 'x' || i AS id, 'text' AS kind FROM range(100) t(i)`);
    const whole = await readFile(file);
    await writeFile(file, whole.subarray(0, whole.length - 30));
    const out = path.join(ws.dir, 'out');
    await expect(ws.build([file], { out })).rejects.toMatchObject({ code: 'INPUT_CORRUPT' });
    expect((await readdir(ws.dir)).filter((f) => f === 'out' || f.startsWith('.'))).toEqual([]);
  });

  it('a null column is an absent field, as a mapping reads it: optional fields left out are not errors', async () => {
    ws = await workspace();
    const file = path.join(ws.dir, 'nulls.parquet');
    await writeParquet(
      file,
      `SELECT * FROM (VALUES
        ('n1', 'text', 't', {'platform': 'ig', 'account': 'a', 'age': NULL, 'region': NULL}, NULL::STRUCT(tdm_reserved BOOLEAN), [1, NULL]),
        ('n2', 'text', 't', NULL, {'tdm_reserved': true}, NULL),
        ('n3', 'text', NULL, NULL, NULL, NULL)
      ) t(id, kind, text, subject, signals, xs)`,
    );
    const result = await ws.build([file], { format: 'jsonl' });
    expect(result.manifest.counts).toMatchObject({ admitted: 1, excluded: 1, rejected: 1 });
    const excluded = await readJsonl(path.join(result.out, 'excluded.jsonl'));
    expect(excluded).toMatchObject([{ id: 'n2', reasons: ['tdm_reserved'] }]);
    // A text item without text is still rejected, as a missing field.
    const rejected = await readJsonl(path.join(result.out, 'rejected.jsonl'));
    expect(rejected).toMatchObject([{ row: 3, code: 'RECORD_INVALID', id: 'n3' }]);
    // The JSON line written leaves the nulls of objects out, and keeps those in lists.
    const [line] = (await admittedLines(result.out)).map((l) => JSON.parse(l));
    expect(line).toMatchObject({
      id: 'n1',
      subject: { platform: 'ig', account: 'a' },
      xs: [1, null],
    });
    expect(line).not.toHaveProperty('signals');
    // Parquet out writes each row as it is in the file, nulls and all.
    const parquetOut = await ws.build([file]);
    expect(parquetOut.manifest.counts).toEqual(result.manifest.counts);
    expect((await verifyBuildFolder(parquetOut.out)).ok).toBe(true);
  });
});
