import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { createTestSchema, postgresTestUrl } from '../support/postgres.js';

describe('obhut CLI', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'obhut-cli-'));
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('exits 1 and says so when the home folder was never initialised', async () => {
    const r = await runCli(['consent', 'status', '--platform', 'ig', '--account', '1'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[HOME_NOT_INITIALISED]');
  });

  it('runs init, import, status and build end to end with the documented exit codes', async () => {
    expect((await runCli(['init'], { cwd })).code).toBe(0);
    const events = path.join(cwd, 'events.jsonl');
    await writeFile(
      events,
      [
        '{"platform":"ig","account":"7","purpose":"ai_training","action":"object","at":"2025-05-20T08:00:00Z","channel":"portal"}',
        '{"platform":"ig","account":"7","purpose":"ai_training","action":"object","at":"20.5.2025","channel":"portal"}',
      ].join('\n'),
    );
    const imported = await runCli(['consent', 'import', events, '--json'], { cwd });
    expect(imported.code).toBe(2);
    expect(imported.stderr).toContain('events.jsonl:2: "at"');
    expect(JSON.parse(imported.stdout)).toMatchObject({
      lines: 2,
      inserted: 1,
      already_present: 0,
    });
    const again = await runCli(['consent', 'import', events, '--json'], { cwd });
    expect(JSON.parse(again.stdout)).toMatchObject({ inserted: 0, already_present: 1 });

    const status = await runCli(
      ['consent', 'status', '--platform', 'ig', '--account', '7', '--json'],
      { cwd },
    );
    expect(status.code).toBe(0);
    const parsed = JSON.parse(status.stdout);
    expect(parsed.purposes[0]).toMatchObject({ purpose: 'ai_training', state: 'objected' });
    expect(status.stdout).not.toContain('"account"');

    const items = path.join(cwd, 'items.jsonl');
    await writeFile(
      items,
      [
        '{"id":"a","kind":"text","text":"hi","subject":{"platform":"ig","account":"7"}}',
        '{"id":"b","kind":"text","text":"hi","subject":{"platform":"ig","account":"8"}}',
        'garbage',
      ].join('\n'),
    );
    const built = await runCli(['build', '--input', items, '--out', 'out', '--json'], { cwd });
    expect(built.code).toBe(0);
    expect(JSON.parse(built.stdout).counts).toEqual({
      input: 3,
      admitted: 1,
      excluded: 1,
      rejected: 1,
      blank_lines: 0,
    });

    const strict = await runCli(['build', '--input', items, '--out', 'strict', '--strict'], {
      cwd,
    });
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('[RECORDS_REJECTED]');
    expect(strict.stderr).toContain(`${items}:3`);
  });

  it('exits 1 on usage errors and 2 on a bad policy', async () => {
    expect((await runCli(['build', '--input', 'x.jsonl'], { cwd })).code).toBe(1);
    expect((await runCli(['frobnicate'], { cwd })).code).toBe(1);
    const policy = path.join(cwd, 'policy.yaml');
    await writeFile(policy, 'exclude_minor: true\n');
    await writeFile(path.join(cwd, 'one.jsonl'), '{"id":"a","kind":"text","text":"x"}\n');
    const r = await runCli(['build', '--input', 'one.jsonl', '--out', 'p', '--policy', policy], {
      cwd,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\[POLICY_INVALID\].*exclude_minor/);
  });
});

describe.skipIf(!postgresTestUrl)('obhut CLI on PostgreSQL (OBHUT_DATABASE_URL)', () => {
  it('keeps the register in PostgreSQL and only the secret in the home folder', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'obhut-cli-pg-'));
    const schema = (await createTestSchema())!;
    try {
      const env = { OBHUT_DATABASE_URL: schema.url };
      expect((await runCli(['init'], { cwd, env })).code).toBe(0);
      expect(existsSync(path.join(cwd, '.obhut', 'obhut.db'))).toBe(false);
      const events = path.join(cwd, 'events.jsonl');
      await writeFile(
        events,
        '{"platform":"x","account":"42","purpose":"human_review","action":"object","at":"2025-01-01T00:00:00Z","channel":"email"}\n',
      );
      expect((await runCli(['consent', 'import', events], { cwd, env })).code).toBe(0);
      const status = await runCli(
        ['consent', 'status', '--platform', 'x', '--account', '42', '--json'],
        {
          cwd,
          env,
        },
      );
      expect(JSON.parse(status.stdout).purposes[1]).toMatchObject({
        purpose: 'human_review',
        state: 'objected',
      });
    } finally {
      await schema.drop();
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
