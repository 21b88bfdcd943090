import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchmarkCorpusOptions } from '../src/demo/corpus.js';
import { writeCorpus } from '../src/demo/write-corpus.js';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(root, 'bench', '.data');
const obhut = path.join(root, 'bin', 'obhut.js');
const AT = '2026-01-01T00:00:00Z';

/**
 * One build against the same build as 4 shards (plan, run-shard × 4 by 1 and by 2 concurrent
 * workers, merge): records/s, the merge's share and each process's peak RSS. The merged build
 * must have the single build's items_root, or the figures mean nothing.
 */
export async function benchDistributed(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      items: { type: 'string', default: '100000' },
      objections: { type: 'string', default: '10000' },
      shards: { type: 'string', default: '4' },
    },
  });
  const items = Number(values.items);
  const objections = Number(values.objections);
  const shards = Number(values.shards);
  if (!existsSync(path.join(root, 'dist', 'cli', 'main.js')))
    throw new Error('run `npm run build` first');
  const corpusDir = path.join(dataDir, `corpus-${items}-${objections}`);
  const corpusOptions = benchmarkCorpusOptions(items, 42, objections);
  if (!existsSync(path.join(corpusDir, 'done'))) {
    log(`generating ${items} records and ${objections} objections in ${corpusDir}`);
    await rm(corpusDir, { recursive: true, force: true });
    await writeCorpus(corpusDir, corpusOptions);
    await writeFile(path.join(corpusDir, 'done'), JSON.stringify(corpusOptions));
  }
  const itemsFile = path.join(corpusDir, 'items.jsonl');
  const work = path.join(dataDir, 'distributed');
  await rm(work, { recursive: true, force: true });
  const env = { ...process.env, OBHUT_HOME: path.join(work, 'home'), OBHUT_DATABASE_URL: '' };
  await run(['init'], env);
  await run(['consent', 'import', path.join(corpusDir, 'events.jsonl')], env);

  const single = await run(
    ['build', '--input', itemsFile, '--at', AT, '--out', path.join(work, 'single'), '--json'],
    env,
  );
  const plan = path.join(work, 'plan.json');
  const planned = await run(
    ['build', 'plan', '--input', itemsFile, '--at', AT, '--shards', String(shards), '--out', plan],
    env,
  );
  const shardDir = (set: string, k: number) => path.join(work, set, `shard-${k}`);
  const runShards = async (set: string, concurrency: number) => {
    const start = process.hrtime.bigint();
    const results: Run[] = [];
    let next = 1;
    const lane = async () => {
      for (let k = next++; k <= shards; k = next++) {
        results.push(
          await run(['build', 'run-shard', plan, String(k), '--out', shardDir(set, k)], env),
        );
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    return { seconds: Number(process.hrtime.bigint() - start) / 1e9, results };
  };
  const oneWorker = await runShards('one', 1);
  const twoWorkers = await runShards('two', 2);
  const dirs = Array.from({ length: shards }, (_, i) => shardDir('one', i + 1));
  const merged = await run(
    ['build', 'merge', plan, ...dirs, '--out', path.join(work, 'merged'), '--json'],
    env,
  );
  const a = JSON.parse(single.stdout) as { items_root: string };
  const b = JSON.parse(merged.stdout) as { items_root: string };
  if (a.items_root !== b.items_root)
    throw new Error('the merged build differs from the single build');

  const planBytes = statSync(plan).size;
  const rate = (seconds: number) => fmt(items / seconds);
  const peak = (runs: Run[]) => Math.max(...runs.map((r) => r.peakMB ?? 0));
  const rows = [
    ['', 'seconds', 'records/s', 'merge share', 'peak RSS MB (per process)'],
    ['obhut build', single.seconds.toFixed(1), rate(single.seconds), '', String(single.peakMB)],
    ['plan', planned.seconds.toFixed(1), '', '', String(planned.peakMB)],
    ...[
      ['1 worker', oneWorker],
      ['2 workers', twoWorkers],
    ].map(([label, r]) => {
      const shardsRun = r as { seconds: number; results: Run[] };
      const total = planned.seconds + shardsRun.seconds + merged.seconds;
      return [
        `${shards} shards, ${label as string} + merge`,
        total.toFixed(1),
        rate(total),
        `${((merged.seconds / total) * 100).toFixed(0)} %`,
        `shard ${peak(shardsRun.results)}, merge ${merged.peakMB}`,
      ];
    }),
  ];
  log(
    `\n${items} records (${(statSync(itemsFile).size / 1e6).toFixed(0)} MB), plan ${fmt(planBytes)} bytes; merged items_root equals the single build's`,
  );
  for (const row of rows)
    log(row.map((c, i) => (i === 0 ? c.padEnd(30) : `  ${c}`.padStart(16))).join(''));
  const perShard = oneWorker.seconds / shards;
  log(
    `\n10 machines, 10 shards: about plan ${planned.seconds.toFixed(1)} s + one shard (${((perShard * shards) / 10).toFixed(1)} s at these figures) + merge ${merged.seconds.toFixed(1)} s`,
  );
}

interface Run {
  readonly stdout: string;
  readonly seconds: number;
  readonly peakMB: number | undefined;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const time = existsSync('/usr/bin/time');
  const command = time ? '/usr/bin/time' : process.execPath;
  const argv = time ? ['-f', 'PEAK_RSS_KB=%M', process.execPath, obhut, ...args] : [obhut, ...args];
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0)
        return reject(new Error(`obhut ${args.join(' ')} failed (${code}): ${stderr}`));
      const peak = /PEAK_RSS_KB=(\d+)/.exec(stderr);
      resolve({
        stdout,
        seconds: Number(process.hrtime.bigint() - start) / 1e9,
        peakMB: peak ? Math.round(Number(peak[1]) / 1024) : undefined,
      });
    });
  });
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}
