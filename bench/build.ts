import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { benchmarkCorpusOptions } from '../src/demo/corpus.js';
import { writeCorpus } from '../src/demo/write-corpus.js';
import { benchParquetBuild } from './parquet-build.js';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(root, 'bench', '.data');
const obhut = path.join(root, 'bin', 'obhut.js');

/**
 * `obhut build` against the query a data engineer would otherwise write in DuckDB: an
 * anti-join of the records against the objections, writing the survivors as JSONL.
 */
export async function benchBuild(args: string[]): Promise<void> {
  // `build --format parquet`: the same corpus as Parquet, against DuckDB on that Parquet.
  if (args.includes('--format')) return benchParquetBuild(args);
  const { values } = parseArgs({
    args,
    options: {
      items: { type: 'string', default: '1000000' },
      objections: { type: 'string', default: '100000' },
    },
  });
  const items = Number(values.items);
  const objections = Number(values.objections);
  if (!existsSync(path.join(root, 'dist', 'cli', 'main.js')))
    throw new Error('run `npm run build` first');

  const corpusDir = path.join(dataDir, `corpus-${items}-${objections}`);
  const corpusOptions = benchmarkCorpusOptions(items, 42, objections);
  if (!existsSync(path.join(corpusDir, 'done'))) {
    log(
      `generating ${items} records and the consent events for ${objections} objections in ${corpusDir}`,
    );
    await rm(corpusDir, { recursive: true, force: true });
    await writeCorpus(corpusDir, corpusOptions);
    await writeFile(path.join(corpusDir, 'done'), JSON.stringify(corpusOptions));
  }
  const itemsFile = path.join(corpusDir, 'items.jsonl');
  const eventsFile = path.join(corpusDir, 'events.jsonl');
  const inputBytes = statSync(itemsFile).size;
  const inputMB = inputBytes / 1e6;

  const home = path.join(dataDir, 'home');
  await rm(home, { recursive: true, force: true });
  const env = { ...process.env, OBHUT_HOME: home, OBHUT_DATABASE_URL: '' };
  run(['init'], env);
  const imported = timed(() => run(['consent', 'import', eventsFile, '--json'], env));
  log(
    `consent import: ${JSON.parse(imported.value.stdout).inserted} events in ${imported.seconds.toFixed(2)} s`,
  );

  const obhutOut = path.join(dataDir, 'out-obhut');
  await rm(obhutOut, { recursive: true, force: true });
  const built = timed(() =>
    run(
      ['build', '--input', itemsFile, '--out', obhutOut, '--at', '2026-01-01T00:00:00Z', '--json'],
      env,
      true,
    ),
  );
  const summary = JSON.parse(built.value.stdout) as { counts: { admitted: number; input: number } };

  const duckOut = path.join(dataDir, 'out-duckdb');
  await rm(duckOut, { recursive: true, force: true });
  await mkdir(duckOut, { recursive: true });
  const cpuBefore = process.cpuUsage();
  const duck = await timedAsync(() =>
    duckdbAntiJoin(itemsFile, eventsFile, path.join(duckOut, 'items.jsonl')),
  );
  const duckCpu = process.cpuUsage(cpuBefore);

  const obhutRate = items / built.seconds;
  const duckRate = items / duck.seconds;
  const rows = [
    ['', 'seconds', 'records/s', 'MB/s', 'CPU s', 'peak RSS MB', 'written'],
    [
      'obhut build',
      built.seconds.toFixed(2),
      fmt(obhutRate),
      (inputMB / built.seconds).toFixed(1),
      built.value.cpuSeconds?.toFixed(2) ?? '-',
      built.value.peakMB ?? '-',
      summary.counts.admitted,
    ],
    [
      'DuckDB anti-join',
      duck.seconds.toFixed(2),
      fmt(duckRate),
      (inputMB / duck.seconds).toFixed(1),
      ((duckCpu.user + duckCpu.system) / 1e6).toFixed(2),
      '-',
      duck.value,
    ],
  ];
  process.stdout.write(
    `${[
      `build benchmark: ${items} records, ${inputMB.toFixed(0)} MB, ${objections} objections (seed 42)`,
      ...rows.map((r) =>
        r
          .map((c, i) =>
            String(c)
              .padStart(i === 0 ? 0 : 12)
              .padEnd(i === 0 ? 18 : 0),
          )
          .join(''),
      ),
      `ratio obhut/DuckDB throughput: ${(obhutRate / duckRate).toFixed(2)}x (above 1 means obhut is faster)`,
      `obhut also checks every policy rule, writes excluded.jsonl, rejected.jsonl, a manifest with SHA-256 of every file and an RFC 6962 items_root; DuckDB only drops objectors.`,
      `outputs: ${readdirSync(obhutOut).length} files in ${obhutOut}; ${duckOut}`,
    ].join('\n')}\n`,
  );
}

/** The query a data engineer would write: records whose account has an objection are dropped. */
async function duckdbAntiJoin(items: string, events: string, out: string): Promise<number> {
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  const result = await connection.run(`
    COPY (
      SELECT i.* FROM read_json('${items}', format = 'newline_delimited', ignore_errors = true) AS i
      ANTI JOIN (
        SELECT DISTINCT platform, account FROM read_json('${events}', format = 'newline_delimited')
        WHERE purpose = 'ai_training' AND action = 'object'
      ) AS o ON o.platform = (CAST(i.subject AS JSON) ->> 'platform') AND o.account = (CAST(i.subject AS JSON) ->> 'account')
    ) TO '${out}' (FORMAT json)`);
  const written = Number(result.rowsChanged);
  connection.closeSync();
  return written;
}

function run(args: string[], env: NodeJS.ProcessEnv, measureMemory = false) {
  const time = measureMemory && existsSync('/usr/bin/time');
  const command = time ? '/usr/bin/time' : process.execPath;
  const argv = time
    ? ['-f', 'PEAK_RSS_KB=%M CPU_S=%U+%S', process.execPath, obhut, ...args]
    : [obhut, ...args];
  const child = spawnSync(command, argv, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0)
    throw new Error(`obhut ${args.join(' ')} failed (${child.status}): ${child.stderr}`);
  const peak = /PEAK_RSS_KB=(\d+)/.exec(child.stderr ?? '');
  // User plus system CPU of the whole process tree: steadier than wall time on a loaded machine.
  const cpu = /CPU_S=([\d.]+)\+([\d.]+)/.exec(child.stderr ?? '');
  return {
    stdout: child.stdout,
    peakMB: peak ? Math.round(Number(peak[1]) / 1024) : undefined,
    cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : undefined,
  };
}

function timed<T>(fn: () => T): { value: T; seconds: number } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

async function timedAsync<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}
