import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateNoteKey,
  openCheckpoint,
  parseTlogProof,
  parseVerifierKey,
} from '../../src/log/index.js';
import { runCli } from '../support/cli.js';
import { runCliInProcess } from '../support/cli-in-process.js';

describe('obhut log, consent record and verify', () => {
  let cwd: string;
  // Most commands run in this process (issue 13); `init` and the refusals' exit codes go through
  // a real child process, as a user would see them.
  const cli = (...args: string[]) => runCliInProcess(args, { cwd });
  const child = (...args: string[]) => runCli(args, { cwd });
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'obhut-log-cli-'));
    expect((await child('init')).code).toBe(0);
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('records an objection with a receipt that verifies offline, then stays proven as the log grows', async () => {
    const key = (await cli('log', 'key')).stdout.trim();
    expect(key).toMatch(/^obhut\.local\/log\+[0-9a-f]{8}\+/);
    const initial = await cli('log', 'checkpoint');
    // The checkpoint prints exactly as signed: it opens with the published key as it is.
    expect(openCheckpoint(initial.stdout, parseVerifierKey(key)).checkpoint.size).toBe(0);

    const recorded = await cli(
      'consent',
      'record',
      '--platform',
      'ig',
      '--account',
      'alice',
      '--purpose',
      'ai_training',
      '--action',
      'object',
      '--receipt',
      'r.json',
      '--tlog-proof',
      'r.tlog-proof',
    );
    expect(recorded.code).toBe(0);
    const receipt = JSON.parse(await readFile(path.join(cwd, 'r.json'), 'utf8'));
    expect(receipt).toMatchObject({
      version: 1,
      index: 0,
      purpose: 'ai_training',
      action: 'object',
    });
    expect(JSON.stringify(receipt)).not.toContain('alice');
    expect(parseTlogProof(await readFile(path.join(cwd, 'r.tlog-proof'), 'utf8')).index).toBe(0);

    for (const account of ['bob', 'carol', 'dave']) {
      await cli(
        'consent',
        'record',
        '--platform',
        'ig',
        '--account',
        account,
        '--purpose',
        'human_review',
        '--action',
        'object',
      );
    }
    const status = JSON.parse(
      (await cli('consent', 'status', '--platform', 'ig', '--account', 'alice', '--json')).stdout,
    );
    expect(status.purposes[0].state).toBe('objected');

    await writeFile(path.join(cwd, 'later.txt'), (await cli('log', 'checkpoint')).stdout);
    const consistency = await cli('log', 'consistency', '1', '--json');
    expect(JSON.parse(consistency.stdout)).toMatchObject({ old_size: 1, size: 4 });
    await writeFile(path.join(cwd, 'c.json'), consistency.stdout);

    for (const file of ['r.json', 'r.tlog-proof']) {
      const verified = await cli(
        'verify',
        file,
        '--key',
        key,
        '--checkpoint',
        'later.txt',
        '--consistency',
        'c.json',
      );
      expect(verified.code, verified.stderr).toBe(0);
      expect(verified.stdout).toContain('Proven:');
      expect(verified.stdout).toContain('still contains it');
    }

    const proof = JSON.parse((await cli('log', 'prove', '2', '--json')).stdout);
    expect(proof).toMatchObject({ index: 2, size: 4 });
    expect(proof.proof).toHaveLength(2);
    expect(JSON.parse((await cli('log', 'entry', '0')).stdout)).toMatchObject({
      type: 'consent_event',
      action: 'object',
    });
    const audit = await cli('log', 'verify', '--json');
    expect(audit.code).toBe(0);
    expect(JSON.parse(audit.stdout)).toEqual({ size: 4, checkpoints: 5, problems: [] });
  });

  it('refuses a tampered receipt, a foreign key and a wrong entry number with the documented codes', async () => {
    const receipt = JSON.parse(await readFile(path.join(cwd, 'r.json'), 'utf8'));
    const entry = JSON.parse(Buffer.from(receipt.entry, 'base64').toString('utf8'));
    entry.action = 'consent';
    const forged = { ...receipt, entry: Buffer.from(JSON.stringify(entry)).toString('base64') };
    await writeFile(path.join(cwd, 'forged.json'), JSON.stringify(forged));
    const key = (await cli('log', 'key')).stdout.trim();
    const tampered = await child('verify', 'forged.json', '--key', key);
    expect(tampered.code).toBe(2);
    expect(tampered.stdout).toContain('FAIL inclusion');
    expect(tampered.stderr).toContain('[VERIFY_FAILED]');

    // Same name, another key: what a forger holding their own key would present.
    const foreign = generateNoteKey('obhut.local/log').verifierKey;
    const wrongKey = await cli('verify', 'r.json', '--key', foreign);
    expect(wrongKey.code).toBe(2);
    expect(wrongKey.stdout).toContain('FAIL signature');

    const badKey = await child('verify', 'r.json', '--key', 'not-a-key');
    expect(badKey.code).toBe(1);
    const missing = await cli('log', 'entry', '99');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('[NOT_FOUND]');
    expect((await cli('log', 'prove', '01')).stderr).toContain('[USAGE]');
    const badAction = await cli(
      'consent',
      'record',
      '--platform',
      'ig',
      '--account',
      'x',
      '--purpose',
      'ai_training',
      '--action',
      'shout',
    );
    expect(badAction.code).toBe(1);
  });
});
