import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdqHashFile } from '../../src/safety/hash-image.js';
import { hash256ToHex } from '../../src/safety/pdq/index.js';
import { PdqPool } from '../../src/safety/pdq-pool.js';
import { readCsv, vectorPath } from './vectors.js';

const rows = readCsv('generated/cpp-reference-png-vectors.csv');
// Every reference vector, PNG and JPEG: the pool's path (header read once, images in flight)
// must give the reference CLI's hash and quality exactly.
const vectors = [
  ...rows.map((row) => ({ row, path: vectorPath(`generated/png/${row.file}`) })),
  ...readCsv('generated/cpp-reference-upstream-images.csv').map((row) => ({
    row,
    path: vectorPath(`upstream/${row.file}`),
  })),
];

describe('PdqPool', () => {
  it('hashes all reference vectors at once to the hashes and qualities of the reference CLI', async () => {
    const pool = new PdqPool();
    const results = await Promise.all(vectors.map(({ path }) => pool.hashFile(path)));
    results.forEach((r, i) => {
      const { row } = vectors[i]!;
      expect(hash256ToHex(r.hash), row.file).toBe(row.cli_pdq);
      expect(r.quality, row.file).toBe(Number(row.cli_quality));
    });
  });

  it('gives what hashing one file alone gives, for bytes and files, with both policies', async () => {
    const pool = new PdqPool();
    const path = vectorPath(`generated/png/${rows[0]!.file}`);
    for (const policy of ['reference-512', 'full-resolution'] as const) {
      const alone = await pdqHashFile(path, { policy, dihedral: true });
      expect(await pool.hashFile(path, { policy, dihedral: true })).toEqual(alone);
      expect(await pool.hashBytes(readFileSync(path), { policy, dihedral: true }, path)).toEqual(
        alone,
      );
    }
  });

  it('refuses bytes over the limit before reading their header', async () => {
    const pool = new PdqPool();
    await expect(pool.hashBytes(Buffer.alloc(200), { maxBytes: 100 })).rejects.toMatchObject({
      code: 'IMAGE_TOO_LARGE',
    });
    await expect(pool.hashBytes(Buffer.from('not an image'))).rejects.toMatchObject({
      code: 'IMAGE_INVALID',
    });
  });
});
