import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateWarcCorpus } from '../src/demo/warc-corpus.js';
import { CaptureSet } from '../src/optout/index.js';
import { convertWarc } from '../src/warc/index.js';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(root, 'bench', '.data');
const obhut = path.join(root, 'bin', 'obhut.js');

/**
 * `obhut build --input crawl.warc.gz` against a build of the same records as JSONL (as the WARC
 * reader writes them): once without opt-outs, once with the crawl's captures as --signals. The
 * difference is what reading WARC (gunzip, warcio, parse5) and evaluating opt-outs cost.
 */
export async function benchWarc(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      mb: { type: 'string', default: '1024' },
      words: { type: 'string', default: '400' },
    },
  });
  const targetBytes = Number(values.mb) * 1e6;
  const words = Number(values.words);
  if (!existsSync(path.join(root, 'dist', 'cli', 'main.js')))
    throw new Error('run `npm run build` first');

  const dir = path.join(dataDir, `warc-${values.mb}mb-${words}w`);
  const warc = path.join(dir, 'crawl.warc.gz');
  const signals = path.join(dir, 'signals.warc.gz');
  if (!existsSync(path.join(dir, 'done'))) {
    log(`generating a crawl of about ${values.mb} MB in ${dir}`);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const out = createWriteStream(warc);
    let bytes = 0;
    for (let chunk = 0; bytes < targetBytes; chunk++) {
      const corpus = await generateWarcCorpus({ chunk, repeat: 200, words, whole: true });
      if (chunk === 0) await writeFile(signals, corpus.signals);
      bytes += corpus.warc.length;
      if (!out.write(corpus.warc))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve) => out.end(resolve));
    await writeFile(path.join(dir, 'done'), '');
  }
  const jsonlDir = path.join(dir, 'as-jsonl');
  if (!existsSync(path.join(jsonlDir, 'records.jsonl'))) {
    await convertWarc(warc, jsonlDir, new CaptureSet(), { maxPayloadBytes: 1 << 29 });
  }
  const jsonl = path.join(jsonlDir, 'records.jsonl');

  const home = path.join(dataDir, 'home-warc');
  await rm(home, { recursive: true, force: true });
  const env = { ...process.env, OBHUT_HOME: home, OBHUT_DATABASE_URL: '' };
  run(['init'], env);
  const runs: [string, string[], string][] = [
    ['WARC (--input crawl.warc.gz)', ['--input', warc], warc],
    ['JSONL + --signals', ['--input', jsonl, '--signals', signals], jsonl],
    ['JSONL, no opt-outs', ['--input', jsonl], jsonl],
  ];
  const rows: (string | number)[][] = [
    ['', 'seconds', 'records/s', 'MB/s', 'admitted', 'excluded'],
  ];
  for (const [label, input, file] of runs) {
    const out = path.join(dataDir, 'out-warc');
    await rm(out, { recursive: true, force: true });
    const start = process.hrtime.bigint();
    const result = run(['build', ...input, '--out', out, '--json'], env);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const { counts } = JSON.parse(result) as {
      counts: { input: number; admitted: number; excluded: number };
    };
    rows.push([
      label,
      seconds.toFixed(2),
      fmt(counts.input / seconds),
      (statSync(file).size / 1e6 / seconds).toFixed(1),
      counts.admitted,
      counts.excluded,
    ]);
  }
  process.stdout.write(
    `${[
      `warc benchmark: ${(statSync(warc).size / 1e6).toFixed(0)} MB WARC (gzip per record), ${(statSync(jsonl).size / 1e6).toFixed(0)} MB as JSONL`,
      ...rows.map((r) =>
        r
          .map((c, i) =>
            String(c)
              .padStart(i === 0 ? 0 : 12)
              .padEnd(i === 0 ? 30 : 0),
          )
          .join(''),
      ),
    ].join('\n')}\n`,
  );
}

function run(args: string[], env: NodeJS.ProcessEnv): string {
  const child = spawnSync(process.execPath, [obhut, ...args], {
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0 && child.status !== 2) {
    throw new Error(`obhut ${args.join(' ')} failed (${child.status}): ${child.stderr}`);
  }
  return child.stdout;
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}
