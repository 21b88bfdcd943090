import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { runCliInProcess } from '../support/cli-in-process.js';

describe('obhut model and obhut impact', () => {
  let cwd: string;
  // Commands run in this process (test/support/cli-in-process.ts, issue 13) but for `init` and
  // one refusal (exit code 1), which go through a real `obhut` process.
  const run = (...args: string[]) => runCliInProcess(args, { cwd });
  const child = (...args: string[]) => runCli(args, { cwd });

  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'obhut-lineage-cli-'));
    await writeFile(
      path.join(cwd, 'items.jsonl'),
      ['1', '2', '3']
        .map((a) =>
          JSON.stringify({
            id: a,
            kind: 'text',
            text: 'x',
            subject: { platform: 'ig', account: a, age: 'adult', region: 'DE' },
          }),
        )
        .join('\n'),
    );
    await writeFile(path.join(cwd, 'card.md'), '# acme/chat\n');
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('registers a model for known builds only, and lists the people who objected since', async () => {
    expect((await child('init')).code).toBe(0);
    const built = await run('build', '--input', 'items.jsonl', '--out', 'dataset', '--json');
    expect(built.code, built.stderr).toBe(0);
    const buildId = JSON.parse(built.stdout).build_id as string;

    const unknown = await child('model', 'register', 'acme/chat@1', '--build', '0123456789abcdef');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('[BUILD_UNKNOWN]');
    const badName = await run('model', 'register', 'acme chat@1', '--build', buildId);
    expect(badName.stderr).toMatch(/\[USAGE\].*at character 5/);

    const registered = await run(
      ...['model', 'register', 'acme/chat@1', '--build', buildId, '--card', 'card.md', '--json'],
    );
    expect(registered.code, registered.stderr).toBe(0);
    expect(JSON.parse(registered.stdout)).toMatchObject({
      name: 'acme/chat',
      version: '1',
      builds: [{ build_id: buildId }],
      card_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const again = await run('model', 'register', 'acme/chat@1', '--build', buildId);
    expect(again.stderr).toContain('[MODEL_EXISTS]');
    const list = JSON.parse((await run('model', 'list', '--json')).stdout);
    expect(list.models.map((m: { name: string }) => m.name)).toEqual(['acme/chat']);

    const objected = await run(
      ...['consent', 'record', '--platform', 'ig', '--account', '2'],
      ...['--purpose', 'ai_training', '--action', 'object', '--json'],
    );
    expect(objected.code, objected.stderr).toBe(0);
    const subject = JSON.parse(objected.stdout).subject as string;

    const impact = await run('impact', '--model', 'acme/chat@1', '--json');
    expect(impact.code, impact.stderr).toBe(0);
    const report = JSON.parse(impact.stdout);
    expect(report.impacted_count).toBe(1);
    expect(report.builds).toEqual([
      {
        build_id: buildId,
        purpose: 'ai_training',
        subjects_count: 3,
        impacted_count: 1,
        objected_count: 1,
        withdrawn_count: 0,
        subjects: [
          { subject, state: 'objected', at: expect.any(String), log_index: expect.any(Number) },
        ],
      },
    ]);
    const human = await run('impact', '--build', buildId);
    expect(human.stdout).toContain('1 distinct people');
    expect(human.stdout).not.toContain(subject);
    expect((await run('impact', '--build', buildId, '--model', 'acme/chat@1')).code).toBe(1);
  }, 120_000);
});
