import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdqHashFile } from '../../src/safety/hash-image.js';
import { hash256ToHex } from '../../src/safety/pdq/index.js';
import { PdqPool } from '../../src/safety/pdq-pool.js';
import { readCsv, vectorPath } from './vectors.js';

const rows = readCsv('generated/cpp-reference-png-vectors.csv');

describe('PdqPool', () => {
  it('hashes many images at once to the reference hashes and qualities, in any order of finishing', async () => {
    const pool = new PdqPool();
    const results = await Promise.all(
      rows.map((row) => pool.hashFile(vectorPath(`generated/png/${row.file}`), { dihedral: true })),
    );
    results.forEach((r, i) => {
      expect(hash256ToHex(r.hash), rows[i]!.file).toBe(rows[i]!.cli_pdq);
      expect(r.quality, rows[i]!.file).toBe(Number(rows[i]!.cli_quality));
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
