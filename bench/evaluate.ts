import { existsSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConsentIndex } from '../src/consent/index.js';
import { createContext, evaluateBatch } from '../src/evaluation/evaluate-batch.js';
import { MAX_RECORD_BYTES } from '../src/evaluation/evaluate-line.js';
import { LineBatcher } from '../src/evaluation/line-batch.js';
import { readFileLines } from '../src/io/line-reader.js';
import { DEFAULT_POLICY } from '../src/policy/index.js';

const root = path.resolve(import.meta.dirname, '..');

/**
 * The evaluation loop of a build on one thread, without the writer: CPU microseconds a line
 * over several passes (the first pays the pseudonym cache's misses), then the bytes allocated a
 * line, from V8's sampling heap profiler counting also what the garbage collector already freed.
 * Garbage is a fifth of a build's time, so the second figure is the one a change should lower.
 * Reads the corpus `npm run bench -- build` generates.
 */
export async function benchEvaluate(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      items: { type: 'string', default: '300000' },
      objections: { type: 'string', default: '30000' },
      passes: { type: 'string', default: '4' },
    },
  });
  const dir = path.join(root, 'bench', '.data', `corpus-${values.items}-${values.objections}`);
  const file = path.join(dir, 'items.jsonl');
  if (!existsSync(file)) {
    throw new Error(
      `no corpus in ${dir}: run \`npm run bench -- build\` with the same sizes first`,
    );
  }
  const ctx = createContext({
    policy: DEFAULT_POLICY,
    consent: ConsentIndex.create(1024).shared,
    secret: Buffer.alloc(32, 1),
    inputDirs: [dir],
  });
  const pass = (): number => {
    const batcher = new LineBatcher();
    let lines = 0;
    for (const line of readFileLines(file, MAX_RECORD_BYTES)) {
      batcher.add(line);
      if (batcher.full) lines += evaluateBatch(batcher.take(0), ctx).numbers.length;
    }
    if (!batcher.empty) lines += evaluateBatch(batcher.take(0), ctx).numbers.length;
    return lines;
  };
  const perLine: number[] = [];
  let lines = 0;
  for (let p = 0; p < Number(values.passes); p++) {
    const before = process.cpuUsage();
    lines = pass();
    const used = process.cpuUsage(before);
    perLine.push((used.user + used.system) / lines);
  }
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  pass();
  const { profile } = await session.post('HeapProfiler.stopSampling');
  session.disconnect();
  let allocated = 0;
  const walk = (node: { selfSize: number; children: unknown[] }): void => {
    allocated += node.selfSize;
    for (const child of node.children) walk(child as typeof node);
  };
  walk(profile.head);
  process.stdout.write(
    `${[
      `evaluation loop, one thread: ${lines} lines of ${path.relative(root, file)}, default policy`,
      `CPU µs a line, per pass: ${perLine.map((x) => x.toFixed(2)).join(' ')} (best ${Math.min(...perLine).toFixed(2)})`,
      `allocated a line: ${(allocated / lines).toFixed(0)} bytes (sampled, collected objects included)`,
    ].join('\n')}\n`,
  );
}
