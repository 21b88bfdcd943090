// `obhut review export --format parquet`: the same tasks as the JSON Lines export, one row each,
// for teams that read results with pandas, Polars or DuckDB. Columns are typed where every task
// has the same shape; answers, majorities and agreement differ per labels file, so they are JSON
// columns (Parquet's JSON logical type). The header — totals, questions and Krippendorff's alpha —
// is the file's key-value metadata `obhut_review_export`, as JSON.

import { loadDuckdb } from '../gate/parquet-leaf.js';

/** The columns, in order; `read_json` is told them, so nothing depends on sampling the rows. */
const COLUMNS: Record<string, string> = {
  task_id: 'VARCHAR',
  item_id: 'VARCHAR',
  record_id: 'VARCHAR',
  kind: 'VARCHAR',
  status: 'VARCHAR',
  k: 'INTEGER',
  created_at: 'VARCHAR',
  updated_at: 'VARCHAR',
  questions: 'VARCHAR[]',
  answers: 'JSON',
  majority: 'JSON',
  agreement: 'JSON',
};

export const PARQUET_HEADER_KEY = 'obhut_review_export';

/** Writes the JSON Lines task file `items` as Parquet to `out`, with `header` as metadata. */
export async function writeExportParquet(
  items: string,
  out: string,
  header: object,
): Promise<void> {
  const duckdb = await loadDuckdb('review export --format parquet');
  const instance = await duckdb.DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    const columns = Object.entries(COLUMNS)
      .map(([name, type]) => `${sqlText(name)}: ${sqlText(type)}`)
      .join(', ');
    await connection.run(
      `COPY (SELECT ${Object.keys(COLUMNS).join(', ')} FROM read_json(${sqlText(items)},
         format = 'newline_delimited', columns = {${columns}}, maximum_object_size = 67108864))
       TO ${sqlText(out)} (FORMAT parquet, KV_METADATA {${sqlText(PARQUET_HEADER_KEY)}: ${sqlText(JSON.stringify(header))}})`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function sqlText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
