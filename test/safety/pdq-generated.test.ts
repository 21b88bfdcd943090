import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeForPdq } from '../../src/safety/image-input.js';
import { hash256ToHex, lumaFromPixels, pdqHash } from '../../src/safety/pdq/index.js';
import { PdqPool } from '../../src/safety/pdq-pool.js';

// The fast path (PdqPool: header read once, several images decoding while one hashes, the
// 512×512 resize sampled on the fly inside the fused luma + Jarosz pass) against the plain one
// (decode alone, the resized copy made, luma image, pdqHash) on images generated here in the
// encodings a scan meets: baseline and progressive JPEG, 4:2:0 and 4:4:4 chroma, grey JPEG,
// RGB / RGBA / grey / 16-bit PNG, sizes under, at and over the 512 resize limit.
// When OBHUT_PDQ_REFERENCE names the C++ reference `pdq-photo-hasher` (facebook/ThreatExchange
// pdq/cpp, built with its own Makefile, CImg with libjpeg and libpng), its output for the same
// files must equal ours line for line; without it that test says it is skipped.

const dir = mkdtempSync(join(tmpdir(), 'obhut-pdq-generated-'));

/** Smooth shapes plus noise, different per seed (the pdq bench's kind of picture). */
function picture(seed: number, width: number, height: number, channels: number): Buffer {
  const px = Buffer.alloc(width * height * channels);
  let s = seed * 2654435761 || 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      const noise = (s & 31) - 16;
      const base =
        128 +
        80 *
          Math.sin((x / width) * (3 + (seed % 7)) + seed) *
          Math.cos((y / height) * (2 + (seed % 5)));
      const k = (y * width + x) * channels;
      px[k] = base + noise;
      if (channels >= 3) {
        px[k + 1] = base * 0.8 + (40 * x) / width + noise;
        px[k + 2] = 255 - base + noise;
      }
      if (channels === 4) px[k + 3] = (x + y) & 255;
    }
  }
  return px;
}

interface Generated {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3 | 4;
  readonly write: (image: Sharp, file: string) => Promise<unknown>;
  /**
   * False where the reference built with libpng (not ImageMagick) reads other pixels than its
   * ImageMagick-decoding CLI, which Obhut follows: it stops with "Internal coding error" on an
   * RGBA PNG (4 channels) and keeps the low byte of 16-bit samples instead of scaling them.
   */
  readonly libpngReferenceAgrees?: false;
}

const GENERATED: Generated[] = [
  {
    name: 'baseline-1024x768.jpg',
    width: 1024,
    height: 768,
    channels: 3,
    write: (i, f) => i.jpeg({ quality: 85 }).toFile(f),
  },
  {
    name: 'progressive-800x600.jpg',
    width: 800,
    height: 600,
    channels: 3,
    write: (i, f) => i.jpeg({ quality: 90, progressive: true }).toFile(f),
  },
  {
    name: 'chroma444-640x480.jpg',
    width: 640,
    height: 480,
    channels: 3,
    write: (i, f) => i.jpeg({ quality: 80, chromaSubsampling: '4:4:4' }).toFile(f),
  },
  {
    name: 'odd-517x389.jpg',
    width: 517,
    height: 389,
    channels: 3,
    write: (i, f) => i.jpeg({ quality: 75 }).toFile(f),
  },
  {
    name: 'small-300x200.jpg',
    width: 300,
    height: 200,
    channels: 3,
    write: (i, f) => i.jpeg({ quality: 85 }).toFile(f),
  },
  {
    name: 'grey-700x500.jpg',
    width: 700,
    height: 500,
    channels: 1,
    write: (i, f) => i.jpeg({ quality: 85 }).toFile(f),
  },
  {
    name: 'rgb-512x512.png',
    width: 512,
    height: 512,
    channels: 3,
    write: (i, f) => i.png().toFile(f),
  },
  {
    name: 'rgb-1030x200.png',
    width: 1030,
    height: 200,
    channels: 3,
    write: (i, f) => i.png().toFile(f),
  },
  {
    name: 'rgba-600x600.png',
    width: 600,
    height: 600,
    channels: 4,
    write: (i, f) => i.png().toFile(f),
    libpngReferenceAgrees: false,
  },
  {
    name: 'grey-513x300.png',
    width: 513,
    height: 300,
    channels: 1,
    write: (i, f) => i.png().toFile(f),
  },
  {
    name: 'rgb16-400x300.png',
    width: 400,
    height: 300,
    channels: 3,
    write: (i, f) => i.toColourspace('rgb16').png().toFile(f),
    libpngReferenceAgrees: false,
  },
];

const files: string[] = [];

beforeAll(async () => {
  let seed = 1;
  for (const g of GENERATED) {
    const file = join(dir, g.name);
    const raw = picture(seed++, g.width, g.height, g.channels);
    const image = sharp(raw, { raw: { width: g.width, height: g.height, channels: g.channels } });
    await g.write(image, file);
    files.push(file);
  }
});

/** The plain path: decode on its own, the resized copy, the luma image, then the hash. */
async function plainLine(file: string): Promise<string> {
  const decoded = await decodeForPdq(readFileSync(file));
  const { hash, quality } = pdqHash(lumaFromPixels(decoded.pixels));
  return `${hash256ToHex(hash)},${quality},${file}`;
}

/** The fast path, all files in flight at once, as `obhut hash pdq` prints them. */
async function poolLines(paths: readonly string[]): Promise<string[]> {
  const pool = new PdqPool();
  const results = await Promise.all(paths.map((file) => pool.hashFile(file)));
  return results.map((r, i) => `${hash256ToHex(r.hash)},${r.quality},${paths[i]}`);
}

describe('PDQ on generated JPEGs and PNGs', () => {
  it('the pooled, fused path equals the plain path bit for bit on every file', async () => {
    const plain = [];
    for (const file of files) plain.push(await plainLine(file));
    expect(await poolLines(files)).toEqual(plain);
    // Not all images may hash alike, or a path that ignored its input would pass.
    expect(new Set(plain.map((l) => l.split(',')[0])).size).toBe(files.length);
  });

  const reference = process.env.OBHUT_PDQ_REFERENCE;
  it.skipIf(!reference)(
    'equals the C++ reference pdq-photo-hasher line for line (OBHUT_PDQ_REFERENCE)',
    async () => {
      const agreeing = files.filter((_, i) => GENERATED[i]!.libpngReferenceAgrees !== false);
      const r = spawnSync(reference!, agreeing, { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(await poolLines(agreeing)).toEqual(r.stdout.trim().split('\n'));
    },
  );
});
