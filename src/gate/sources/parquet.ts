import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { ObhutError } from '../../errors/index.js';
import type { Mapping } from '../../records/index.js';
import { parquetLineSql } from './parquet-json-sql.js';
import { RecordFile } from './record-file.js';
import type { InputSource } from './source.js';

/**
 * A Parquet file's rows become item-record lines (through the mapping, if given), one line per
 * row, so a line's number is the 1-based row number. Rows are read by DuckDB a vector (2,048
 * rows) at a time as it walks the row groups, so memory stays flat in the file's size. Nested
 * structs and lists keep their shape; media held as bytes is stored in the work folder, which
 * media paths are then relative to.
 */
export async function parquetSource(
  input: string,
  workDir: string,
  mapping: Mapping | undefined,
): Promise<InputSource> {
  const duckdb = await loadDuckdb(input);
  await mkdir(workDir, { recursive: true, mode: 0o700 });
  const converted = await digestFile(input);
  // Unmapped rows are written as lines by DuckDB itself where it can write them exactly.
  if (mapping === undefined && (await linesBySql(duckdb, input, workDir))) {
    return { read: path.join(workDir, RECORDS), dir: workDir, converted, workDir, unit: 'row' };
  }
  // A mapped row is written as the row, so the rows are kept beside the mapped records.
  const file = new RecordFile(workDir, mapping, mapping !== undefined);
  const instance = await duckdb.DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    const result = await connection.stream(
      `SELECT * FROM read_parquet($file, binary_as_string = false)`,
      { file: input },
    );
    for await (const rows of result.yieldRowObjectJs()) {
      // Unmapped rows are item records; a mapping reads null as absent by itself.
      for (const row of rows) file.writeRow(mapping ? row : withoutNulls(row));
    }
  } catch (err) {
    if (err instanceof ObhutError) throw err;
    throw new ObhutError(
      'INPUT_CORRUPT',
      `${input} could not be read as Parquet: ${(err as Error).message}`,
      { cause: err },
    );
  } finally {
    file.close();
    connection.closeSync();
    instance.closeSync();
  }
  return {
    read: file.path,
    dir: workDir,
    converted,
    workDir,
    unit: 'row',
    ...(file.rowsPath === undefined ? {} : { rows: file.rowsPath }),
  };
}

const RECORDS = 'records.jsonl';

/**
 * Writes the file's rows as item-record lines with DuckDB (`parquetLineSql`), the same bytes the
 * JavaScript path writes, without a JavaScript object per row. False (and nothing left behind)
 * when the schema or a value needs the JavaScript path, or DuckDB fails: the JavaScript path then
 * reads the file again and reports what is wrong with it as before.
 */
async function linesBySql(duckdb: DuckdbModule, input: string, workDir: string): Promise<boolean> {
  const out = path.join(workDir, RECORDS);
  const instance = await duckdb.DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  const source = `read_parquet(${sqlText(input)}, binary_as_string = false)`;
  try {
    const probe = await connection.run(`SELECT * FROM ${source} LIMIT 0`);
    const line = parquetLineSql(probe.columnNames(), probe.columnTypes());
    if (line === undefined) return false;
    // A JSON line holds no raw control character, so with \x01 as delimiter and no quoting the
    // CSV writer writes each line as it is, in row order (one thread).
    await connection.run(
      `COPY (SELECT ${line} FROM ${source}) TO ${sqlText(out)} (FORMAT csv, HEADER false, QUOTE '', ESCAPE '', DELIMITER '\x01')`,
    );
    return true;
  } catch {
    await rm(out, { force: true });
    return false;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function sqlText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * The row with every null field of an object (at any depth) left out. Parquet has a column for
 * every row and marks a value it lacks as null, so null is how a Parquet row leaves an optional
 * field out (`signals`, `subject.age`); read as JSON null, the record would be rejected. Nulls
 * in lists keep their place.
 */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (
    typeof value !== 'object' ||
    value === null ||
    Object.getPrototypeOf(value) !== Object.prototype
  )
    return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field !== null) out[key] = withoutNulls(field);
  }
  return out;
}

type DuckdbModule = typeof import('@duckdb/node-api');

async function loadDuckdb(input: string): Promise<DuckdbModule> {
  try {
    return await import('@duckdb/node-api');
  } catch (err) {
    throw new ObhutError(
      'INPUT_FORMAT_UNSUPPORTED',
      `${input} is Parquet, which needs the package @duckdb/node-api (npm install @duckdb/node-api)`,
      { cause: err },
    );
  }
}

async function digestFile(file: string): Promise<{ bytes: number; sha256: string }> {
  const digest = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    digest.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: digest.digest('hex') };
}
