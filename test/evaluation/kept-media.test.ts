import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeptMedia } from '../../src/evaluation/kept-media.js';
import { describeMedia } from '../../src/evaluation/media.js';
import { MediaCopier } from '../../src/gate/media-copier.js';

describe('media bytes kept from description to output', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'obhut-kept-media-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps what fits the budget, per description, until cleared', async () => {
    const kept = new KeptMedia(250);
    const files = await Promise.all(
      [100, 100, 100, 40].map(async (size, i) => {
        const file = path.join(dir, `f${i}.bin`);
        await writeFile(file, Buffer.alloc(size, i + 1));
        return file;
      }),
    );
    const entries = files.map((file) => describeMedia(file, kept));
    // 100 + 100 fit; the third would make 300; the fourth (40) still fits.
    expect(entries.map((e) => kept.get(e)?.length)).toEqual([100, 100, undefined, 40]);
    expect(kept.get(entries[0]!)).toEqual(Buffer.alloc(100, 1));
    // Kept by description, not by file: another description of the same file is another entry.
    expect(kept.get(describeMedia(files[0]!))).toBeUndefined();
    kept.clear();
    expect(entries.map((e) => kept.get(e))).toEqual([undefined, undefined, undefined, undefined]);
    expect(kept.get(describeMedia(files[2]!, kept))?.length).toBe(100);
  });

  it('keeps bytes per batch: releasing the oldest batch frees its bytes and budget only', async () => {
    const kept = new KeptMedia(250);
    const file = (i: number, size: number) => {
      const f = path.join(dir, `b${i}.bin`);
      return writeFile(f, Buffer.alloc(size, i)).then(() => f);
    };
    kept.startBatch();
    const first = describeMedia(await file(1, 150), kept);
    kept.startBatch();
    const second = describeMedia(await file(2, 100), kept);
    // 150 + 100 fill the budget: a third batch's file is not kept until the first is released.
    kept.startBatch();
    const third = describeMedia(await file(3, 100), kept);
    expect([first, second, third].map((e) => kept.get(e)?.length)).toEqual([150, 100, undefined]);
    kept.releaseBatch();
    expect([first, second].map((e) => kept.get(e)?.length)).toEqual([undefined, 100]);
    const fourth = describeMedia(await file(4, 100), kept);
    expect(kept.get(fourth)?.length).toBe(100);
    // The second batch goes next, then the third (which holds the fourth's bytes).
    kept.releaseBatch();
    expect([second, fourth].map((e) => kept.get(e)?.length)).toEqual([undefined, 100]);
    kept.releaseBatch();
    expect(kept.get(fourth)).toBeUndefined();
  });

  it('writes the described bytes into the output, even if the file changed since', async () => {
    const kept = new KeptMedia(1 << 20);
    const source = path.join(dir, 'a.png');
    await writeFile(source, 'as described');
    const entry = describeMedia(source, kept);
    await writeFile(source, 'changed after');
    await chmod(source, 0o640);
    const out = path.join(dir, 'out');
    new MediaCopier(out, kept).place(source, entry);
    expect(await readFile(path.join(out, entry.path), 'utf8')).toBe('as described');
    // The source's permissions, as copyFile gives them.
    expect((await stat(path.join(out, entry.path))).mode & 0o777).toBe(0o640);
    // Without kept bytes, the file as it is now.
    const other = path.join(dir, 'b.png');
    await writeFile(other, 'b');
    const plain = describeMedia(other);
    new MediaCopier(out).place(other, plain);
    expect(await readFile(path.join(out, plain.path), 'utf8')).toBe('b');
  });
});
