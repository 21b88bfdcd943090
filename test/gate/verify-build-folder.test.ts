import { createHash } from 'node:crypto';
import { cp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBuildFolder } from '../../src/gate/verify-build-folder.js';
import { adult, objection, type Workspace, workspace } from '../support/fixtures.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** What someone who altered a file would also do: make the manifest's digests match again. */
async function forgeDigests(out: string): Promise<void> {
  const file = path.join(out, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8'));
  for (const entry of manifest.outputs) {
    const bytes = await readFile(path.join(out, entry.path));
    entry.bytes = bytes.length;
    entry.sha256 = sha256(bytes);
    if (entry.path.startsWith('items-')) {
      entry.records = bytes.toString('utf8').split('\n').filter(Boolean).length;
    }
  }
  await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
}

const failed = (r: { checks: readonly { check: string; ok: boolean }[] }) =>
  r.checks.filter((c) => !c.ok).map((c) => c.check);

describe('verifyBuildFolder (obhut build verify)', () => {
  let ws: Workspace;
  let built: string;
  let other: string;
  let n = 0;
  beforeAll(async () => {
    ws = await workspace();
    await ws.importEvents([objection('2')]);
    await ws.write('a.png', ['not really a png']);
    const input = await ws.write('items.jsonl', [
      { id: 'a', kind: 'text', text: 'Hallo', subject: adult('1') },
      { id: 'b', kind: 'text', text: 'x', subject: adult('2') },
      { id: 'c', kind: 'image', text: 'cat', media: 'a.png', subject: adult('3') },
      '{"id": "broken", ',
      { id: 'd', kind: 'text', text: 'four', subject: adult('1') },
      { id: 'e', kind: 'text', text: 'five', visibility: 'private' },
      { id: 'f', kind: 'text', text: 'six', subject: adult('4') },
    ]);
    built = (await ws.build([input], { shardRecords: 2 })).out;
    const second = await ws.write('second.jsonl', [
      { id: 'z', kind: 'text', text: 'other', subject: adult('9') },
      { id: 'y', kind: 'text', text: 'other', subject: adult('8') },
    ]);
    other = (await ws.build([second])).out;
  });
  afterAll(async () => {
    await ws.close();
  });

  /** A copy of the good build to damage. */
  async function copy(): Promise<string> {
    const dir = path.join(ws.dir, `copy-${n++}`);
    await cp(built, dir, { recursive: true });
    return dir;
  }

  it('holds for an untouched build, and says what holds', async () => {
    const r = await verifyBuildFolder(built);
    expect(failed(r)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.statement).toContain('4 published admitted records');
    expect(r.statement).toContain('3 subjects');
    expect(r.statement).toContain('7 records: 4 admitted, 2 excluded, 1 rejected');
    expect(r.checks.map((c) => c.check)).toEqual(
      expect.arrayContaining([
        'items_root',
        'subjects_root',
        'subjects',
        'counts',
        'media',
        'policy',
        'receipt',
      ]),
    );
  });

  it('a changed row fails, even when the manifest digests are forged to match', async () => {
    const dir = await copy();
    const shard = path.join(dir, 'items-00000.jsonl');
    await writeFile(shard, (await readFile(shard, 'utf8')).replace('Hallo', 'Hallx'));
    expect(failed(await verifyBuildFolder(dir))).toEqual(['file items-00000.jsonl', 'items_root']);
    await forgeDigests(dir);
    const r = await verifyBuildFolder(dir);
    expect(r.ok).toBe(false);
    expect(failed(r)).toContain('items_root');
  });

  it('a dropped row fails on items_root and the counts', async () => {
    const dir = await copy();
    const shard = path.join(dir, 'items-00001.jsonl');
    const lines = (await readFile(shard, 'utf8')).split('\n');
    await writeFile(shard, `${lines[0]}\n`);
    await forgeDigests(dir);
    expect(failed(await verifyBuildFolder(dir))).toEqual(
      expect.arrayContaining(['items_root', 'counts']),
    );
  });

  it('swapped files fail: two shards of the build, or a shard of another build', async () => {
    const dir = await copy();
    await rename(path.join(dir, 'items-00000.jsonl'), path.join(dir, 'swap'));
    await rename(path.join(dir, 'items-00001.jsonl'), path.join(dir, 'items-00000.jsonl'));
    await rename(path.join(dir, 'swap'), path.join(dir, 'items-00001.jsonl'));
    expect(failed(await verifyBuildFolder(dir))).toEqual(
      expect.arrayContaining(['file items-00000.jsonl', 'file items-00001.jsonl']),
    );
    await forgeDigests(dir);
    expect(failed(await verifyBuildFolder(dir))).toContain('items_root');

    const foreign = await copy();
    await cp(path.join(other, 'items-00000.jsonl'), path.join(foreign, 'items-00000.jsonl'));
    await forgeDigests(foreign);
    expect(failed(await verifyBuildFolder(foreign))).toEqual(
      expect.arrayContaining(['items_root', 'subjects']),
    );
  });

  it('a file not in the manifest, a changed subject list or media file fails', async () => {
    const extra = await copy();
    await writeFile(path.join(extra, 'items-00002.jsonl'), '{"id":"smuggled"}\n');
    expect(failed(await verifyBuildFolder(extra))).toEqual(['files']);

    const subjects = await copy();
    const list = await readFile(path.join(subjects, 'subjects.bin'));
    await writeFile(path.join(subjects, 'subjects.bin'), list.subarray(32));
    await forgeDigests(subjects);
    expect(failed(await verifyBuildFolder(subjects))).toEqual(
      expect.arrayContaining(['subjects_root', 'subjects']),
    );

    const media = await copy();
    const [name] = await readdir(path.join(media, 'media'));
    await writeFile(path.join(media, 'media', name!), 'something else');
    expect(failed(await verifyBuildFolder(media))).toEqual(['media']);

    const gone = await copy();
    await rm(path.join(gone, 'excluded.jsonl'));
    expect(failed(await verifyBuildFolder(gone))).toContain('file excluded.jsonl');
  });

  it('any one changed byte in any published file fails', async () => {
    const dir = await copy();
    const names = [
      'items-00000.jsonl',
      'items-00001.jsonl',
      'excluded.jsonl',
      'rejected.jsonl',
      'subjects.bin',
      'manifest.json',
    ];
    const originals = new Map<string, Buffer>();
    for (const name of names) originals.set(name, await readFile(path.join(dir, name)));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (name, at, xor) => {
          const original = originals.get(name)!;
          const changed = Buffer.from(original);
          changed[at % changed.length]! ^= xor;
          await writeFile(path.join(dir, name), changed);
          try {
            const r = await verifyBuildFolder(dir).catch(() => ({ ok: false }));
            expect(r.ok).toBe(false);
          } finally {
            await writeFile(path.join(dir, name), original);
          }
        },
      ),
      { numRuns: 40 },
    );
    expect((await verifyBuildFolder(dir)).ok).toBe(true);
  });
});
