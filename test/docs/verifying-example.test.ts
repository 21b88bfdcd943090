import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNoteKey } from '../../src/log/index.js';
import { CLI_ENTRY, runCli } from '../support/cli.js';

const ROOT = path.join(import.meta.dirname, '../..');
const run = promisify(execFile);

/** The shell block under "### Receipts" in docs/verifying.md, exactly as a reader copies it. */
async function receiptExample(): Promise<string> {
  const doc = await readFile(path.join(ROOT, 'docs/verifying.md'), 'utf8');
  const section = doc.slice(doc.indexOf('### Receipts'));
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  if (!block?.[1]) throw new Error('docs/verifying.md has no sh block under ### Receipts');
  return block[1];
}

describe('docs/verifying.md: the receipt and consistency example', () => {
  let cwd: string;
  const cli = (...args: string[]) => runCli(args, { cwd });
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'obhut-verifying-doc-'));
    expect((await cli('init')).code).toBe(0);
    // Two entries before the reader's own: the receipt is not the log's first entry.
    for (const account of ['earlier-1', 'earlier-2']) {
      const earlier = await cli(
        'consent',
        'record',
        '--platform',
        'instagram',
        '--account',
        account,
        '--purpose',
        'ai_training',
        '--action',
        'consent',
      );
      expect(earlier.code, earlier.stderr).toBe(0);
    }
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('runs as written with the receipt at log position 3, and both checks are proven', async () => {
    const script = await receiptExample();
    expect(script).toContain('--receipt r.json');
    const shell = `set -euo pipefail\nobhut() { "${process.execPath}" "${CLI_ENTRY}" "$@"; }\n${script}`;
    const { stdout } = await run('bash', ['-c', shell], {
      cwd,
      env: { ...process.env, OBHUT_HOME: '', OBHUT_SECRET: '', OBHUT_DATABASE_URL: '' },
    });
    const receipt = JSON.parse(await readFile(path.join(cwd, 'r.json'), 'utf8'));
    expect(receipt.index).toBe(2);
    const proof = JSON.parse(await readFile(path.join(cwd, 'c.json'), 'utf8'));
    expect(proof.old_size).toBe(3);
    const proven = stdout.split('\n').filter((line) => line.startsWith('Proven:'));
    expect(proven).toHaveLength(2);
    expect(proven[1]).toContain('still contains it');
    expect(stdout).not.toContain('FAIL');
  });

  it('a proof from another tree size fails saying what was expected, found and what to run', async () => {
    const key = (await cli('log', 'key')).stdout.trim();
    const wrong = await cli('log', 'consistency', '1', '--json');
    await writeFile(path.join(cwd, 'wrong.json'), wrong.stdout);
    const result = await cli(
      'verify',
      'r.json',
      '--key',
      key,
      '--checkpoint',
      'later.txt',
      '--consistency',
      'wrong.json',
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('FAIL consistency');
    expect(result.stdout).toContain('Expected: a proof from tree size 3');
    expect(result.stdout).toContain('Found: a proof from tree size 1');
    expect(result.stdout).toContain('obhut log consistency --receipt');
    expect(result.stdout).not.toContain('equal sizes need an empty proof');
  });

  it('a tampered receipt and a foreign key fail saying what to run', async () => {
    const key = (await cli('log', 'key')).stdout.trim();
    const receipt = JSON.parse(await readFile(path.join(cwd, 'r.json'), 'utf8'));
    await writeFile(
      path.join(cwd, 'moved.json'),
      JSON.stringify({ ...receipt, index: receipt.index - 1 }),
    );
    const moved = await cli('verify', 'moved.json', '--key', key);
    expect(moved.code).toBe(2);
    expect(moved.stdout).toMatch(/FAIL inclusion: .*Expected: .*Found: .*Run: .*obhut log prove 1/);

    // Same name, another key: what a forger holding their own key would present.
    const foreign = generateNoteKey('obhut.local/log').verifierKey;
    const wrongKey = await cli('verify', 'r.json', '--key', foreign);
    expect(wrongKey.code).toBe(2);
    const keyId = foreign.split('+')[1];
    expect(wrongKey.stdout).toContain(`Expected: a signature by obhut.local/log+${keyId}`);
    expect(wrongKey.stdout).toMatch(/Found: signatures by obhut\.local\/log\+[0-9a-f]{8}/);
    expect(wrongKey.stdout).toContain('not the one inside the receipt');
  });
});
