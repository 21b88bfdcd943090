import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { runCliInProcess } from '../support/cli-in-process.js';

describe('obhut identity and consent --email', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'obhut-identity-cli-'));
    expect((await runCli(['init'], { cwd })).code).toBe(0);
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });
  // Commands that succeed run in this process (issue 13); `init`, the import that exits 2 and the
  // refusals go through a real child process.
  const obhut = async (args: string[]) => {
    const result = await runCliInProcess(args, { cwd });
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

  it('imports links from CSV and JSONL, reporting bad lines by number', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      path.join(cwd, 'links.csv'),
      'email,platform,account,action\nbo@example.org,ig,100\nnot-an-address,ig,101\n',
    );
    const csv = await runCli(['identity', 'import', 'links.csv', '--json'], { cwd });
    expect(csv.code).toBe(2);
    expect(JSON.parse(csv.stdout)).toMatchObject({
      lines: 2,
      linked: 1,
      unlinked: 0,
      rejected: [{ line: 3, error: 'email is not an address' }],
    });
    await writeFile(
      path.join(cwd, 'links.jsonl'),
      `${JSON.stringify({ email: 'bo@example.org', platform: 'ig', account: '100', action: 'unlink' })}\n`,
    );
    expect(await obhut(['identity', 'import', 'links.jsonl', '--json'])).toMatchObject({
      lines: 1,
      unlinked: 1,
    });
    const list = await obhut([
      'identity',
      'list',
      '--platform',
      'ig',
      '--account',
      '100',
      '--json',
    ]);
    expect(list.links.map((l: { action: string }) => l.action)).toEqual(['link', 'unlink']);
    expect(list.identities).toHaveLength(1);
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
