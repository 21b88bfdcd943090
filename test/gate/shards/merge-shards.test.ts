import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importIdentityLinks } from '../../../src/consent/import-links.js';
import { ObhutError } from '../../../src/errors/index.js';
import { runShard } from '../../../src/gate/shards/run-shard.js';
import { RESULTS_FILE } from '../../../src/gate/shards/shard-results.js';
import { DEFAULT_POLICY } from '../../../src/policy/index.js';
import {
  adult,
  datasetContents,
  folderContents,
  objection,
  readJsonl,
  type Workspace,
  workspace,
} from '../../support/fixtures.js';
import { expectSameFiles } from '../../support/same-bytes.js';
import { merge, planIn, runAllShards } from './shard-support.js';

const AT = '2026-01-01T00:00:00Z';
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

function items(from: number, to: number, account = (i: number) => String(i % 7)) {
  return Array.from({ length: to - from }, (_, k) => {
    const i = from + k;
    return { id: `item-${i}`, kind: 'text', text: `text ${i}`, subject: adult(account(i)) };
  });
}

async function expectRefused(promise: Promise<unknown>, code: string, text: RegExp) {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ObhutError);
  expect((err as ObhutError).code).toBe(code);
  expect((err as Error).message).toMatch(text);
}

describe('sharded builds', () => {
  let ws: Workspace;
  beforeEach(async () => {
    ws = await workspace('sqlite');
  });
  afterEach(async () => {
    await ws.close();
  });

  it('splits JSON lines at line starts across shards and keeps media, linked identities and line numbers', async () => {
    await writeFile(path.join(ws.dir, 'pixel.png'), PIXEL);
    // ig:3 and ig:5 are one person by e-mail; the objection from ig:3 reaches ig:5.
    const links = await importIdentityLinks(
      'p@example.org,ig,3\np@example.org,ig,5\n',
      ws.log,
      ws.secret,
    );
    expect(links.linked).toBe(2);
    await ws.importEvents([objection('3', '2025-05-20T08:00:00Z')]);
    const a = await ws.write('a.jsonl', [
      ...items(0, 30),
      { id: 'item-pic', kind: 'image', media: 'pixel.png', subject: adult('9') },
      'not json',
    ]);
    const b = await ws.write('b.jsonl', [
      ...items(30, 60),
      { id: 'item-4', kind: 'text', text: 'again', subject: adult('1') },
    ]);
    // After the links, which are dated now.
    const at = '2030-01-01T00:00:00Z';
    const { loaded } = await planIn(ws, [a, b], {
      at,
      policy: DEFAULT_POLICY,
      shards: 3,
      shardRecords: 7,
    });
    const ranges = loaded.plan.shards.flatMap((s) => s.units);
    expect(ranges.every((u) => u.start !== undefined)).toBe(true);
    expect(loaded.plan.shards.every((s) => s.units.length > 0)).toBe(true);
    const dirs = await runAllShards(ws, loaded);
    const merged = await merge(ws, loaded, dirs, path.join(ws.dir, 'merged'));
    const single = await ws.build([a, b], {
      at,
      shardRecords: 7,
      checkpointSize: loaded.plan.consent.checkpoint.size,
    });
    const { plan: _plan, ...manifest } = merged.manifest;
    expect(manifest).toEqual(single.manifest);
    const mergedFiles = await datasetContents(merged.out);
    const singleFiles = await datasetContents(single.out);
    mergedFiles.delete('manifest.json');
    singleFiles.delete('manifest.json');
    expectSameFiles(mergedFiles, singleFiles);
    expect([...mergedFiles.keys()].some((f) => f.startsWith('media'))).toBe(true);
    const excluded = await readJsonl(path.join(merged.out, 'excluded.jsonl'));
    // Accounts 3 and 5 objected (5 through its link): items 3, 5, 10, 12, …
    expect(excluded.map((e) => e.id)).toContain('item-5');
    const rejected = await readJsonl(path.join(merged.out, 'rejected.jsonl'));
    expect(rejected).toEqual([
      expect.objectContaining({ input: a, line: 32 }),
      expect.objectContaining({ input: b, line: 31, code: 'RECORD_DUPLICATE_ID' }),
    ]);
  });

  it('gives the same bytes when a shard runs twice', async () => {
    const a = await ws.write('a.jsonl', items(0, 50));
    const { loaded } = await planIn(ws, [a], { at: AT, policy: DEFAULT_POLICY, shards: 2 });
    const [first] = await runAllShards(ws, loaded, 'first');
    const once = await folderContents(first!);
    // The same shard killed earlier on this machine left its staging folder: the rerun removes it.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const abandoned = path.join(ws.dir, `.${path.basename(first!)}.tmp-${dead}-0123456789ab`);
    await mkdir(path.join(abandoned, '.work'), { recursive: true });
    await runShard({ plan: loaded, shard: 1, out: first!, secret: ws.secret, workers: 0 });
    expectSameFiles(await folderContents(first!), once);
    expect(existsSync(abandoned)).toBe(false);
    await runShard({
      plan: loaded,
      shard: 1,
      out: path.join(ws.dir, 'other'),
      secret: ws.secret,
      workers: 1,
    });
    expectSameFiles(await folderContents(path.join(ws.dir, 'other')), once);
  });

  it('refuses missing, duplicated, foreign and incomplete shards and publishes nothing', async () => {
    const a = await ws.write('a.jsonl', items(0, 40));
    const { loaded } = await planIn(ws, [a], { at: AT, policy: DEFAULT_POLICY, shards: 3 });
    const dirs = await runAllShards(ws, loaded);
    const other = await planIn(ws, [a], {
      at: '2026-02-01T00:00:00Z',
      policy: DEFAULT_POLICY,
      shards: 3,
      name: 'other.json',
    });
    const foreign = await runAllShards(ws, other.loaded, 'foreign');
    const out = path.join(ws.dir, 'merged');
    const before = await ws.log.reader.checkpoint();

    await expectRefused(
      merge(ws, loaded, dirs.slice(0, 2), out),
      'SHARD_INVALID',
      /shard\(s\) 3 of 3 missing/,
    );
    await expectRefused(
      merge(ws, loaded, [...dirs, dirs[1]!], out),
      'SHARD_INVALID',
      /shard 2 is given twice/,
    );
    await expectRefused(
      merge(ws, loaded, [dirs[0]!, dirs[1]!, foreign[2]!], out),
      'SHARD_INVALID',
      /another plan/,
    );
    const torn = path.join(ws.dir, 'torn');
    await cp(dirs[2]!, torn, { recursive: true });
    const results = path.join(torn, RESULTS_FILE);
    const bytes = await readFile(results);
    await writeFile(results, bytes.subarray(0, bytes.length - 1));
    await expectRefused(
      merge(ws, loaded, [dirs[0]!, dirs[1]!, torn], out),
      'SHARD_INVALID',
      /not what the shard wrote/,
    );
    const empty = path.join(ws.dir, 'empty');
    await mkdir(empty);
    await expectRefused(
      merge(ws, loaded, [dirs[0]!, dirs[1]!, empty], out),
      'SHARD_INVALID',
      /not a finished shard/,
    );

    expect(existsSync(out)).toBe(false);
    expect((await ws.log.reader.checkpoint()).size).toBe(before.size);
    expect(await ws.store.listBuilds()).toEqual([]);
    // And with every shard, once: published and logged once.
    const merged = await merge(ws, loaded, [dirs[2]!, dirs[0]!, dirs[1]!], out);
    expect((await ws.log.reader.checkpoint()).size).toBe(before.size + 1);
    expect(merged.logIndex).toBe(before.size);
    expect((await ws.store.listBuilds()).map((b) => b.buildId)).toEqual([merged.buildId]);
  });

  it('refuses a shard whose input changed since the plan, or run with another key', async () => {
    const a = await ws.write('a.jsonl', items(0, 20));
    const { loaded } = await planIn(ws, [a], { at: AT, policy: DEFAULT_POLICY, shards: 2 });
    const out = path.join(ws.dir, 'shard-1');
    await expectRefused(
      runShard({ plan: loaded, shard: 1, out, secret: Buffer.alloc(32, 7) }),
      'PLAN_INVALID',
      /pseudonym key differs/,
    );
    await writeFile(a, `${await readFile(a, 'utf8')}{}\n`);
    await expectRefused(
      runShard({ plan: loaded, shard: 1, out, secret: ws.secret }),
      'PLAN_INVALID',
      /changed since the plan/,
    );
    await expectRefused(
      runShard({ plan: loaded, shard: 3, out, secret: ws.secret }),
      'USAGE',
      /from 1 to 2/,
    );
    expect(existsSync(out)).toBe(false);
    await rm(a);
  });
});
