import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { pdqOfDecoded } from '../src/safety/hash-image.js';
import { decodeForPdq, type HashPolicy, readImageFile } from '../src/safety/image-input.js';

// `npm run bench -- pdq [--images 60] [--cli]`
//
// PDQ images per second on one thread over generated 1024×768 JPEGs (bench/.data/pdq/):
// read + decode with sharp (libvips limited to one thread) and the hash timed apart, for the
// reference-512 policy (hash on 512×512, comparable with the C++ 3.9 ms per 512×512 image) and
// full resolution. --cli also times `obhut hash pdq` over all files from source (tsx), start-up
// included, like the reference's end-to-end figure. Reference figures from
// published figures named beside them, not measured here.

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(root, 'bench', '.data', 'pdq');
const REFERENCE = { hashPerSecond: 258, cliPerSecond: 27.6, inProcessPerSecond: 83 };

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
    options: { images: { type: 'string', default: '60' }, cli: { type: 'boolean' } },
  });
  sharp.concurrency(1);
  const files = await ensureImages(Number(values.images));
  const out = (line: string) => process.stdout.write(`${line}\n`);
  await timePolicy(files.slice(0, 5), 'reference-512'); // warm up
  out(`pdq: ${files.length} generated 1024×768 JPEGs, one thread (sharp.concurrency(1))`);
  for (const policy of ['reference-512', 'full-resolution'] as const) {
    const r = await timePolicy(files, policy);
    const total = r.decodeMs + r.hashMs;
    out(`\n${policy}:`);
    out(`  read + decode ${r.decodeMs.toFixed(2)} ms/image`);
    out(
      `  hash          ${r.hashMs.toFixed(2)} ms/image = ${(1000 / r.hashMs).toFixed(0)}/s` +
        (policy === 'reference-512'
          ? ` (on 512×512; ÷ C++ ${REFERENCE.hashPerSecond}/s: ${(1000 / r.hashMs / REFERENCE.hashPerSecond).toFixed(2)}×)`
          : ''),
    );
    out(
      `  in process    ${(1000 / total).toFixed(1)} images/s (÷ C++ in-process ${REFERENCE.inProcessPerSecond}/s: ${(1000 / total / REFERENCE.inProcessPerSecond).toFixed(2)}×)`,
    );
  }
  if (values.cli) {
    const tsx = createRequire(import.meta.url).resolve('tsx');
    const entry = path.join(root, 'test', 'support', 'cli-entry.ts');
    const t = performance.now();
    const r = spawnSync(process.execPath, ['--import', tsx, entry, 'hash', 'pdq', ...files], {
      env: { ...process.env, UV_THREADPOOL_SIZE: '1', VIPS_CONCURRENCY: '1' },
      encoding: 'utf8',
    });
    const seconds = (performance.now() - t) / 1000;
    const lines = r.stdout.trim().split('\n').length;
    out(
      `\nCLI end to end (obhut hash pdq, ${lines} files, start-up included): ${(files.length / seconds).toFixed(1)} images/s (÷ C++ CLI ${REFERENCE.cliPerSecond}/s: ${(files.length / seconds / REFERENCE.cliPerSecond).toFixed(2)}×)`,
    );
  }
  out(`\n(${readdirSync(dataDir).length} images in ${path.relative(root, dataDir)})`);
}
