import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ObhutError } from '../errors/index.js';
import { TreeHasher } from '../merkle/index.js';
import type { FileEntry } from './manifest.js';
import { readOutputLines } from './output-lines.js';
import { loadDuckdb, readParquetLeaves } from './parquet-leaf.js';
import { detectFormat } from './sources/index.js';

const PROVENANCE = Buffer.from(',"_obhut":{"input":');

/**
 * `--format parquet` needs Parquet inputs that share one schema (column names and types, in
 * order): the items files keep that schema and add one column, `_obhut`.
 */
export async function checkParquetOutput(inputs: readonly string[]): Promise<void> {
  const notParquet = inputs.find((i) => !i.toLowerCase().endsWith('.parquet'));
  if (notParquet !== undefined || inputs.length === 0) {
    throw new ObhutError(
      'USAGE',
      `--format parquet keeps the inputs' Parquet schema, so every input must be Parquet (${notParquet} is not); use --format jsonl`,
    );
  }
  const duckdb = await loadDuckdb('--format parquet');
  const instance = await duckdb.DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    let first: string | undefined;
    for (const input of inputs) {
      // A file named .parquet that is not is named as such, before DuckDB fails to read it.
      detectFormat(input);
      const reader = await connection.runAndReadAll(
        'DESCRIBE SELECT * FROM read_parquet($file, binary_as_string = false)',
        { file: input },
      );
      const schema = JSON.stringify(reader.getRowsJS().map((r) => [r[0], r[1]]));
      if (schema.includes('"_obhut"')) {
        throw new ObhutError('USAGE', `${input} already has a column _obhut, which Obhut adds`);
      }
      first ??= schema;
      if (schema !== first) {
        throw new ObhutError(
          'USAGE',
          `--format parquet needs one schema, but ${input} differs from ${inputs[0]}; build them apart or use --format jsonl`,
        );
      }
    }
  } catch (err) {
    if (err instanceof ObhutError) throw err;
    throw new ObhutError(
      'INPUT_CORRUPT',
      `a Parquet input could not be read: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * Turns the build's admitted lines (items-NNNNN.jsonl in staging, each ending in its `_obhut`
 * provenance, which names the input and row) into Parquet items files: each admitted row as it
 * is in its input, in the same order, plus the column `_obhut` holding the provenance JSON,
 * `shardRecords` rows per file. The JSON shards are removed. `items_root` is computed by reading
 * the written files back, exactly as `obhut build verify` does.
 */
export async function writeParquetItems(
  dir: string,
  outputs: readonly FileEntry[],
  inputs: readonly string[],
  shardRecords: number,
): Promise<{ outputs: FileEntry[]; itemsRoot: string }> {
  const duckdb = await loadDuckdb('--format parquet');
  const instance = await duckdb.DuckDBInstance.create(':memory:', {
    threads: '1',
    temp_directory: path.join(dir, '.duckdb-tmp'),
  });
  const connection = await instance.connect();
  const jsonShards = outputs.filter((o) => /^items-\d{5}\.jsonl$/.test(o.path));
  const result: FileEntry[] = outputs.filter((o) => !jsonShards.includes(o));
  const tree = new TreeHasher();
  try {
    await connection.run('CREATE TABLE adm (seq BIGINT, input INTEGER, row BIGINT, obhut VARCHAR)');
    const appender = await connection.createAppender('adm');
    let seq = 0;
    const ranges = new Map<number, { first: number; last: number }>();
    for (const shard of jsonShards) {
      for await (const line of readOutputLines(path.join(dir, shard.path)).lines) {
        const at = line.lastIndexOf(PROVENANCE);
        const text = line.subarray(at + 10, line.length - 1).toString('utf8');
        const provenance = JSON.parse(text) as { input: number; line: number };
        appender.appendBigInt(BigInt(seq));
        appender.appendInteger(provenance.input);
        appender.appendBigInt(BigInt(provenance.line));
        appender.appendVarchar(text);
        appender.endRow();
        const range = ranges.get(provenance.input);
        if (range) range.last = seq;
        else ranges.set(provenance.input, { first: seq, last: seq });
        seq++;
      }
      await rm(path.join(dir, shard.path));
    }
    appender.closeSync();
    const metadata = await keyValueMetadata(connection, inputs[0]!);
    const shards = Math.max(1, Math.ceil(seq / shardRecords));
    for (let k = 0; k < shards; k++) {
      const lo = k * shardRecords;
      const hi = Math.min(seq, lo + shardRecords);
      const parts = [...ranges]
        .filter(([, r]) => r.first < hi && r.last >= lo)
        .map(
          ([input]) =>
            `SELECT s.*, a.obhut AS _obhut, a.seq AS _obhut_seq FROM read_parquet(${sqlText(inputs[input]!)}, binary_as_string = false, file_row_number = true) s
             JOIN adm a ON a.input = ${input} AND a.row = s.file_row_number + 1 WHERE a.seq >= ${lo} AND a.seq < ${hi}`,
        );
      const name = `items-${String(k).padStart(5, '0')}.parquet`;
      const file = path.join(dir, name);
      // An empty build still writes one file, with the schema and no rows.
      const rows =
        parts.length > 0
          ? `SELECT * EXCLUDE (file_row_number, _obhut_seq) FROM (${parts.join(' UNION ALL ')}) ORDER BY _obhut_seq`
          : `SELECT *, NULL::VARCHAR AS _obhut FROM read_parquet(${sqlText(inputs[0]!)}, binary_as_string = false) LIMIT 0`;
      await connection.run(`COPY (${rows}) TO ${sqlText(file)} (FORMAT parquet${metadata})`);
      let count = 0;
      await readParquetLeaves(file, (leaf) => {
        tree.append(leaf);
        count++;
      });
      if (count !== hi - lo) {
        throw new ObhutError(
          'INTERNAL',
          `${name} holds ${count} rows, not the ${hi - lo} admitted`,
        );
      }
      const bytes = await readFile(file);
      result.push({
        path: name,
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        records: count,
      });
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(path.join(dir, '.duckdb-tmp'), { recursive: true, force: true });
  }
  return {
    outputs: result.sort((a, b) => (a.path < b.path ? -1 : 1)),
    itemsRoot: tree.root().toString('hex'),
  };
}

/**
 * The first input's key-value metadata as a COPY option, so what readers learn from it (a
 * Hugging Face dataset's `huggingface` features, which say a struct is an Image) survives.
 * `ARROW:schema` is left out: it describes the input's columns, without `_obhut`.
 */
async function keyValueMetadata(connection: DuckDBConnection, input: string): Promise<string> {
  const reader = await connection.runAndReadAll(
    'SELECT decode(key), hex(value) FROM parquet_kv_metadata($file)',
    { file: input },
  );
  const pairs = reader
    .getRowsJS()
    .filter(([key]) => key !== 'ARROW:schema')
    .map(([key, value]) => `${sqlText(String(key))}: from_hex('${String(value)}')`);
  return pairs.length === 0 ? '' : `, KV_METADATA {${pairs.join(', ')}}`;
}

function sqlText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
