import { createHash } from 'node:crypto';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  admittedLines,
  adult,
  objection,
  readJsonl,
  type Workspace,
  workspace,
} from '../../support/fixtures.js';
import { zstdCompress } from '../../support/zstd-frames.js';

const item = (id: string, account: string) => ({
  id,
  kind: 'text',
  text: `text of ${id}`,
  subject: adult(account),
});

/** What a build decided, without the input paths (which differ by format by design). */
async function decisions(ws: Workspace, inputs: string[], out: string) {
  const result = await ws.build(inputs, { out: path.join(ws.dir, out) });
  const rejected = await readJsonl<{ line: number; code: string }>(
    path.join(result.out, 'rejected.jsonl'),
  );
  const excluded = await readJsonl<{ id: string; reason: string }>(
    path.join(result.out, 'excluded.jsonl'),
  );
  return {
    items_root: result.manifest.items_root,
    counts: result.manifest.counts,
    admitted: await admittedLines(result.out),
    excluded: excluded.map((e) => [e.id, e.reason]),
    rejected: rejected.map((r) => [r.line, r.code]),
  };
}

const leftovers = async (dir: string) => (await readdir(dir)).filter((f) => f.startsWith('.'));

describe('compressed and folder inputs', () => {
  let ws: Workspace | undefined;
  afterEach(async () => {
    await ws?.close();
    ws = undefined;
  });

  it('the same records as .jsonl, .jsonl.gz, .json.gz and a folder give the same decisions and items_root', async () => {
    ws = await workspace();
    await ws.importEvents([objection('objector')]);
    const w = ws;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ account: fc.constantFrom('a', 'b', 'objector') }),
            fc.constantFrom('', 'not json', '{"id":1}'),
          ),
          { minLength: 1, maxLength: 30 },
        ),
        async (rows) => {
          const n = run++;
          const lines = rows.map((r, i) =>
            typeof r === 'string' ? r : JSON.stringify(item(`r${n}-${i}`, r.account)),
          );
          const text = `${lines.join('\n')}\n`;
          const plain = path.join(w.dir, `p${n}.jsonl`);
          const gz = path.join(w.dir, `p${n}.jsonl.gz`);
          const jsonGz = path.join(w.dir, `p${n}.json.gz`);
          await writeFile(plain, text);
          await writeFile(gz, gzipSync(text));
          await writeFile(jsonGz, gzipSync(text));
          const folder = path.join(w.dir, `f${n}`);
          await mkdir(folder);
          await writeFile(path.join(folder, 'data.jsonl.gz'), gzipSync(text));
          await writeFile(path.join(folder, 'README.md'), 'not an input');
          const expected = await decisions(w, [plain], `o${n}-plain`);
          expect(await decisions(w, [gz], `o${n}-gz`)).toEqual(expected);
          expect(await decisions(w, [jsonGz], `o${n}-json-gz`)).toEqual(expected);
          expect(await decisions(w, [folder], `o${n}-folder`)).toEqual(expected);
        },
      ),
      { numRuns: 5 },
    );
    expect(await leftovers(w.dir)).toEqual([]);
  });

  it('a folder is read as its supported files sorted by path, and the manifest names each file', async () => {
    ws = await workspace();
    const folder = path.join(ws.dir, 'corpus');
    await mkdir(path.join(folder, 'b'), { recursive: true });
    await writeFile(path.join(folder, 'b', 'x.jsonl'), `${JSON.stringify(item('3', 'a'))}\n`);
    await writeFile(
      path.join(folder, 'a.jsonl.gz'),
      gzipSync(`${JSON.stringify(item('1', 'a'))}\n`),
    );
    await writeFile(path.join(folder, 'a2.jsonl'), `${JSON.stringify(item('2', 'a'))}\n`);
    await writeFile(path.join(folder, '.hidden.jsonl'), 'ignored\n');
    await writeFile(path.join(folder, 'meta.json'), '{}');
    const result = await ws.build([folder]);
    expect(result.manifest.inputs.map((i) => path.relative(folder, i.path))).toEqual([
      'a.jsonl.gz',
      'a2.jsonl',
      path.join('b', 'x.jsonl'),
    ]);
    expect((await admittedLines(result.out)).map((l) => JSON.parse(l).id)).toEqual(['1', '2', '3']);
    // The dataset may live in the corpus folder: it is not read back as input.
    const again = await ws.build([folder], { out: path.join(folder, 'dataset') });
    const rebuilt = await ws.build([folder], {
      out: path.join(folder, 'dataset'),
      overwrite: true,
    });
    expect(rebuilt.manifest.inputs).toHaveLength(3);
    expect(rebuilt.manifest.items_root).toBe(again.manifest.items_root);
  });

  it('line numbers in rejected.jsonl are per decompressed file, 1-based; the manifest names the compressed file', async () => {
    ws = await workspace();
    const a = path.join(ws.dir, 'a.jsonl.gz');
    const b = path.join(ws.dir, 'b.jsonl.gz');
    const aBytes = gzipSync(`${JSON.stringify(item('1', 'a'))}\n\nbroken\n`);
    await writeFile(a, aBytes);
    await writeFile(b, gzipSync('broken\n'));
    const result = await ws.build([a, b]);
    const rejected = await readJsonl(path.join(result.out, 'rejected.jsonl'));
    expect(rejected).toMatchObject([
      { input: a, line: 3, code: 'RECORD_NOT_JSON' },
      { input: b, line: 1, code: 'RECORD_NOT_JSON' },
    ]);
    expect(result.manifest.inputs[0]).toMatchObject({
      path: a,
      bytes: aBytes.length,
      sha256: createHash('sha256').update(aBytes).digest('hex'),
    });
  });

  it('truncated gzip is INPUT_CORRUPT and nothing is published', async () => {
    ws = await workspace();
    const file = path.join(ws.dir, 'cut.jsonl.gz');
    const whole = gzipSync(
      `${Array.from({ length: 200 }, (_, i) => JSON.stringify(item(`${i}`, 'a'))).join('\n')}\n`,
    );
    await writeFile(file, whole.subarray(0, whole.length - 20));
    const out = path.join(ws.dir, 'out');
    await expect(ws.build([file], { out })).rejects.toMatchObject({ code: 'INPUT_CORRUPT' });
    expect((await readdir(ws.dir)).filter((f) => f === 'out' || f.startsWith('.'))).toEqual([]);
  });

  it('a name that does not match the first bytes is INPUT_FORMAT_MISMATCH', async () => {
    ws = await workspace();
    const gzNamedPlain = path.join(ws.dir, 'x.jsonl');
    await writeFile(gzNamedPlain, gzipSync('{}\n'));
    await expect(ws.build([gzNamedPlain])).rejects.toMatchObject({ code: 'INPUT_FORMAT_MISMATCH' });
    const plainNamedGz = path.join(ws.dir, 'y.jsonl.gz');
    await writeFile(plainNamedGz, '{}\n');
    await expect(ws.build([plainNamedGz])).rejects.toMatchObject({ code: 'INPUT_FORMAT_MISMATCH' });
    const notParquet = path.join(ws.dir, 'z.parquet');
    await writeFile(notParquet, '{}\n');
    await expect(ws.build([notParquet])).rejects.toMatchObject({ code: 'INPUT_FORMAT_MISMATCH' });
  });

  it('a decompression bomb is refused with INPUT_DECOMPRESSION_LIMIT and nothing is published', async () => {
    ws = await workspace();
    const file = path.join(ws.dir, 'bomb.jsonl.gz');
    // 80 MiB of blanks compress to about 80 KiB: past 64 MiB + 100 × the compressed size.
    await writeFile(file, gzipSync(Buffer.alloc(80 * 1024 * 1024, 0x20), { level: 9 }));
    const out = path.join(ws.dir, 'out');
    await expect(ws.build([file], { out })).rejects.toMatchObject({
      code: 'INPUT_DECOMPRESSION_LIMIT',
    });
    expect((await readdir(ws.dir)).filter((f) => f === 'out' || f.startsWith('.'))).toEqual([]);
  });

  it('.jsonl.zst (one frame, or several concatenated) gives the same outputs as the plain file', async () => {
    ws = await workspace();
    const text = `${JSON.stringify(item('1', 'a'))}\nbroken\n${JSON.stringify(item('2', 'b'))}\n`;
    const plain = await ws.write('p.jsonl', [text.trimEnd()]);
    const zst = path.join(ws.dir, 'p.jsonl.zst');
    await writeFile(zst, zstdCompress(Buffer.from(text)));
    const expected = await decisions(ws, [plain], 'plain');
    expect(await decisions(ws, [zst], 'zst')).toEqual(expected);
    // `zstd -c a b`, or appending to a .zst, makes several frames: one stream of lines.
    const cut = text.indexOf('broken');
    await writeFile(
      zst,
      Buffer.concat([
        zstdCompress(Buffer.from(text.slice(0, cut))),
        zstdCompress(Buffer.from(text.slice(cut))),
      ]),
    );
    expect(await decisions(ws, [zst], 'zst2')).toEqual(expected);
  });

  it('truncated .jsonl.zst is INPUT_CORRUPT and nothing is published', async () => {
    ws = await workspace();
    const file = path.join(ws.dir, 'cut.jsonl.zst');
    const whole = zstdCompress(
      Buffer.from(
        `${Array.from({ length: 200 }, (_, i) => JSON.stringify(item(`${i}`, 'a'))).join('\n')}\n`,
      ),
    );
    for (const cut of [whole.length - 20, 6]) {
      await writeFile(file, whole.subarray(0, cut));
      const out = path.join(ws.dir, 'out');
      await expect(ws.build([file], { out })).rejects.toMatchObject({ code: 'INPUT_CORRUPT' });
      expect((await readdir(ws.dir)).filter((f) => f === 'out' || f.startsWith('.'))).toEqual([]);
    }
  });
});
