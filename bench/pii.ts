import { detectPii } from '../src/pii/index.js';
import { generateCorpus } from './pii-eval/corpus.js';

/** `npm run bench -- pii [seconds]`: MB of UTF-8 text per second through detectPii on one core. */
export async function benchPii(args: string[]): Promise<void> {
  const seconds = Number(args[0] ?? 5);
  const texts = generateCorpus(100, 7).map((x) => x.text);
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  for (const t of texts) detectPii(t); // warm up the JIT
  let done = 0;
  let spans = 0;
  const start = performance.now();
  // CPU time as well: on a shared machine wall-clock time measures the neighbours' load.
  const cpu0 = process.cpuUsage();
  while (performance.now() - start < seconds * 1000) {
    for (const t of texts) spans += detectPii(t).length;
    done += bytes;
  }
  const elapsed = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  process.stdout.write(
    `pii: ${texts.length} texts (${(bytes / texts.length).toFixed(0)} bytes each on average), ${(done / 1e6).toFixed(1)} MB in ${elapsed.toFixed(1)} s on one thread: ${(done / 1e6 / elapsed).toFixed(2)} MB/s, ${(done / 1e6 / cpuSeconds).toFixed(2)} MB per CPU-second (${spans} spans)\n`,
  );
}
