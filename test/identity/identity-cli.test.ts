import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('obhut identity and consent --email', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'obhut-identity-cli-'));
    expect((await runCli(['init'], { cwd })).code).toBe(0);
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });
  const obhut = async (args: string[]) => {
    const result = await runCli(args, { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout);
  };
  const account = ['--platform', 'ig', '--account', '42'];
  const trainingState = (status: { purposes: { purpose: string; state: string }[] }) =>
    status.purposes.find((p) => p.purpose === 'ai_training')!.state;

  it('an e-mail objection covers the account once the operator links them, until unlinked', async () => {
    const recorded = await obhut([
      ...['consent', 'record', '--email', ' Ada@Example.org '],
      ...['--purpose', 'ai_training', '--action', 'object', '--json'],
    ]);
    expect(recorded.action).toBe('object');
    expect(trainingState(await obhut(['consent', 'status', ...account, '--json']))).toBe('none');

    const link = await obhut([
      ...['identity', 'link', '--email', 'ada@example.org', ...account, '--json'],
    ]);
    expect(link.type).toBe('identity_link');
    expect(link.meaning).toContain('were linked');

    const status = await obhut(['consent', 'status', ...account, '--json']);
    expect(trainingState(status)).toBe('objected');
    expect(status.identities).toHaveLength(2);
    const email = await obhut(['consent', 'status', '--email', 'ada@example.org', '--json']);
    expect(status.purposes[0].deciding_event.subject).toBe(email.subject);
    expect([...email.identities].sort()).toEqual([...status.identities].sort());

    const list = await obhut(['identity', 'list', '--email', 'ada@example.org', '--json']);
    expect(list.identities).toEqual(status.identities);
    expect(list.links).toMatchObject([{ action: 'link', via: 'operator' }]);

    await obhut(['identity', 'unlink', '--email', 'ada@example.org', ...account, '--json']);
    expect(trainingState(await obhut(['consent', 'status', ...account, '--json']))).toBe('none');
  });

  it('refuses an identity named both ways or half', async () => {
    for (const args of [
      ['consent', 'status', '--email', 'a@b.org', ...account],
      ['consent', 'status', '--platform', 'ig'],
      ['consent', 'status'],
    ]) {
      const result = await runCli(args, { cwd });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('--email, or with --platform and --account');
    }
  });
});
