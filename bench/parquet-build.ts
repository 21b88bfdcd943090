import { existsSync, statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchmarkCorpusOptions } from '../src/demo/corpus.js';
import { writeCorpus } from '../src/demo/write-corpus.js';
import { dataDir, duck, duckAntiJoinQuery, duckRows, requireBuild, runObhut } from './obhut-run.js';

/**
 * `npm run bench -- build --format parquet`: the build benchmark's corpus as Parquet (typed
 * columns, as an export would have them), built by `obhut build` (Parquet in, Parquet out)
 * against DuckDB's anti-join reading the same Parquet and writing Parquet, in the same run.
 * Records/s for both and the ratio; obhut's CPU seconds and peak memory from /usr/bin/time.
 */
export async function benchParquetBuild(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      format: { type: 'string' },
      items: { type: 'string', default: '1000000' },
      objections: { type: 'string', default: '100000' },
      workers: { type: 'string' },
      runs: { type: 'string', default: '1' },
    },
  });
  if (values.format !== 'parquet') throw new Error('build --format: only parquet is benchmarked');
  const items = Number(values.items);
  const objections = Number(values.objections);
  const runs = Number(values.runs);
  requireBuild();
  // The same corpus (and folder) as the JSON lines build benchmark.
  const corpusDir = path.join(dataDir, `corpus-${items}-${objections}`);
  if (!existsSync(path.join(corpusDir, 'done'))) {
    log(`generating ${items} records and ${objections} objections in ${corpusDir}`);
    await rm(corpusDir, { recursive: true, force: true });
    const options = benchmarkCorpusOptions(items, 42, objections);
    await writeCorpus(corpusDir, options);
    await writeFile(path.join(corpusDir, 'done'), JSON.stringify(options));
  }
  const plain = path.join(corpusDir, 'items.jsonl');
  const events = path.join(corpusDir, 'events.jsonl');
  const parquet = path.join(corpusDir, 'items.parquet');
  if (!existsSync(parquet)) {
    log(`converting ${plain} to Parquet`);
    await duck(parquetCorpusQuery(plain, `${parquet}.tmp`));
    // Renamed when complete, so an interrupted conversion is not taken for the corpus.
    await rename(`${parquet}.tmp`, parquet);
  }
  const rows = Number((await duckRows(`SELECT count(*) AS n FROM read_parquet('${parquet}')`))[0]);
  const home = path.join(dataDir, 'parquet-home');
  await rm(home, { recursive: true, force: true });
  const env = { ...process.env, OBHUT_HOME: home, OBHUT_DATABASE_URL: '' };
  runObhut(['init'], env);
  runObhut(['consent', 'import', events], env);

  const out = path.join(dataDir, 'parquet-out-obhut');
  const duckOut = path.join(dataDir, 'parquet-out-duckdb.parquet');
  const results: { obhut: number; cpu: number; peakMB: number; duck: number; admitted: number }[] =
    [];
  for (let i = 0; i < runs; i++) {
    await rm(out, { recursive: true, force: true });
    const built = runObhut(
      [
        'build',
        '--input',
        parquet,
        '--out',
        out,
        '--at',
        '2026-01-01T00:00:00Z',
        '--format',
        'parquet',
        '--json',
        ...(values.workers === undefined ? [] : ['--workers', values.workers]),
      ],
      env,
    );
    const admitted = (JSON.parse(built.stdout) as { counts: { admitted: number } }).counts.admitted;
    await rm(duckOut, { force: true });
    const start = process.hrtime.bigint();
    await duck(duckAntiJoinQuery(parquet, events, duckOut));
    const duckSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    results.push({
      obhut: built.seconds,
      cpu: built.cpu,
      peakMB: built.peakMB,
      duck: duckSeconds,
      admitted,
    });
  }
  const mb = statSync(parquet).size / 1e6;
  const lines = results.map((r, i) => {
    const o = rows / r.obhut;
    const d = rows / r.duck;
    return [
      `run ${i + 1}: obhut build ${r.obhut.toFixed(2)} s = ${fmt(o)} records/s (CPU ${r.cpu.toFixed(2)} s, peak RSS ${r.peakMB} MB, ${r.admitted} admitted)`,
      `       DuckDB anti-join ${r.duck.toFixed(2)} s = ${fmt(d)} records/s`,
      `       ratio obhut/DuckDB throughput: ${(o / d).toFixed(2)}x (above 1 means obhut is faster)`,
    ].join('\n');
  });
  process.stdout.write(
    `build --format parquet benchmark: ${rows} rows, ${mb.toFixed(0)} MB Parquet, ${objections} objections (seed 42), load average ${loadAverage()}\n${lines.join('\n')}\n`,
  );
}

/**
 * The JSON lines corpus as Parquet with typed columns, as an export would have them: `subject` a
 * struct, `signals.tdm_reserved` a boolean (a corpus value of another type becomes null),
 * `created_at` and `source.collected_at` timestamps (read back as RFC 3339 UTC text), counts as
 * integers. (Turning the timestamps into zone-less text, as an earlier version of the
 * formats bench did, made every record invalid.)
 */
export function parquetCorpusQuery(plain: string, out: string): string {
  return `COPY (
    SELECT * REPLACE (
      TRY_CAST(subject AS STRUCT(platform VARCHAR, account VARCHAR, age VARCHAR, region VARCHAR)) AS subject,
      {'tdm_reserved': TRY_CAST(signals.tdm_reserved AS BOOLEAN)} AS signals
    ) FROM read_json('${plain}', format = 'newline_delimited', ignore_errors = true)
  ) TO '${out}' (FORMAT parquet)`;
}

function loadAverage(): string {
  return loadavg()[0]!.toFixed(1);
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}
