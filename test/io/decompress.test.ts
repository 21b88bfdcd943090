import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decompressToFile } from '../../src/io/decompress.js';

describe('decompressToFile', () => {
  let dir = '';
  let n = 0;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'obhut-decompress-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives back exactly the bytes that were compressed, for any content (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 5000 }), async (bytes) => {
        const input = path.join(dir, `in-${n}.gz`);
        const target = path.join(dir, `out-${n++}`);
        const compressed = gzipSync(bytes);
        await writeFile(input, compressed);
        const result = await decompressToFile(input, target, 'gzip', 10_000);
        expect(result.bytes).toBe(compressed.length);
        expect(result.outBytes).toBe(bytes.length);
        expect(new Uint8Array(await readFile(target))).toEqual(bytes);
      }),
      { numRuns: 30 },
    );
  });

  it('stops at the bound with INPUT_DECOMPRESSION_LIMIT', async () => {
    const input = path.join(dir, 'bomb.gz');
    await writeFile(input, gzipSync(Buffer.alloc(1_000_000)));
    await expect(
      decompressToFile(input, path.join(dir, 'bomb.out'), 'gzip', 999_999),
    ).rejects.toMatchObject({ code: 'INPUT_DECOMPRESSION_LIMIT' });
  });

  it('concatenated gzip members decompress as one stream; garbage is INPUT_CORRUPT', async () => {
    const input = path.join(dir, 'two.gz');
    await writeFile(input, Buffer.concat([gzipSync('a\n'), gzipSync('b\n')]));
    await decompressToFile(input, path.join(dir, 'two.out'), 'gzip');
    expect(await readFile(path.join(dir, 'two.out'), 'utf8')).toBe('a\nb\n');
    const bad = path.join(dir, 'bad.gz');
    await writeFile(bad, Buffer.from([0x1f, 0x8b, 1, 2, 3, 4]));
    await expect(decompressToFile(bad, path.join(dir, 'bad.out'), 'gzip')).rejects.toMatchObject({
      code: 'INPUT_CORRUPT',
    });
  });
});
