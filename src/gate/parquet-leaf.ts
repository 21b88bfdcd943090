import canonicalize from 'canonicalize';
import { ObhutError } from '../errors/index.js';
import { leafHash } from '../merkle/index.js';
import { FALLBACK_ERROR, parquetLeafSql } from './sources/parquet-json-sql.js';

/**
 * The JSON value of a Parquet value, as DuckDB's reader gives it, that Obhut commits to
 * (docs/formats.md, "Parquet items files"): 64-bit integers as numbers when exact in a double,
 * else as decimal text; binary as base64; timestamps and dates (JS Dates) as RFC 3339 UTC text;
 * non-finite floats as the text "NaN", "Infinity", "-Infinity"; structs, lists and maps (an
 * array of { key, value }) as objects and arrays.
 */
export function parquetJsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Map) {
    return Object.fromEntries([...value].map(([k, v]) => [String(k), parquetJsonValue(v)]));
  }
  if (Array.isArray(value)) return value.map(parquetJsonValue);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, parquetJsonValue(v)]));
  }
  return value;
}

/** A row's leaf under `items_root`: the RFC 8785 canonical JSON of its JSON value, UTF-8. */
export function parquetLeaf(row: Record<string, unknown>): Buffer {
  return Buffer.from(canonicalize(parquetJsonValue(row))!, 'utf8');
}

type DuckdbModule = typeof import('@duckdb/node-api');

export async function loadDuckdb(what: string): Promise<DuckdbModule> {
  try {
    return await import('@duckdb/node-api');
  } catch (err) {
    throw new ObhutError(
      'INPUT_FORMAT_UNSUPPORTED',
      `${what} needs the package @duckdb/node-api (npm install @duckdb/node-api)`,
      { cause: err },
    );
  }
}

/**
 * Reads a Parquet items file row by row, in order, giving each row's leaf and its `_obhut`
 * provenance text. Used by `obhut build verify`; the build itself takes the leaves' hashes
 * (`readParquetLeafHashes`), both through `parquetLeafSql`, so both compute `items_root` the
 * same way. DuckDB writes the leaves where it writes them exactly, sparing a JavaScript object
 * per row; otherwise, or from the first batch holding a value it cannot write (FALLBACK_ERROR),
 * the rows are read as objects and `parquetLeaf` makes the leaves: the same bytes either way
 * (test/gate/parquet-lines-sql.test.ts).
 */
export function readParquetLeaves(
  file: string,
  onRow: (leaf: Buffer, provenance: unknown) => void,
): Promise<number> {
  return readLeaves(file, 'leaf', onRow);
}

/**
 * Each row's RFC 6962 leaf hash (SHA-256 of a zero byte and the leaf), in order, as
 * `readParquetLeaves` would give the leaves: DuckDB hashes the leaves it writes, so they never
 * cross into JavaScript (a third of what reading the leaves cost).
 */
export function readParquetLeafHashes(
  file: string,
  onHash: (hash: Buffer) => void,
): Promise<number> {
  return readLeaves(file, 'hash', (value) => onHash(value));
}

async function readLeaves(
  file: string,
  mode: 'leaf' | 'hash',
  onRow: (value: Buffer, provenance: unknown) => void,
): Promise<number> {
  const duckdb = await loadDuckdb(file);
  const instance = await duckdb.DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  const source = 'read_parquet($file, binary_as_string = false)';
  let rows = 0;
  try {
    const probe = await connection.run(`SELECT * FROM ${source} LIMIT 0`, { file });
    const names = probe.columnNames();
    const withProvenance = mode === 'leaf' && names.includes('_obhut');
    const leaf = parquetLeafSql(names, probe.columnTypes());
    if (leaf !== undefined) {
      try {
        const value = mode === 'hash' ? `unhex(sha256('\\x00'::BLOB || encode(${leaf})))` : leaf;
        const result = await connection.stream(
          `SELECT ${value}${withProvenance ? ', "_obhut"' : ''} FROM ${source}`,
          { file },
        );
        for await (const batch of result.yieldRowsJs()) {
          for (const row of batch) {
            const bytes =
              mode === 'hash'
                ? Buffer.from(row[0] as Uint8Array)
                : Buffer.from(row[0] as string, 'utf8');
            onRow(bytes, withProvenance ? row[1] : undefined);
            rows++;
          }
        }
        return rows;
      } catch (err) {
        if (!(err as Error).message.includes(FALLBACK_ERROR)) throw err;
      }
    }
    // The rows DuckDB has already given are skipped: a batch is given whole or not at all.
    const given = rows;
    let seen = 0;
    const result = await connection.stream(`SELECT * FROM ${source}`, { file });
    for await (const batch of result.yieldRowObjectJs()) {
      for (const row of batch) {
        if (seen++ < given) continue;
        const bytes = parquetLeaf(row as Record<string, unknown>);
        onRow(mode === 'hash' ? leafHash(bytes) : bytes, (row as { _obhut?: unknown })._obhut);
        rows++;
      }
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return rows;
}
