import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { runCliInProcess } from '../support/cli-in-process.js';
import { datasetContents } from '../support/fixtures.js';
import { expectSameFiles } from '../support/same-bytes.js';

// Commands run in this process (test/support/cli-in-process.ts, issue 13) but for `init`, one
// refusal (exit code 2) and one usage error, which go through a real `obhut` process.
describe('obhut build plan | run-shard | merge, and build --checkpoint', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'obhut-cli-shards-'));
    expect((await runCli(['init'], { cwd })).code).toBe(0);
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('runs shards with no database and merges them into the build `obhut build --checkpoint` makes', async () => {
    const item = (i: number) =>
      JSON.stringify({
        id: `i${i}`,
        kind: 'text',
        text: `text ${i}`,
        subject: { platform: 'ig', account: String(i % 4), age: 'adult', region: 'DE' },
      });
    await writeFile(
      path.join(cwd, 'items.jsonl'),
      `${Array.from({ length: 40 }, (_, i) => item(i)).join('\n')}\n`,
    );
    const event = (account: string, at: string) =>
      `${JSON.stringify({ platform: 'ig', account, purpose: 'ai_training', action: 'object', at, channel: 'portal' })}\n`;
    await writeFile(path.join(cwd, 'e1.jsonl'), event('1', '2025-05-01T00:00:00Z'));
    expect((await runCliInProcess(['consent', 'import', 'e1.jsonl'], { cwd })).code).toBe(0);
    const checkpoint = JSON.parse(
      (await runCliInProcess(['log', 'checkpoint', '--json'], { cwd })).stdout,
    ) as { size: number };
    // Logged after the checkpoint the plan pins: neither build sees it.
    await writeFile(path.join(cwd, 'e2.jsonl'), event('2', '2025-05-01T00:00:00Z'));
    expect((await runCliInProcess(['consent', 'import', 'e2.jsonl'], { cwd })).code).toBe(0);

    const at = '2026-01-01T00:00:00Z';
    const planned = await runCliInProcess(
      [
        'build',
        'plan',
        '--input',
        'items.jsonl',
        '--at',
        at,
        '--checkpoint',
        String(checkpoint.size),
        '--shards',
        '3',
        '--out',
        'plan.json',
        '--json',
      ],
      { cwd },
    );
    expect(planned.code, planned.stderr).toBe(0);
    expect(JSON.parse(planned.stdout).shards).toHaveLength(3);

    // Another machine: the plan, the inputs and the key; no home, no database.
    const machine = path.join(cwd, 'elsewhere');
    await mkdir(machine);
    const secret = (await readFile(path.join(cwd, '.obhut', 'secret.key'), 'utf8')).trim();
    for (const k of [1, 2, 3]) {
      const ran = await runCliInProcess(
        ['build', 'run-shard', path.join(cwd, 'plan.json'), String(k), '--out', `shard-${k}`],
        { cwd: machine, env: { OBHUT_SECRET: secret, OBHUT_HOME: path.join(machine, 'none') } },
      );
      expect(ran.code, ran.stderr).toBe(0);
    }
    const shards = [1, 2, 3].map((k) => path.join(machine, `shard-${k}`));
    const missing = await runCli(
      ['build', 'merge', 'plan.json', ...shards.slice(1), '--out', 'merged'],
      { cwd },
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/\[SHARD_INVALID\].*shard\(s\) 1 of 3 missing/);

    const merged = await runCliInProcess(
      ['build', 'merge', 'plan.json', ...shards, '--out', 'merged', '--json'],
      { cwd },
    );
    expect(merged.code, merged.stderr).toBe(0);
    const single = await runCliInProcess(
      [
        'build',
        '--input',
        'items.jsonl',
        '--at',
        at,
        '--checkpoint',
        String(checkpoint.size),
        '--out',
        'single',
        '--json',
      ],
      { cwd },
    );
    expect(single.code, single.stderr).toBe(0);
    const a = JSON.parse(merged.stdout);
    const b = JSON.parse(single.stdout);
    expect(a.items_root).toBe(b.items_root);
    expect(a.subjects_root).toBe(b.subjects_root);
    expect(b.counts).toMatchObject({ input: 40, excluded: 10 });
    const filesA = await datasetContents(path.join(cwd, 'merged'));
    const filesB = await datasetContents(path.join(cwd, 'single'));
    const { plan, ...manifestA } = JSON.parse(filesA.get('manifest.json')!.toString('utf8'));
    expect(plan.shards).toBe(3);
    expect(manifestA).toEqual(JSON.parse(filesB.get('manifest.json')!.toString('utf8')));
    filesA.delete('manifest.json');
    filesB.delete('manifest.json');
    expectSameFiles(filesA, filesB);

    const bad = await runCli(
      ['build', '--input', 'items.jsonl', '--checkpoint', 'x', '--out', 'o'],
      { cwd },
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/\[USAGE\].*--checkpoint/);
  });
});
