import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { pdqOfDecoded } from '../src/safety/hash-image.js';
import { decodeForPdq, type HashPolicy, readImageFile } from '../src/safety/image-input.js';
import { NO_REFERENCE, pdqReference } from './pdq-reference.js';

// `npm run bench -- pdq [--images 120] [--runs 3] [--baseline OTHER/bin/obhut.js]`
//
// End to end, as whole processes on the same files: `obhut hash pdq` (dist/, so build first)
// over generated 1024×768 JPEGs (bench/.data/pdq/) and 512×512 PNGs (bench/.data/pdq-png/),
// alternating with the C++ reference `pdq-photo-hasher` when OBHUT_PDQ_REFERENCE names it
// (and with another Obhut checkout's bin/obhut.js given as --baseline), so every ratio printed
// is measured in this run; each pair's outputs (hash, quality, path per line) are compared in
// every run, and CPU time (user + system) is printed beside wall time with the load average.
// Then, in process on one thread: read + decode (sharp) and the hash timed apart, against the
// published figures of the reference implementation (facebook/ThreatExchange), labelled as such
// (not measured here).

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(root, 'bench', '.data', 'pdq');
const pngDir = path.join(root, 'bench', '.data', 'pdq-png');
/** Published C++ figures (pdq-hma.md), not measured in this run. */
const PUBLISHED = { hashPerSecond: 258, inProcessPerSecond: 83 };

/** A photo-like benign picture: smooth shapes plus noise, different per seed. */
function picture(seed: number, width: number, height: number): Buffer {
  const px = Buffer.alloc(width * height * 3);
  let s = seed * 2654435761 || 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      const noise = (s & 31) - 16;
      const u = x / width;
      const v = y / height;
      const base =
        128 + 80 * Math.sin(u * (3 + (seed % 7)) + seed) * Math.cos(v * (2 + (seed % 5)));
      const k = (y * width + x) * 3;
      px[k] = base + noise;
      px[k + 1] = base * 0.8 + 40 * u + noise;
      px[k + 2] = 255 - base + noise;
    }
  }
  return px;
}

export async function ensureImages(count: number): Promise<string[]> {
  await mkdir(dataDir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(dataDir, `img-${String(i).padStart(4, '0')}.jpg`);
    if (!existsSync(file)) {
      await sharp(picture(i + 1, 1024, 768), { raw: { width: 1024, height: 768, channels: 3 } })
        .jpeg({ quality: 85 })
        .toFile(file);
    }
    files.push(file);
  }
  return files;
}

export async function ensurePngs(count: number): Promise<string[]> {
  await mkdir(pngDir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(pngDir, `img-${String(i).padStart(4, '0')}.png`);
    if (!existsSync(file)) {
      await sharp(picture(i + 1001, 512, 512), { raw: { width: 512, height: 512, channels: 3 } })
        .png()
        .toFile(file);
    }
    files.push(file);
  }
  return files;
}

export interface ProcessRun {
  readonly wall: number;
  /** User + system CPU seconds, when /usr/bin/time is there to tell. */
  readonly cpu?: number;
  readonly lines: string[];
}

const TIME = '/usr/bin/time';

/** Runs a command as a whole process: its wall time, CPU time and output lines. */
export function runProcess(command: string, args: string[]): ProcessRun {
  const timed = existsSync(TIME);
  const t = performance.now();
  const r = timed
    ? spawnSync(TIME, ['-f', '%U %S', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${command} exited ${r.status}: ${r.stderr.slice(-500)}`);
  const lines = r.stdout.trim().split('\n');
  if (!timed) return { wall, lines };
  const [user, sys] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wall, cpu: user! + sys!, lines };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Lines of `b` equal to the same line of `a` (hash, quality and path). */
const agreeing = (a: string[], b: string[]): number => a.filter((line, i) => line === b[i]).length;

async function endToEnd(
  set: string,
  files: string[],
  runs: number,
  contenders: { name: string; command: string; args: string[] }[],
  out: (line: string) => void,
): Promise<void> {
  const results = contenders.map(() => [] as ProcessRun[]);
  // The load average says how far the wall times can be trusted: the reference is one thread,
  // obhut two, so on a shared machine their wall ratio moves with the load; CPU time does not.
  const loadBefore = loadavg()[0]!;
  for (let run = -1; run < runs; run++) {
    // Alternating, so a change in the machine's load falls on all of them alike; run -1 warms up.
    contenders.forEach((c, i) => {
      const r = runProcess(c.command, [...c.args, ...files]);
      if (run >= 0) results[i]!.push(r);
    });
  }
  const obhut = results[0]!;
  out(
    `\n${set}, ${files.length} files, whole processes, ${runs} runs each, alternating (load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after, ${cpus().length} cores):`,
  );
  contenders.forEach((c, i) => {
    const rs = results[i]!;
    const rates = rs.map((r) => files.length / r.wall);
    const cpuSeconds = rs.flatMap((r) => (r.cpu === undefined ? [] : [r.cpu]));
    const obhutCpu = obhut.flatMap((r) => (r.cpu === undefined ? [] : [r.cpu]));
    const cpuRatio =
      i === 0 || !cpuSeconds.length || !obhutCpu.length
        ? ''
        : ` (this ÷ obhut ${(median(cpuSeconds) / median(obhutCpu)).toFixed(2)}×)`;
    const ratio =
      i === 0
        ? ''
        : `; obhut ÷ this, pair by pair: ${rs.map((r, k) => (r.wall / obhut[k]!.wall).toFixed(2)).join(' / ')} (median ${median(rs.map((r, k) => r.wall / obhut[k]!.wall)).toFixed(2)}×)`;
    // Every run's output is compared, not only the first: a path that varies run to run shows.
    const same =
      i === 0
        ? ''
        : `; output equal to obhut's on ${Math.min(...rs.map((r, k) => agreeing(obhut[k]!.lines, r.lines)))} of ${files.length} files (fewest over the runs)`;
    out(
      `  ${c.name.padEnd(22)} ${rates.map((x) => x.toFixed(1)).join(' / ')} images/s (median ${median(rates).toFixed(1)})` +
        (cpuSeconds.length ? `, CPU ${median(cpuSeconds).toFixed(2)} s${cpuRatio}` : '') +
        ratio +
        same,
    );
  });
}

async function timePolicy(files: string[], policy: HashPolicy) {
  let decodeMs = 0;
  let hashMs = 0;
  for (const file of files) {
    let t = performance.now();
    const decoded = await decodeForPdq(await readImageFile(file), policy, {}, file);
    decodeMs += performance.now() - t;
    t = performance.now();
    pdqOfDecoded(decoded);
    hashMs += performance.now() - t;
  }
  return { decodeMs: decodeMs / files.length, hashMs: hashMs / files.length };
}

export async function benchPdq(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      images: { type: 'string', default: '120' },
      runs: { type: 'string', default: '3' },
      baseline: { type: 'string' },
    },
  });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const count = Number(values.images);
  const runs = Number(values.runs);
  const jpegs = await ensureImages(count);
  const pngs = await ensurePngs(count);
  const cli = path.join(root, 'bin', 'obhut.js');
  if (!existsSync(path.join(root, 'dist', 'cli'))) {
    throw new Error('bin/obhut.js runs dist/: build it first (npx tsc -p tsconfig.build.json)');
  }
  const contenders = [
    { name: 'obhut hash pdq', command: process.execPath, args: [cli, 'hash', 'pdq'] },
  ];
  if (values.baseline) {
    contenders.push({
      name: 'baseline hash pdq',
      command: process.execPath,
      args: [path.resolve(values.baseline), 'hash', 'pdq'],
    });
  }
  const reference = pdqReference();
  if (reference) {
    contenders.push({ name: 'C++ pdq-photo-hasher', command: reference, args: [] });
    out(`C++ reference: ${reference} (run beside obhut, same files, every round)`);
  } else out(NO_REFERENCE);
  await endToEnd('JPEG 1024×768', jpegs, runs, contenders, out);
  await endToEnd('PNG 512×512', pngs, runs, contenders, out);

  sharp.concurrency(1);
  await timePolicy(jpegs.slice(0, 5), 'reference-512'); // warm up
  out(`\nIn process, one thread (sharp.concurrency(1)), the ${jpegs.length} JPEGs one at a time:`);
  for (const policy of ['reference-512', 'full-resolution'] as const) {
    const r = await timePolicy(jpegs, policy);
    const total = r.decodeMs + r.hashMs;
    const published =
      policy === 'reference-512'
        ? ` (published C++ figures, not measured here: hash ${PUBLISHED.hashPerSecond}/s, in process ${PUBLISHED.inProcessPerSecond}/s)`
        : '';
    out(
      `  ${policy}: read + decode ${r.decodeMs.toFixed(2)} ms, hash ${r.hashMs.toFixed(2)} ms = ${(1000 / r.hashMs).toFixed(0)}/s, ${(1000 / total).toFixed(1)} images/s${published}`,
    );
  }
}
