import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBuildFolder } from '../../src/gate/verify-build-folder.js';
import { admittedLines, adult, type Workspace, workspace } from '../support/fixtures.js';

const hasZstd = typeof (zlib as { zstdDecompressSync?: unknown }).zstdDecompressSync === 'function';

describe('--compress: compressed items files', () => {
  let ws: Workspace;
  let input: string;
  beforeAll(async () => {
    ws = await workspace();
    input = await ws.write(
      'items.jsonl',
      Array.from({ length: 25 }, (_, i) => ({
        id: `r${i}`,
        kind: 'text',
        text: `record ${i} ${'x'.repeat(i)}`,
        subject: adult(String(i % 7)),
      })),
    );
  });
  afterAll(async () => {
    await ws.close();
  });

  it('gzip: the same lines and items_root as plain output, and build verify holds', async () => {
    const plain = await ws.build([input], { shardRecords: 10 });
    const gz = await ws.build([input], { shardRecords: 10, compress: 'gzip' });
    const files = (await readdir(gz.out)).filter((f) => f.startsWith('items-')).sort();
    expect(files).toEqual(['items-00000.jsonl.gz', 'items-00001.jsonl.gz', 'items-00002.jsonl.gz']);
    const lines: string[] = [];
    for (const f of files) {
      lines.push(
        ...zlib
          .gunzipSync(await readFile(path.join(gz.out, f)))
          .toString('utf8')
          .split('\n')
          .filter(Boolean),
      );
    }
    expect(lines).toEqual(await admittedLines(plain.out));
    expect(gz.manifest.items_root).toBe(plain.manifest.items_root);
    const entry = gz.manifest.outputs.find((o) => o.path === 'items-00000.jsonl.gz')!;
    expect(entry).toMatchObject({
      records: 10,
      bytes: (await readFile(path.join(gz.out, entry.path))).length,
    });
    expect((await verifyBuildFolder(gz.out)).ok).toBe(true);
  });

  it('a changed byte inside a compressed file fails build verify', async () => {
    const gz = await ws.build([input], { compress: 'gzip' });
    const file = path.join(gz.out, 'items-00000.jsonl.gz');
    const text = zlib
      .gunzipSync(await readFile(file))
      .toString('utf8')
      .replace('record 3', 'record 4');
    await import('node:fs/promises').then((fs) => fs.writeFile(file, zlib.gzipSync(text)));
    const r = await verifyBuildFolder(gz.out);
    expect(r.checks.filter((c) => !c.ok).map((c) => c.check)).toEqual([
      'file items-00000.jsonl.gz',
      'items_root',
    ]);
  });

  it.runIf(hasZstd)('zstd: the same items_root, and build verify holds', async () => {
    const plain = await ws.build([input]);
    const zst = await ws.build([input], { compress: 'zstd' });
    expect(await readdir(zst.out)).toContain('items-00000.jsonl.zst');
    expect(zst.manifest.items_root).toBe(plain.manifest.items_root);
    expect((await verifyBuildFolder(zst.out)).ok).toBe(true);
  });

  it.runIf(!hasZstd)('zstd on a Node without it is refused before anything is read', async () => {
    await expect(ws.build([input], { compress: 'zstd' })).rejects.toMatchObject({ code: 'USAGE' });
  });
});
