import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { runCliInProcess } from '../support/cli-in-process.js';

const cwd = mkdtempSync(join(tmpdir(), 'obhut-match-'));
const env = { OBHUT_HOME: join(cwd, 'home') };
const file = (name: string) => join(cwd, name);

/** A benign synthetic picture: blobs and stripes whose layout depends on `seed`. */
function picture(seed: number, width = 320, height = 240): Buffer {
  const pixels = Buffer.alloc(width * height * 3);
  const fx = 1 + (seed % 5);
  const fy = 2 + ((seed * 7) % 5);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = x / width;
      const v = y / height;
      const wave = Math.sin(u * fx * Math.PI + seed) * Math.cos(v * fy * Math.PI - seed);
      const blob = Math.exp(-((u - 0.3 - (seed % 3) * 0.2) ** 2 + (v - 0.6) ** 2) * 12);
      const g = Math.max(0, Math.min(255, 128 + 90 * wave + 80 * blob));
      const k = (y * width + x) * 3;
      pixels[k] = g;
      pixels[k + 1] = (g + 40 * u) % 256;
      pixels[k + 2] = 255 - g;
    }
  }
  return pixels;
}

const raw = (seed: number) =>
  sharp(picture(seed), { raw: { width: 320, height: 240, channels: 3 } });

// Most commands run in this process (issue 13); `init` and the match that exits 2 on a bad file
// go through a real child process, as a user would run them.
async function cli(args: string[]) {
  return runCliInProcess(args, { cwd, env });
}
async function child(args: string[]) {
  return runCli(args, { cwd, env });
}

beforeAll(async () => {
  await raw(1).png().toFile(file('a.png'));
  await raw(2).png().toFile(file('b.png'));
  await raw(9).png().toFile(file('unrelated.png'));
  // Mildly altered: smaller, brighter, lossy.
  await raw(1)
    .resize(280, 210)
    .modulate({ brightness: 1.05 })
    .jpeg({ quality: 70 })
    .toFile(file('a-altered.jpg'));
  await raw(1).rotate(90).png().toFile(file('a-rotated.png'));
  writeFileSync(file('bad.jpg'), 'not a jpeg');
  expect((await child(['init'])).code).toBe(0);
});

describe('obhut match', () => {
  it('finds bank images and altered copies by PDQ, not unrelated ones; bad files exit 2', async () => {
    const hashed = await cli(['hash', 'pdq', file('a.png'), file('b.png')]);
    expect(hashed.code).toBe(0);
    const [a, b] = hashed.stdout
      .trim()
      .split('\n')
      .map((l) => l.split(',')[0]!);
    writeFileSync(file('bank.csv'), `hash,labels\n${a},test;seed-1\n${b},test\n`);
    expect((await cli(['bank', 'import', 'demo', '--type', 'pdq', file('bank.csv')])).code).toBe(0);

    const files = ['a.png', 'a-altered.jpg', 'unrelated.png', 'bad.jpg'].map(file);
    const r = await child(['match', 'demo', ...files, '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`[IMAGE_INVALID]: ${file('bad.jpg')}`);
    const rows = JSON.parse(r.stdout);
    expect(rows[0].matches).toEqual([
      { bank: 'demo', hash: a, distance: 0, labels: ['seed-1', 'test'] },
    ]);
    expect(rows[1].matches).toHaveLength(1);
    expect(rows[1].matches[0].hash).toBe(a);
    expect(rows[1].matches[0].distance).toBeGreaterThan(0);
    expect(rows[1].matches[0].distance).toBeLessThanOrEqual(31);
    expect(rows[2].matches).toEqual([]);
    expect(rows[2].query.policy).toBe('reference-512');
    expect(rows[3].error.code).toBe('IMAGE_INVALID');

    const human = await cli(['match', 'demo', file('a.png'), file('unrelated.png')]);
    expect(human.code).toBe(0);
    expect(human.stdout).toBe(`${a},0,seed-1;test,${file('a.png')}\n`);
    expect(human.stderr).toContain('1 of 2 files matched bank demo');
  });

  it('matches rotations with --dihedral', async () => {
    const r = await cli(['match', 'demo', file('a-rotated.png'), '--dihedral', '--json']);
    expect(r.code).toBe(0);
    const [row] = JSON.parse(r.stdout);
    expect(row.matches[0]).toMatchObject({ bank: 'demo', labels: ['seed-1', 'test'] });
    expect(row.matches[0].variant).not.toBe('original');
  });

  it('finds byte-identical files through sha256 and md5 banks', async () => {
    for (const type of ['sha256', 'md5']) {
      const hashed = await cli(['hash', type, file('a.png')]);
      writeFileSync(file(`${type}.txt`), `${hashed.stdout.split(',')[0]}\n`);
      const bank = `exact-${type}`;
      expect((await cli(['bank', 'import', bank, '--type', type, file(`${type}.txt`)])).code).toBe(
        0,
      );
      const r = await cli(['match', bank, file('a.png'), file('a-altered.jpg'), '--json']);
      expect(r.code).toBe(0);
      const rows = JSON.parse(r.stdout);
      expect(rows[0].matches).toHaveLength(1);
      expect(rows[0].matches[0].distance).toBe(0);
      expect(rows[1].matches).toEqual([]);
    }
  });

  it('fails with NOT_FOUND for an unknown bank', async () => {
    const r = await cli(['match', 'nope', file('a.png')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('[NOT_FOUND]');
  });
});
