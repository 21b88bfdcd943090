import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConsentSnapshot } from '../src/consent/index.js';
import { type BuildResult, runBuild } from '../src/gate/run-build.js';
import type { SafetyOptions } from '../src/gate/safety-scan.js';
import { generateNoteKey, parseSignerKey, TransparencyLog } from '../src/log/index.js';
import { DEFAULT_POLICY } from '../src/policy/index.js';
import { pdqHashFile } from '../src/safety/hash-image.js';
import { Matcher } from '../src/safety/matcher.js';
import { hash256ToHex } from '../src/safety/pdq/index.js';
import { openSqliteStore } from '../src/store/index.js';
import { ensureImages, ensurePngs, median, type ProcessRun, runProcess } from './pdq.js';
import { NO_REFERENCE, pdqReference } from './pdq-reference.js';

// `npm run bench -- scan [--images 200] [--bank 1000000] [--matches 10]`
// `npm run bench -- scan --process [--runs 5] [--baseline <other checkout>/bin/obhut.js] [--workers N] [--png] …`
//
// What safety scanning costs a build: the same build of image items (generated 1024×768 JPEGs
// from bench/.data/pdq/) without and with `--bank`, against a PDQ bank of random hashes plus
// the hashes of a few of the images. Baseline: the same build without scanning, in this run.
// The scan decodes 4 images at a time in libvips' threads while the build's thread hashes.
// When OBHUT_PDQ_REFERENCE names the C++ `pdq-photo-hasher`, it hashes the same files as
// a whole process right after each build, so the ratio printed is measured in this run.
//
// With --process, the builds are whole `obhut build --bank` processes (bin/obhut.js, so dist/
// must be built) in a home made by `obhut init`: start-up, the consent register, the bank's
// load and the log entry all count, as they do for a user. `--baseline` adds another checkout's
// bin/obhut.js, alternating with this one and the reference, in a home of its own (made and
// filled by its own CLI: its schema may differ) with the same secret, so every build's
// items_root must be equal; the bench prints them. The warm-up round is each contender's first
// build after the bank's import (the one that writes a kept bank index), printed apart.

export async function benchScan(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      images: { type: 'string', default: '200' },
      bank: { type: 'string', default: '1000000' },
      matches: { type: 'string', default: '10' },
      process: { type: 'boolean', default: false },
      // --process only: the items are the 512×512 PNGs of `bench -- pdq` instead of the JPEGs.
      png: { type: 'boolean', default: false },
      runs: { type: 'string', default: '5' },
      baseline: { type: 'string' },
      // --process only: passed to every build as `--workers N` (evaluation worker threads; a
      // build starts them by itself only for inputs of 32 MB and more).
      workers: { type: 'string' },
    },
  });
  if (values.process) {
    await benchScanProcesses(Number(values.images), Number(values.bank), values);
    return;
  }
  const images = Number(values.images);
  const bankSize = Number(values.bank);
  const matches = Math.min(Number(values.matches), images);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const files = await ensureImages(images);
  const dir = await mkdtemp(path.join(tmpdir(), 'obhut-bench-scan-'));
  const store = await openSqliteStore(path.join(dir, 'obhut.db'));
  try {
    const log = new TransparencyLog(store, parseSignerKey(generateNoteKey('bench/log').signerKey));
    await log.writer.ensureCheckpoint();
    const input = await writeImageItems(dir, files);
    const entries: { hash: string; labels: string[] }[] = Array.from({ length: bankSize }, () => ({
      hash: randomBytes(32).toString('hex'),
      labels: [],
    }));
    for (const file of files.slice(0, matches)) {
      entries.push({ hash: hash256ToHex((await pdqHashFile(file)).hash), labels: ['bench'] });
    }
    await store.importBank(
      { name: 'bench', signalType: 'pdq', source: null, listVersion: null, threshold: 31 },
      entries,
    );
    const t = performance.now();
    const matcher = await Matcher.load(store, 'bench');
    const loadMs = performance.now() - t;
    const safety: SafetyOptions = {
      matchers: [matcher],
      allowed: [],
      quarantine: { home: path.join(dir, 'home'), key: randomBytes(32) },
    };
    const secret = randomBytes(32);
    const build = async (name: string, withSafety: boolean): Promise<[BuildResult, number]> => {
      const checkpoint = await log.reader.checkpoint();
      const at = new Date().toISOString();
      const consent = await loadConsentSnapshot(store, 'ai_training', at, Date.parse(at), {
        logSize: checkpoint.size,
      });
      const start = performance.now();
      const result = await runBuild({
        inputs: [input],
        out: path.join(dir, name),
        policy: DEFAULT_POLICY,
        consent,
        checkpoint,
        log,
        registry: store,
        secret,
        workers: 0,
        ...(withSafety ? { safety } : {}),
      });
      return [result, (performance.now() - start) / 1000];
    };
    const reference = pdqReference();
    const referenceSeconds = (): number | undefined => {
      if (!reference) return undefined;
      const t = performance.now();
      const r = spawnSync(reference, files, { encoding: 'utf8', maxBuffer: 1 << 28 });
      if (r.status !== 0) throw new Error(`${reference} exited ${r.status}`);
      return (performance.now() - t) / 1000;
    };
    await build('warm-up', true);
    referenceSeconds();
    const [plain, plainS] = await build('plain', false);
    const runs: { scanned: number; reference?: number }[] = [];
    let scanned: BuildResult | undefined;
    for (let run = 0; run < 3; run++) {
      const [result, seconds] = await build(`scanned-${run}`, true);
      scanned = result;
      const ref = referenceSeconds();
      runs.push(ref === undefined ? { scanned: seconds } : { scanned: seconds, reference: ref });
    }
    const scannedS = [...runs.map((r) => r.scanned)].sort((a, b) => a - b)[1]!;
    out(
      `scan: ${images} generated 1024×768 JPEG items, PDQ bank of ${entries.length.toLocaleString('en')} hashes (${matches} of them the images'), inline build`,
    );
    out(`  bank load + MIH index: ${(loadMs / 1000).toFixed(2)} s (once per build)`);
    out(
      `  build without --bank (baseline): ${plainS.toFixed(2)} s = ${(images / plainS).toFixed(0)} items/s, admitted ${plain.manifest.counts.admitted}, rejected ${plain.manifest.counts.rejected}`,
    );
    out(
      `  build with --bank, 3 runs:       ${runs.map((r) => r.scanned.toFixed(2)).join(' / ')} s; median ${scannedS.toFixed(2)} s = ${(images / scannedS).toFixed(1)} items/s (${(scannedS / plainS).toFixed(1)}× the baseline's time), ` +
        `excluded ${scanned!.manifest.excluded_by_reason.safety_match}, findings ${scanned!.findings.length}`,
    );
    if (reference) {
      out(
        `  C++ pdq-photo-hasher on the same files, after each build: ${runs.map((r) => `${(images / r.reference!).toFixed(1)}`).join(' / ')} images/s; ` +
          `scanned build ÷ reference, run by run: ${runs.map((r) => (r.reference! / r.scanned).toFixed(2)).join(' / ')}×`,
      );
    } else {
      out(`  ${NO_REFERENCE}`);
    }
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const BIN = path.resolve(import.meta.dirname, '../bin/obhut.js');

/** Whole `obhut build --bank` processes against the reference, alternating (see the top). */
async function benchScanProcesses(
  images: number,
  bankSize: number,
  values: {
    matches?: string;
    runs?: string;
    baseline?: string | undefined;
    workers?: string | undefined;
    png?: boolean | undefined;
  },
): Promise<void> {
  const matches = Math.min(Number(values.matches ?? 10), images);
  const runs = Number(values.runs ?? 5);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const files = values.png ? await ensurePngs(images) : await ensureImages(images);
  const dir = await mkdtemp(path.join(tmpdir(), 'obhut-bench-scan-'));
  try {
    // The bank as a list, imported by each contender's own CLI into a home of its own: another
    // checkout may be at another schema version than this one.
    const list = path.join(dir, 'bank.csv');
    const lines = ['hash,labels'];
    for (let i = 0; i < bankSize; i++) lines.push(`${randomBytes(32).toString('hex')},`);
    for (const file of files.slice(0, matches)) {
      lines.push(`${hash256ToHex((await pdqHashFile(file)).hash)},bench`);
    }
    await writeFile(list, `${lines.join('\n')}\n`);
    const input = await writeImageItems(dir, files);
    const reference = pdqReference();
    const contenders = [
      { name: 'obhut build --bank', bin: BIN },
      ...(values.baseline ? [{ name: `baseline ${values.baseline}`, bin: values.baseline }] : []),
    ].map((c, i) => ({ ...c, home: path.join(dir, `home-${i}`) }));
    const savedHome = process.env.OBHUT_HOME;
    const savedSecret = process.env.OBHUT_SECRET;
    const savedDatabase = process.env.OBHUT_DATABASE_URL;
    // One secret for every home: the subjects' pseudonyms, and so items_root, are then the same.
    process.env.OBHUT_SECRET = randomBytes(32).toString('hex');
    process.env.OBHUT_DATABASE_URL = '';
    const results = contenders.map(() => [] as ProcessRun[]);
    const firsts: ProcessRun[] = [];
    const referenceRuns: ProcessRun[] = [];
    const roots = new Set<string>();
    const excluded = new Set<number>();
    let loadBefore = 0;
    try {
      for (const c of contenders) {
        process.env.OBHUT_HOME = c.home;
        for (const args of [
          ['init'],
          ['bank', 'import', 'bench', list, '--type', 'pdq', '--threshold', '31'],
        ]) {
          const r = spawnSync(process.execPath, [c.bin, ...args], { encoding: 'utf8' });
          if (r.status !== 0) throw new Error(`obhut ${args[0]} exited ${r.status}: ${r.stderr}`);
        }
      }
      loadBefore = loadavg()[0]!;
      let built = 0;
      // Round -1 warms up; it is also each contender's first build after the bank's import.
      for (let run = -1; run < runs; run++) {
        contenders.forEach((c, i) => {
          process.env.OBHUT_HOME = c.home;
          const target = path.join(dir, `out-${built++}`);
          const r = runProcess(process.execPath, [
            c.bin,
            'build',
            '--input',
            input,
            '--out',
            target,
            '--bank',
            'bench',
            '--json',
            ...(values.workers === undefined ? [] : ['--workers', values.workers]),
          ]);
          const summary = JSON.parse(r.lines.join('\n')) as {
            items_root: string;
            excluded_by_reason: { safety_match: number };
          };
          excluded.add(summary.excluded_by_reason.safety_match);
          roots.add(summary.items_root);
          if (run >= 0) results[i]!.push(r);
          else firsts.push(r);
        });
        if (reference) {
          const r = runProcess(reference, files);
          if (run >= 0) referenceRuns.push(r);
        }
      }
    } finally {
      for (const [name, value] of [
        ['OBHUT_HOME', savedHome],
        ['OBHUT_SECRET', savedSecret],
        ['OBHUT_DATABASE_URL', savedDatabase],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    out(
      `scan, whole processes: ${images} generated ${values.png ? '512×512 PNG' : '1024×768 JPEG'} items, PDQ bank of ${(bankSize + matches).toLocaleString('en')} hashes (${matches} of them the images'), ${runs} runs each after a warm-up, alternating (load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after)${values.workers === undefined ? '' : `, builds with --workers ${values.workers}`}`,
    );
    out(`  items excluded as safety_match in every build: ${[...excluded].join(' / ')}`);
    out(
      `  items_root of every build: ${[...roots].join(' / ')}${roots.size === 1 ? ' (all equal)' : ' (DIFFERENT)'}`,
    );
    const fmt = (rs: ProcessRun[]) => {
      const cpu = rs.flatMap((r) => (r.cpu === undefined ? [] : [r.cpu]));
      return (
        `wall ${rs.map((r) => r.wall.toFixed(2)).join(' / ')} s (median ${median(rs.map((r) => r.wall)).toFixed(2)} s = ${(images / median(rs.map((r) => r.wall))).toFixed(1)} images/s)` +
        (cpu.length
          ? `; CPU ${cpu.map((c) => c.toFixed(2)).join(' / ')} s (median ${median(cpu).toFixed(2)})`
          : '')
      );
    };
    contenders.forEach((c, i) => {
      out(`  ${c.name}: ${fmt(results[i]!)}`);
    });
    contenders.forEach((c, i) => {
      out(
        `  ${c.name}, first build after the bank's import (warm-up, not counted above): ${fmt([firsts[i]!])}`,
      );
    });
    if (reference) {
      out(`  C++ pdq-photo-hasher, same files, after each round: ${fmt(referenceRuns)}`);
      contenders.forEach((c, i) => {
        const ratios = results[i]!.map((r, k) => referenceRuns[k]!.wall / r.wall);
        out(
          `  ${c.name} ÷ reference, wall, round by round: ${ratios.map((x) => x.toFixed(2)).join(' / ')}× (median ${median(ratios).toFixed(2)}×)`,
        );
        // On a shared machine the wall ratio moves with the load; the CPU ratio much less.
        const cpuRatios = results[i]!.flatMap((r, k) => {
          const ref = referenceRuns[k]!.cpu;
          return r.cpu === undefined || ref === undefined ? [] : [ref / r.cpu];
        });
        if (cpuRatios.length) {
          out(
            `  reference CPU ÷ ${c.name} CPU, round by round: ${cpuRatios.map((x) => x.toFixed(2)).join(' / ')} (median ${median(cpuRatios).toFixed(2)})`,
          );
        }
      });
    } else {
      out(`  ${NO_REFERENCE}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * One image item record per file, in `dir/items.jsonl`, with the images copied to `dir/img`:
 * media must lie in the input's folder.
 */
async function writeImageItems(dir: string, files: readonly string[]): Promise<string> {
  await mkdir(path.join(dir, 'img'));
  for (const file of files) await copyFile(file, path.join(dir, 'img', path.basename(file)));
  const input = path.join(dir, 'items.jsonl');
  await writeFile(
    input,
    `${files
      .map((file, i) =>
        JSON.stringify({
          id: `img-${i}`,
          kind: 'image',
          media: `img/${path.basename(file)}`,
          subject: { platform: 'bench', account: `a${i}`, age: 'adult', region: 'DE' },
          source: { url: `https://example.org/${i}.jpg`, dataset: 'bench@1' },
        }),
      )
      .join('\n')}\n`,
  );
  return input;
}
