import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ObhutError } from '../errors/index.js';
import { MAX_RECORD_BYTES } from '../evaluation/evaluate-line.js';
import { TreeHasher } from '../merkle/index.js';
import type { FileEntry } from './manifest.js';
import { loadDuckdb, readParquetLeafHashes } from './parquet-leaf.js';
import { detectFormat } from './sources/index.js';

/**
 * `--format parquet` needs Parquet inputs that share one schema (column names and types, in
 * order): the items files keep that schema and add one column, `_obhut`.
 */
/** The longest line of the admitted list DuckDB reads: a provenance stays far below a record. */
const ADMITTED_LINE_LIMIT = 2 * MAX_RECORD_BYTES;

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
 * Turns the build's admitted rows (listed by the BuildWriter in `admitted.file`, each with its
 * input, 1-based row and `_obhut` provenance JSON) into Parquet items files: each admitted row as
 * it is in its input, in the same order, plus the column `_obhut` holding the provenance JSON,
 * `shardRecords` rows per file. The list is removed. `items_root` is computed by reading the
 * written files back, exactly as `obhut build verify` does.
 */
export async function writeParquetItems(
  dir: string,
  admitted: { readonly file: string; readonly rows: number },
  inputs: readonly string[],
  shardRecords: number,
): Promise<{ outputs: FileEntry[]; itemsRoot: string }> {
  const duckdb = await loadDuckdb('--format parquet');
  const instance = await duckdb.DuckDBInstance.create(':memory:', {
    threads: '1',
    temp_directory: path.join(dir, '.duckdb-tmp'),
  });
  const connection = await instance.connect();
  const result: FileEntry[] = [];
  const tree = new TreeHasher();
  try {
    // The list holds no quote, newline or \x01 inside a field (the provenance is JSON text), so
    // it is read as it was written. seq numbers the admitted rows in build order. DuckDB's line
    // limit (2 MB by default) is raised to what a line of the list can reach: a provenance with
    // many opt-out captures must not fail a build that the JSON lines output would publish.
    await connection.run(
      `CREATE TABLE adm AS SELECT * FROM read_csv(${sqlText(admitted.file)}, delim = '\x01', quote = '', escape = '', header = false, auto_detect = false, max_line_size = ${ADMITTED_LINE_LIMIT}, columns = {'seq': 'BIGINT', 'input': 'INTEGER', 'row': 'BIGINT', 'obhut': 'VARCHAR'})`,
    );
    await rm(admitted.file);
    const listed = await connection.runAndReadAll('SELECT count(*) FROM adm');
    if (Number(listed.getRowsJS()[0]![0]) !== admitted.rows) {
      throw new ObhutError(
        'INTERNAL',
        'the list of admitted rows does not hold every admitted row',
      );
    }
    const metadata = await keyValueMetadata(connection, inputs[0]!);
    const seq = admitted.rows;
    const shards = Math.max(1, Math.ceil(seq / shardRecords));
    for (let k = 0; k < shards; k++) {
      const lo = k * shardRecords;
      const hi = Math.min(seq, lo + shardRecords);
      // Per input, the rows this file takes lie between its first and last (rows ascend with
      // seq within an input): the scan reads only that part of the input.
      const spans = await connection.runAndReadAll(
        `SELECT input, min(row), max(row) FROM adm WHERE seq >= ${lo} AND seq < ${hi} GROUP BY input ORDER BY input`,
      );
      const parts = spans.getRowsJS().map(([input, first, last]) => {
        const file = inputs[Number(input)]!;
        return `SELECT s.*, a.obhut AS _obhut, a.seq AS _obhut_seq FROM read_parquet(${sqlText(file)}, binary_as_string = false, file_row_number = true) s
             JOIN adm a ON a.input = ${Number(input)} AND a.row = s.file_row_number + 1
             WHERE a.seq >= ${lo} AND a.seq < ${hi} AND s.file_row_number BETWEEN ${BigInt(first as bigint) - 1n} AND ${BigInt(last as bigint) - 1n}`;
      });
      const name = `items-${String(k).padStart(5, '0')}.parquet`;
      const file = path.join(dir, name);
      // An empty build still writes one file, with the schema and no rows.
      const rows =
        parts.length > 0
          ? `SELECT * EXCLUDE (file_row_number, _obhut_seq) FROM (${parts.join(' UNION ALL ')}) ORDER BY _obhut_seq`
          : `SELECT *, NULL::VARCHAR AS _obhut FROM read_parquet(${sqlText(inputs[0]!)}, binary_as_string = false) LIMIT 0`;
      await connection.run(`COPY (${rows}) TO ${sqlText(file)} (FORMAT parquet${metadata})`);
      let count = 0;
      await readParquetLeafHashes(file, (hash) => {
        tree.appendLeafHash(hash);
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
  return { outputs: result, itemsRoot: tree.root().toString('hex') };
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
