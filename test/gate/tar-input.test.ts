import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { adult, readJsonl, type Workspace, workspace } from '../support/fixtures.js';
import { withDeclaredSize, writeTar } from '../support/tar.js';

const record = (id: string, kind = 'image') => ({
  id,
  kind,
  subject: adult(`acct-${id}`),
  ...(kind === 'text' ? { text: `text of ${id}` } : {}),
});

const json = (id: string, kind?: string) => JSON.stringify(record(id, kind));

/** What the build left beside its output: nothing but the workspace's own files. */
async function leftovers(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.startsWith('.'));
}

describe('broken .tar inputs', () => {
  let ws: Workspace | undefined;
  afterEach(async () => {
    await ws?.close();
    ws = undefined;
  });

  it('a truncated tar is a coded error naming the member, and leaves no staging folder', async () => {
    ws = await workspace();
    const file = path.join(ws.dir, 'cut.tar');
    const whole = await writeTar(file, [
      ['s/0001.json', json('one', 'text')],
      ['s/0002.json', json('two', 'text')],
      ['s/0002.bin', Buffer.alloc(4000, 1)],
    ]);
    // Cut inside the media member's data, then inside the header that announces it.
    for (const [cut, where] of [
      [512 * 5 + 100, 'member "s/0002.bin" (data at byte 2560) declares 4000 bytes'],
      [512 * 4 + 100, 'after member "s/0002.json"'],
    ] as const) {
      await writeFile(file, whole.subarray(0, cut));
      const err = await ws.build([file]).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'TAR_INVALID' });
      expect(String((err as Error).message)).toContain(where);
      expect(await leftovers(ws.dir)).toEqual([]);
    }
  });

  it('a tar cut where a member ends, without the blocks that close it, is a coded error', async () => {
    ws = await workspace();
    const file = path.join(ws.dir, 'cut.tar');
    // s/0001.json's name comes back in the third member: read whole, sample one is rejected;
    // cut after the second member, it would be admitted with nothing to say the tar was short.
    const whole = await writeTar(file, [
      ['s/0001.json', json('one', 'text')],
      ['s/0002.json', json('two', 'text')],
      ['s/0001.json', json('again', 'text')],
    ]);
    // Each member is a header block and one data block; then the closing zero blocks.
    for (const cut of [512 * 2, 512 * 4]) {
      await writeFile(file, whole.subarray(0, cut));
      const err = await ws.build([file]).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'TAR_INVALID' });
      expect(String((err as Error).message)).toContain('without the blocks that close a tar');
      expect(await leftovers(ws.dir)).toEqual([]);
    }
    // One closing block is enough (as GNU tar takes it): nothing can be missing after it.
    await writeFile(file, whole.subarray(0, 512 * 7));
    const { manifest } = await ws.build([file]);
    expect(manifest.counts).toMatchObject({ input: 3, admitted: 1, rejected: 2 });
  });

  it('a member declaring a huge size is a coded error, not a stack trace', async () => {
    ws = await workspace();
    const file = path.join(ws.dir, 'huge.tar');
    const whole = await writeTar(file, [['s/0001.json', json('one', 'text')]]);
    for (const size of [2 ** 33 - 1, 600 * 1024 * 1024]) {
      await writeFile(file, withDeclaredSize(whole, size));
      const err = await ws.build([file]).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'TAR_INVALID' });
      expect(String((err as Error).message)).toContain('s/0001.json');
    }
    expect(await leftovers(ws.dir)).toEqual([]);
  });

  it('removes the staging folder a killed build left behind when the next build starts', async () => {
    ws = await workspace();
    // A process that has ended: its pid names no live build.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const out = path.join(ws.dir, 'out');
    const stale = path.join(ws.dir, `.out.tmp-${dead}-0123456789ab`);
    await mkdir(path.join(stale, '.webdataset-0'), { recursive: true });
    await writeFile(path.join(stale, '.webdataset-0', 'records.jsonl'), '{}\n');
    const input = await ws.write('in.jsonl', [record('a', 'text')]);
    await ws.build([input], { out });
    expect(await leftovers(ws.dir)).toEqual([]);
  });
});

describe('obhut build --input x.tar', () => {
  it('reports a broken tar as a coded error, without a stack trace, and leaves no staging', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'obhut-tar-'));
    try {
      expect((await runCli(['init'], { cwd })).code).toBe(0);
      const file = path.join(cwd, 'huge.tar');
      const whole = await writeTar(file, [['s/0001.json', json('one', 'text')]]);
      await writeFile(file, withDeclaredSize(whole, 2 ** 33 - 1));
      const built = await runCli(['build', '--input', 'huge.tar', '--out', 'out'], { cwd });
      expect(built.code).toBe(2);
      expect(built.stderr).toMatch(/^obhut: error \[TAR_INVALID\]: .*s\/0001\.json/m);
      expect(built.stderr).not.toMatch(/^\s+at /m);
      expect((await readdir(cwd)).filter((f) => f.includes('.tmp-'))).toEqual([]);
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});

describe('tar members are never dropped in silence', () => {
  let ws: Workspace | undefined;
  afterEach(async () => {
    await ws?.close();
    ws = undefined;
  });

  it('rejects every sample holding a member name that appears twice', async () => {
    ws = await workspace();
    const file = path.join(ws.dir, 'dup.tar');
    await writeTar(file, [
      ['dup.json', json('first', 'text')],
      ['dup.json', json('second', 'text')],
      ['s/0001.json', json('one', 'text')],
      ['s/0002.json', json('two', 'text')],
      ['s/0001.json', json('again', 'text')],
    ]);
    const { manifest, out } = await ws.build([file]);
    expect(manifest.counts).toMatchObject({ input: 4, admitted: 1, excluded: 0, rejected: 3 });
    const rejected = await readJsonl(path.join(out, 'rejected.jsonl'));
    expect(rejected.map((r) => [r.line, r.code])).toEqual([
      [1, 'SAMPLE_INVALID'],
      [2, 'SAMPLE_INVALID'],
      [4, 'SAMPLE_INVALID'],
    ]);
    for (const r of rejected) expect(String(r.error)).toContain('more than once');
    const admitted = await readJsonl(path.join(out, 'items-00000.jsonl'));
    expect(admitted.map((r) => r.id)).toEqual(['two']);
  });

  it.each([
    ['symlink', { type: 'symlink', linkname: 'elsewhere.png' }],
    ['link', { type: 'link', linkname: 's/0000.png' }],
    ['fifo', { type: 'fifo' }],
    ['character-device', { type: 'character-device', devmajor: 1, devminor: 3 }],
    ['directory', { type: 'directory' }],
  ] as const)('rejects a sample whose media member is a %s', async (type, header) => {
    ws = await workspace();
    const file = path.join(ws.dir, `${type}.tar`);
    await writeTar(file, [
      ['s/0000.json', json('zero', 'text')],
      ['s/0000.png', Buffer.from('not really a png')],
      ['s/0001.json', json('one')],
      { name: 's/0001.png', ...header },
      ['s/0002.json', json('two', 'text')],
    ]);
    const { manifest, out } = await ws.build([file]);
    expect(manifest.counts).toMatchObject({ input: 3, rejected: 1 });
    expect(manifest.counts.admitted + manifest.counts.excluded).toBe(2);
    const rejected = await readJsonl(path.join(out, 'rejected.jsonl'));
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ line: 2, code: 'SAMPLE_INVALID' });
    expect(String(rejected[0]!.error)).toContain('s/0001.png');
  });

  it('rejects a sample with two .json sidecars under different names', async () => {
    ws = await workspace();
    const file = path.join(ws.dir, 'two.tar');
    await writeTar(file, [
      ['s/0001.json', json('one', 'text')],
      ['s/0001.JSON', json('other', 'text')],
    ]);
    const { manifest, out } = await ws.build([file]);
    expect(manifest.counts).toMatchObject({ input: 1, rejected: 1 });
    const [rejected] = await readJsonl(path.join(out, 'rejected.jsonl'));
    expect(String(rejected!.error)).toContain('more than one .json sidecar');
  });

  it('ignores plain folder entries', async () => {
    ws = await workspace();
    const file = path.join(ws.dir, 'folders.tar');
    await writeTar(file, [{ name: 's', type: 'directory' }, ['s/0001.json', json('one', 'text')]]);
    const { manifest } = await ws.build([file]);
    expect(manifest.counts).toMatchObject({ input: 1, admitted: 1 });
  });
});
