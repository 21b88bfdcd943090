import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockPath } from '../../src/gate/output-folder.js';
import { stagingPath } from '../../src/io/sibling-files.js';
import { adult, workspace } from '../support/fixtures.js';

const items = [
  { id: 'a', kind: 'text', text: 'x', subject: adult('1') },
  { id: 'b', kind: 'text', text: 'y', subject: adult('2') },
];

describe('builds to one output folder', () => {
  it('lets one of three concurrent builds publish; the others fail at once and log nothing', async () => {
    const ws = await workspace();
    try {
      const input = await ws.write('items.jsonl', items);
      const out = path.join(ws.dir, 'out');
      const before = await ws.log.reader.checkpoint();
      const results = await Promise.allSettled([
        ws.build([input], { out }),
        ws.build([input], { out }),
        ws.build([input], { out }),
      ]);
      const done = results.filter((r) => r.status === 'fulfilled');
      const failed = results.filter((r) => r.status === 'rejected');
      expect(done).toHaveLength(1);
      expect(failed).toHaveLength(2);
      for (const f of failed) expect(f.reason).toMatchObject({ code: 'OUTPUT_LOCKED' });
      // Exactly one build entry in the log and one row in the builds table.
      const after = await ws.log.reader.checkpoint();
      expect(after.size).toBe(before.size + 1);
      expect(await ws.store.listBuilds()).toHaveLength(1);
      // No staging folder and no lock left behind.
      expect(readdirSync(ws.dir).filter((n) => n.startsWith('.out'))).toEqual([]);
      expect(existsSync(lockPath(out))).toBe(false);
    } finally {
      await ws.close();
    }
  });

  it('refuses a lock held by a live process and takes over one whose process is gone', async () => {
    const ws = await workspace();
    try {
      const input = await ws.write('items.jsonl', items);
      const out = path.join(ws.dir, 'out');
      // This test's own process is alive and did not take the lock through a build.
      await writeFile(lockPath(out), `${process.pid}\n`);
      await expect(ws.build([input], { out })).rejects.toMatchObject({ code: 'OUTPUT_LOCKED' });
      expect(await ws.store.listBuilds()).toHaveLength(0);

      const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
      await writeFile(lockPath(out), `${dead}\n`);
      const result = await ws.build([input], { out });
      expect(result.manifest.counts.admitted).toBe(2);
      expect(existsSync(lockPath(out))).toBe(false);
    } finally {
      await ws.close();
    }
  });

  it('checks the output again before logging: a folder that appeared meanwhile fails the build unlogged', async () => {
    const ws = await workspace();
    try {
      const input = await ws.write('items.jsonl', items);
      const out = path.join(ws.dir, 'out');
      const before = await ws.log.reader.checkpoint();
      let created = false;
      await expect(
        ws.build([input], {
          out,
          onProgress: () => {
            // A process that ignores the lock creates the folder mid-build.
            if (!created) {
              created = true;
              spawnSync('mkdir', [out]);
            }
          },
        }),
      ).rejects.toMatchObject({ code: 'OUTPUT_EXISTS' });
      expect((await ws.log.reader.checkpoint()).size).toBe(before.size);
      expect(await ws.store.listBuilds()).toHaveLength(0);
    } finally {
      await ws.close();
    }
  });

  it('finishes a replacement hard-killed between its renames before anything else writes there', async () => {
    const ws = await workspace();
    try {
      const input = await ws.write('items.jsonl', items);
      const out = path.join(ws.dir, 'out');
      const first = await ws.build([input], { out });
      const second = await ws.build([input], { out: path.join(ws.dir, 'second') });
      // The state a process killed after `out → STAGING.old` leaves: the new build complete in
      // its staging folder, the old one aside, nothing at `out`.
      const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
      const host = /tmp-(h[0-9a-f]{8})-/.exec(path.basename(stagingPath(out)))![1];
      const staging = path.join(ws.dir, `.out.tmp-${host}-${dead}-0123456789ab`);
      await rename(out, `${staging}.old`);
      await rename(path.join(ws.dir, 'second'), staging);

      await expect(ws.build([input], { out })).rejects.toMatchObject({ code: 'OUTPUT_EXISTS' });
      const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'));
      // Each build reads at a later checkpoint, so the checkpoint tells the two apart.
      expect(manifest.consent.checkpoint).toEqual(second.manifest.consent.checkpoint);
      expect(manifest.consent.checkpoint).not.toEqual(first.manifest.consent.checkpoint);
      expect(readdirSync(ws.dir).filter((n) => n.startsWith('.out'))).toEqual([]);
    } finally {
      await ws.close();
    }
  });
});
