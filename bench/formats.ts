import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { benchmarkCorpusOptions } from '../src/demo/corpus.js';
import { writeCorpus } from '../src/demo/write-corpus.js';
import { dataDir, duck, duckAntiJoinQuery, requireBuild, runObhut } from './obhut-run.js';
import { parquetCorpusQuery } from './parquet-build.js';

/**
 * The same corpus built from `.jsonl`, `.jsonl.gz` and (where node:zlib has zstd) `.jsonl.zst`,
 * and written as `.jsonl` and `--compress gzip`: wall and CPU seconds of `obhut build` for each.
 * The aim: compressed input within 1.3 times plain input's time. `obhut build verify` is timed
 * on the plain output too.
 */
export async function benchFormats(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      items: { type: 'string', default: '200000' },
      runs: { type: 'string', default: '2' },
      only: { type: 'string' },
    },
  });
  const items = Number(values.items);
  const runs = Number(values.runs);
  requireBuild();
  const corpusDir = path.join(dataDir, `formats-${items}`);
  const plain = path.join(corpusDir, 'items.jsonl');
  if (!existsSync(path.join(corpusDir, 'done'))) {
    await rm(corpusDir, { recursive: true, force: true });
    await writeCorpus(corpusDir, benchmarkCorpusOptions(items, 42, Math.round(items / 10)));
    await compress(plain, `${plain}.gz`, zlib.createGzip({ level: 6 }));
    const zstd = (zlib as { createZstdCompress?: () => zlib.Gzip }).createZstdCompress;
    if (zstd) await compress(plain, `${plain}.zst`, zstd());
    await writeFile(path.join(corpusDir, 'done'), '');
  }
  const home = path.join(dataDir, 'formats-home');
  await rm(home, { recursive: true, force: true });
  const env = { ...process.env, OBHUT_HOME: home, OBHUT_DATABASE_URL: '' };
  runObhut(['init'], env);
  runObhut(['consent', 'import', path.join(corpusDir, 'events.jsonl')], env);

  const cases: [string, string, string[]][] = [
    ['.jsonl in, .jsonl out', plain, []],
    ['.jsonl.gz in', `${plain}.gz`, []],
    ...(existsSync(`${plain}.zst`)
      ? [['.jsonl.zst in', `${plain}.zst`, []] as [string, string, string[]]]
      : []),
    ['.jsonl in, --compress gzip', plain, ['--compress', 'gzip']],
  ];
  const out = path.join(dataDir, 'formats-out');
  const rows: string[] = [];
  let base = 0;
  let baseCpu = 0;
  // --only inputs: the input formats alone (not --compress, Parquet or verify).
  const chosen =
    values.only === 'parquet'
      ? []
      : values.only === 'inputs'
        ? cases.filter(([, , extra]) => extra.length === 0)
        : cases;
  for (const [label, input, extra] of chosen) {
    const times: number[] = [];
    // The least CPU of the runs: wall time on a shared machine mostly measures waiting.
    let cpu = Number.POSITIVE_INFINITY;
    for (let i = 0; i < runs; i++) {
      await rm(out, { recursive: true, force: true });
      const r = runObhut(
        [
          'build',
          '--input',
          input,
          '--out',
          out,
          '--at',
          '2026-01-01T00:00:00Z',
          '--workers',
          '0',
          ...extra,
        ],
        env,
      );
      times.push(r.seconds);
      cpu = Math.min(cpu, r.cpu);
    }
    const best = Math.min(...times);
    if (base === 0) base = best;
    if (baseCpu === 0) baseCpu = cpu;
    rows.push(
      `${label.padEnd(30)} ${best.toFixed(2).padStart(7)} s  CPU ${cpu.toFixed(2).padStart(6)} s  wall ${(best / base).toFixed(2)}x  CPU ${(cpu / baseCpu).toFixed(2)}x`,
    );
  }
  const header = `formats benchmark: ${items} records, best of ${runs}, --workers 0, Node ${process.versions.node}`;
  if (values.only === 'inputs') {
    process.stdout.write(`${header}\n${rows.join('\n')}\n`);
    return;
  }
  // The same records as Parquet: obhut build --format parquet against DuckDB's anti-join
  // reading that Parquet and writing Parquet.
  const parquet = path.join(corpusDir, 'items.parquet');
  const events = path.join(corpusDir, 'events.jsonl');
  if (!existsSync(parquet)) {
    await duck(parquetCorpusQuery(plain, parquet));
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await rm(out, { recursive: true, force: true });
    times.push(
      runObhut(
        [
          'build',
          '--input',
          parquet,
          '--out',
          out,
          '--at',
          '2026-01-01T00:00:00Z',
          '--workers',
          '0',
          '--format',
          'parquet',
        ],
        env,
      ).seconds,
    );
  }
  const obhutParquet = Math.min(...times);
  rows.push(
    `${'.parquet in, --format parquet'.padEnd(30)} ${obhutParquet.toFixed(2).padStart(7)} s`,
  );
  const duckTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await duck(duckAntiJoinQuery(parquet, events, path.join(dataDir, 'formats-duck.parquet')));
    duckTimes.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  const duckBest = Math.min(...duckTimes);
  rows.push(
    `${'DuckDB anti-join, Parquet'.padEnd(30)} ${duckBest.toFixed(2).padStart(7)} s  (obhut/DuckDB time ${(obhutParquet / duckBest).toFixed(1)}x)`,
  );

  await rm(out, { recursive: true, force: true });
  runObhut(
    ['build', '--input', plain, '--out', out, '--at', '2026-01-01T00:00:00Z', '--workers', '0'],
    env,
  );
  const verified = runObhut(['build', 'verify', out], env);
  rows.push(
    `${'build verify (plain output)'.padEnd(30)} ${verified.seconds.toFixed(2).padStart(7)} s`,
  );
  process.stdout.write(`${header}\n${rows.join('\n')}\n`);
}

async function compress(from: string, to: string, through: NodeJS.ReadWriteStream): Promise<void> {
  await pipeline(createReadStream(from), through, createWriteStream(to));
}
