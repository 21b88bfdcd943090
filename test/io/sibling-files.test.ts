import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  lockPath,
  lockWithin,
  parseLockText,
  releaseLock,
  removeAbandonedStaging,
  stagingPath,
  tryLock,
} from '../../src/io/sibling-files.js';

/** The id of a process that has just ended (ids are reused only after a wrap-around). */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('files beside a target', () => {
  let dir: string;
  let target: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'obhut-sibling-'));
    target = path.join(dir, 'out');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['h0123abcd:4242\n', { host: '0123abcd', pid: 4242 }],
    ['4242\n', { pid: 4242 }],
    ['', undefined],
    ['h0123abcd:', undefined],
    ['h0123abcd:0\n', undefined],
    ['hhost:12', undefined],
    ['12 13', undefined],
  ])('reads the holder of a lock file %j', (text, holder) => {
    expect(parseLockText(text)).toEqual(holder);
  });

  it('names staging paths with this host, this process and a random part', () => {
    const a = path.basename(stagingPath(target));
    expect(a).toMatch(new RegExp(`^\\.out\\.tmp-h[0-9a-f]{8}-${process.pid}-[0-9a-f]{12}$`));
    expect(stagingPath(target)).not.toBe(stagingPath(target));
  });

  it("removes only this machine's staging paths whose process is gone", async () => {
    const dead = deadPid();
    const mine = path.basename(stagingPath(target));
    const host = /tmp-(h[0-9a-f]{8})-/.exec(mine)![1];
    const other = host === 'h00000000' ? 'h11111111' : 'h00000000';
    const names = {
      deadHere: `.out.tmp-${host}-${dead}-0123456789ab`,
      deadHereOld: `.out.tmp-${host}-${dead}-0123456789ab.old`,
      deadUntagged: `.out.tmp-${dead}-0123456789ab`,
      deadElsewhere: `.out.tmp-${other}-${dead}-0123456789ab`,
      aliveHere: `.out.tmp-${host}-${process.pid}-0123456789ab`,
      otherTarget: `.outer.tmp-${host}-${dead}-0123456789ab`,
      notOurs: `.out.tmp-something-else`,
    };
    await mkdir(target);
    for (const name of Object.values(names)) await mkdir(path.join(dir, name));
    removeAbandonedStaging(target);
    expect((await readdir(dir)).sort()).toEqual(
      ['out', names.deadElsewhere, names.aliveHere, names.otherTarget, names.notOurs].sort(),
    );
  });

  it('finishes a replacement stopped between its two renames', async () => {
    const dead = deadPid();
    const host = /tmp-(h[0-9a-f]{8})-/.exec(path.basename(stagingPath(target)))![1];
    const staging = path.join(dir, `.out.tmp-${host}-${dead}-0123456789ab`);
    await mkdir(staging);
    await writeFile(path.join(staging, 'build'), 'new');
    await mkdir(`${staging}.old`);
    await writeFile(path.join(`${staging}.old`, 'build'), 'old');
    removeAbandonedStaging(target);
    expect(await readdir(dir)).toEqual(['out']);
    expect(await readFile(path.join(target, 'build'), 'utf8')).toBe('new');
  });

  it('puts the old target back when only it is left of a replacement', async () => {
    const dead = deadPid();
    const host = /tmp-(h[0-9a-f]{8})-/.exec(path.basename(stagingPath(target)))![1];
    const old = path.join(dir, `.out.tmp-${host}-${dead}-0123456789ab.old`);
    await mkdir(old);
    await writeFile(path.join(old, 'build'), 'old');
    await mkdir(path.join(dir, `.out.tmp-${host}-${dead}-ba9876543210`));
    removeAbandonedStaging(target);
    expect(await readdir(dir)).toEqual(['out']);
    expect(await readFile(path.join(target, 'build'), 'utf8')).toBe('old');
  });

  it('locks exclusively, takes over a dead holder and refuses a live one', async () => {
    const first = tryLock(target);
    expect(first.locked).toBe(true);
    expect(tryLock(target)).toEqual({ locked: false, holder: process.pid });
    if (first.locked) releaseLock(first.lock);
    expect(existsSync(lockPath(target))).toBe(false);

    await writeFile(lockPath(target), `${deadPid()}\n`);
    const taken = tryLock(target);
    expect(taken.locked).toBe(true);
    if (taken.locked) releaseLock(taken.lock);

    // A lock without an id is being written (open, then write): live for a few seconds, then
    // abandoned.
    await writeFile(lockPath(target), '');
    expect(tryLock(target)).toEqual({ locked: false, holder: undefined });
    const old = new Date(Date.now() - 60_000);
    await utimes(lockPath(target), old, old);
    const empty = tryLock(target);
    expect(empty.locked).toBe(true);
    if (empty.locked) releaseLock(empty.lock);

    // Another machine's holder is never judged by a process id of this one.
    await writeFile(lockPath(target), `h00000000:${deadPid()}\n`);
    const otherHost = tryLock(target);
    const mine = /tmp-(h[0-9a-f]{8})-/.exec(path.basename(stagingPath(target)))![1];
    if (mine === 'h00000000') expect(otherHost.locked).toBe(true);
    else expect(otherHost.locked).toBe(false);
    if (otherHost.locked) releaseLock(otherHost.lock);
    await rm(lockPath(target), { force: true });
  });

  it('waits for a lock held for a moment and gives up on one held for ever', async () => {
    const held = tryLock(target);
    if (!held.locked) throw new Error('expected the lock');
    setTimeout(() => releaseLock(held.lock), 100);
    const waited = await lockWithin(target, 60_000);
    expect(waited.locked).toBe(true);
    const refused = await lockWithin(target, 50);
    expect(refused).toEqual({ locked: false, holder: process.pid });
    if (waited.locked) releaseLock(waited.lock);
  });
});
