import type { DuckDBListType, DuckDBStructType, DuckDBType } from '@duckdb/node-api';

/**
 * A DuckDB SQL expression that gives a Parquet row's item-record line as text, byte for byte the
 * line the JavaScript path writes (`JSON.stringify(withoutNulls(row), jsonValue)` over the row
 * objects of `@duckdb/node-api`): null fields of objects left out at any depth, nulls in lists
 * kept, 64-bit integers as numbers when exact in a double and otherwise as decimal text, binary
 * as base64, timestamps and dates as RFC 3339 UTC text at millisecond precision (truncated as the
 * JavaScript reader truncates). Letting DuckDB write the lines spares building a JavaScript object
 * per row, which cost most of a Parquet build's time (BENCHMARKS.md).
 *
 * Returns undefined when a column's type has no exact SQL rendering here (floats, decimals,
 * maps, intervals, times, ...), when a key would be reordered by JavaScript (an array index such
 * as "1"), or when `media` is not text (media held as bytes is stored by the JavaScript path):
 * the caller then uses the JavaScript path. A value the SQL cannot render the same way (a year
 * outside 1000-9999) raises FALLBACK_ERROR at run time, which also means: use the JavaScript path.
 */
export function parquetLineSql(
  names: readonly string[],
  types: readonly DuckDBType[],
): string | undefined {
  const media = names.indexOf('media');
  if (media >= 0 && types[media]!.typeId !== TYPE.VARCHAR) return undefined;
  return objectSql(
    names,
    types,
    names.map((name) => quoteIdentifier(name)),
    0,
    LINE,
  );
}

/**
 * A DuckDB SQL expression that gives a row's leaf under `items_root` (docs/formats.md, "The leaf
 * of a row"): the RFC 8785 canonical JSON of the row, byte for byte what `parquetLeaf` makes of
 * the reader's row object. Nulls are kept and keys sorted as RFC 8785 sorts them (by UTF-16 code
 * units, as JavaScript's sort does); values are written as for `parquetLineSql`. Undefined, and
 * FALLBACK_ERROR at run time, as there: the caller then uses `parquetLeaf`.
 */
export function parquetLeafSql(
  names: readonly string[],
  types: readonly DuckDBType[],
): string | undefined {
  return objectSql(
    names,
    types,
    names.map((name) => quoteIdentifier(name)),
    0,
    LEAF,
  );
}

/** How an object is written: a line drops null fields in column order, a leaf is canonical. */
interface ObjectStyle {
  readonly dropNulls: boolean;
  readonly sortKeys: boolean;
}
const LINE: ObjectStyle = { dropNulls: true, sortKeys: false };
const LEAF: ObjectStyle = { dropNulls: false, sortKeys: true };

/** The message of the SQL `error()` raised for a value the JavaScript path must convert. */
export const FALLBACK_ERROR = 'obhut: value needs the JavaScript conversion';

// DuckDBTypeId values (a runtime enum of @duckdb/node-api, which is loaded lazily).
const TYPE = {
  BOOLEAN: 1,
  TINYINT: 2,
  SMALLINT: 3,
  INTEGER: 4,
  BIGINT: 5,
  UTINYINT: 6,
  USMALLINT: 7,
  UINTEGER: 8,
  UBIGINT: 9,
  TIMESTAMP: 12,
  DATE: 13,
  HUGEINT: 16,
  UHUGEINT: 32,
  VARCHAR: 17,
  BLOB: 18,
  LIST: 24,
  STRUCT: 25,
  UUID: 27,
  TIMESTAMP_TZ: 31,
} as const;

// Years JavaScript's toISOString writes with four digits, as strftime('%Y') does.
const MIN_MS = Date.UTC(1000, 0, 1);
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

function objectSql(
  names: readonly string[],
  types: readonly DuckDBType[],
  exprs: readonly string[],
  depth: number,
  style: ObjectStyle,
): string | undefined {
  const order = names.map((_, i) => i);
  if (style.sortKeys) order.sort((a, b) => (names[a]! < names[b]! ? -1 : 1));
  const fields: string[] = [];
  for (const i of order) {
    const name = names[i]!;
    // JavaScript objects put array-index keys first (a canonical leaf sorts them anyway) and
    // treat __proto__ apart.
    if (name === '__proto__' || (!style.sortKeys && /^(0|[1-9]\d*)$/.test(name))) return undefined;
    const value = valueSql(exprs[i]!, types[i]!, depth, style);
    if (value === undefined) return undefined;
    const key = sqlText(`${JSON.stringify(name)}:`);
    fields.push(
      `CASE WHEN ${exprs[i]} IS NULL THEN ${style.dropNulls ? 'NULL' : `${key} || 'null'`} ELSE ${key} || ${value} END`,
    );
  }
  return `('{' || concat_ws(',', ${fields.join(', ')}) || '}')`;
}

function valueSql(
  expr: string,
  type: DuckDBType,
  depth: number,
  style: ObjectStyle,
): string | undefined {
  switch (type.typeId as number) {
    case TYPE.BOOLEAN:
    case TYPE.TINYINT:
    case TYPE.SMALLINT:
    case TYPE.INTEGER:
    case TYPE.UTINYINT:
    case TYPE.USMALLINT:
    case TYPE.UINTEGER:
      return `CAST(${expr} AS VARCHAR)`;
    case TYPE.BIGINT:
    case TYPE.UBIGINT:
    case TYPE.HUGEINT:
    case TYPE.UHUGEINT:
      return `CASE WHEN ${expr} BETWEEN -9007199254740991 AND 9007199254740991 THEN CAST(${expr} AS VARCHAR) ELSE '"' || CAST(${expr} AS VARCHAR) || '"' END`;
    case TYPE.VARCHAR:
    case TYPE.UUID:
      return stringSql(`CAST(${expr} AS VARCHAR)`, depth);
    case TYPE.BLOB:
      return `('"' || to_base64(${expr}) || '"')`;
    case TYPE.TIMESTAMP:
    case TYPE.TIMESTAMP_TZ:
      return timestampSql(expr);
    case TYPE.DATE:
      return `CASE WHEN ${expr} BETWEEN DATE '1000-01-01' AND DATE '9999-12-31' THEN '"' || strftime(${expr}, '%Y-%m-%d') || 'T00:00:00.000Z"' ELSE error(${sqlText(FALLBACK_ERROR)}) END`;
    case TYPE.STRUCT: {
      const struct = type as DuckDBStructType;
      return objectSql(
        struct.entryNames,
        struct.entryTypes,
        struct.entryNames.map((name) => `struct_extract(${expr}, ${sqlText(name)})`),
        depth,
        style,
      );
    }
    case TYPE.LIST: {
      const element = `e${depth}`;
      const value = valueSql(element, (type as DuckDBListType).valueType, depth + 1, style);
      if (value === undefined) return undefined;
      return `('[' || array_to_string(list_transform(${expr}, lambda ${element}: CASE WHEN ${element} IS NULL THEN 'null' ELSE ${value} END), ',') || ']')`;
    }
    default:
      return undefined;
  }
}

/**
 * A string as JSON.stringify writes it. DuckDB's to_json agrees except for control characters
 * (it writes `\u001F` where JavaScript writes `\u001f`, and escapes DEL), so a string whose
 * to_json holds `\u00` is escaped character by character (rare, and slow). Looking for `\u00` in
 * the JSON text costs less than a regular expression over the string (about 1 CPU s per 1,000,000
 * rows of the bench corpus); a string holding the six characters `\u00` itself merely takes the
 * slow, exact, path.
 */
function stringSql(expr: string, depth: number): string {
  const ch = `c${depth}`;
  const escaped = `CASE WHEN ord(${ch}) < 32 THEN CASE ord(${ch}) WHEN 8 THEN '\\b' WHEN 9 THEN '\\t' WHEN 10 THEN '\\n' WHEN 12 THEN '\\f' WHEN 13 THEN '\\r' ELSE '\\u00' || lpad(lower(hex(ord(${ch}))), 2, '0') END WHEN ${ch} = '"' THEN '\\"' WHEN ${ch} = '\\' THEN '\\\\' ELSE ${ch} END`;
  return `CASE WHEN contains(CAST(to_json(${expr}) AS VARCHAR), '\\u00') THEN '"' || array_to_string(list_transform(string_split(${expr}, ''), lambda ${ch}: ${escaped}), '') || '"' ELSE CAST(to_json(${expr}) AS VARCHAR) END`;
}

/** Milliseconds truncated toward zero (as `micros / 1000n`), then RFC 3339 UTC text. */
function timestampSql(expr: string): string {
  const us = `epoch_us(${expr})`;
  const ms = `(CASE WHEN ${us} < 0 THEN -((-${us}) // 1000) ELSE ${us} // 1000 END)`;
  return `CASE WHEN ${ms} BETWEEN ${MIN_MS} AND ${MAX_MS} THEN '"' || strftime(make_timestamp(${ms} * 1000), '%Y-%m-%dT%H:%M:%S.%gZ') || '"' ELSE error(${sqlText(FALLBACK_ERROR)}) END`;
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function sqlText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
