import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySubjectsProof } from '../../src/gate/verify-subjects-proof.js';
import { parseSignerKey } from '../../src/log/index.js';
import { runCli } from '../support/cli.js';
import { runCliInProcess } from '../support/cli-in-process.js';

// Commands run in this process (test/support/cli-in-process.ts, issue 13) but for `init`, one
// refusal (exit code 2) and one usage error, which go through a real `obhut` process.
describe('obhut build prove-absent', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'obhut-prove-'));
    expect((await runCli(['init'], { cwd })).code).toBe(0);
    await writeFile(
      path.join(cwd, 'events.jsonl'),
      '{"platform":"ig","account":"7","purpose":"ai_training","action":"object","at":"2025-05-20T08:00:00Z","channel":"portal"}\n',
    );
    expect((await runCliInProcess(['consent', 'import', 'events.jsonl'], { cwd })).code).toBe(0);
    await writeFile(
      path.join(cwd, 'items.jsonl'),
      [
        '{"id":"a","kind":"text","text":"hi","subject":{"platform":"ig","account":"7"}}',
        '{"id":"b","kind":"text","text":"hi","subject":{"platform":"ig","account":"8"}}',
      ].join('\n'),
    );
    const built = await runCliInProcess(
      ['build', '--input', 'items.jsonl', '--out', 'out', '--json'],
      {
        cwd,
      },
    );
    expect(built.code).toBe(0);
    expect(JSON.parse(built.stdout)).toMatchObject({
      counts: { admitted: 1, excluded: 1 },
      subjects_count: 1,
      log_index: 1,
      consent: { checkpoint: { size: 1 } },
    });
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  const verifier = async () =>
    parseSignerKey((await readFile(path.join(cwd, '.obhut', 'log.key'), 'utf8')).trim());

  it('prints a proof of absence for an objector that verifies with the log key', async () => {
    const r = await runCliInProcess(
      ['build', 'prove-absent', '--build', 'out', '--platform', 'ig', '--account', '7'],
      { cwd },
    );
    expect(r.code).toBe(0);
    const proof = JSON.parse(r.stdout);
    expect(proof).toMatchObject({ type: 'subjects_proof', member: false });
    expect(r.stderr).toContain('None of the items in build');
    const check = verifySubjectsProof(proof, await verifier());
    expect(check.ok).toBe(true);
  });

  it('writes the proof to --out and summarises it, as JSON with --json', async () => {
    const r = await runCliInProcess(
      [
        'build',
        'prove-absent',
        '--build',
        'out',
        '--platform',
        'ig',
        '--account',
        '7',
        '--out',
        'proof.json',
        '--json',
      ],
      { cwd },
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ member: false, out: 'proof.json' });
    const proof = JSON.parse(await readFile(path.join(cwd, 'proof.json'), 'utf8'));
    expect(verifySubjectsProof(proof, await verifier()).ok).toBe(true);
    // The person checks it with the published key alone.
    const vkey = (await runCliInProcess(['log', 'key'], { cwd })).stdout.trim();
    const checked = await runCliInProcess(['verify', 'proof.json', '--key', vkey], { cwd });
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toContain('None of the items in build');
    const tampered = { ...proof, build: { ...proof.build, subjects_root: '0'.repeat(64) } };
    await writeFile(path.join(cwd, 'tampered.json'), JSON.stringify(tampered));
    expect((await runCli(['verify', 'tampered.json', '--key', vkey], { cwd })).code).toBe(2);
  });

  it('exits 2 for a person who is in the build, and still gives the membership proof', async () => {
    const r = await runCliInProcess(
      ['build', 'prove-absent', '--build', 'out', '--platform', 'ig', '--account', '8'],
      { cwd },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/IS in build [0-9a-f]{16}/);
    const proof = JSON.parse(r.stdout);
    expect(proof).toMatchObject({ member: true, membership: { index: 0 } });
    expect(verifySubjectsProof(proof, await verifier()).ok).toBe(true);
  });

  it('reports a missing folder, missing options and a plain build without --out as errors', async () => {
    const missing = await runCliInProcess(
      ['build', 'prove-absent', '--build', 'nope', '--platform', 'ig', '--account', '7'],
      { cwd },
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('[NOT_FOUND]');
    const noAccount = await runCliInProcess(
      ['build', 'prove-absent', '--build', 'out', '--platform', 'ig'],
      {
        cwd,
      },
    );
    expect(noAccount.code).toBe(1);
    expect(noAccount.stderr).toContain('--account');
    const noOut = await runCli(['build', '--input', 'items.jsonl'], { cwd });
    expect(noOut.code).toBe(1);
    expect(noOut.stderr).toContain("[USAGE]: required option '--out <dir>' not specified");
  });
});
