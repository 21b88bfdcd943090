import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `obhut build` as users run it: bin/obhut.js, which runs the build in the heap-limited worker
// thread of src/cli/heap-limited.ts (the thread's stdout and stderr reach the process's own
// through the main thread). Needs dist/ built (`npx tsc -p tsconfig.build.json`).
const bin = fileURLToPath(new URL('../../bin/obhut.js', import.meta.url));
const env = { ...process.env, OBHUT_HOME: '', OBHUT_SECRET: '', OBHUT_DATABASE_URL: '' };

function run(
  args: readonly string[],
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('obhut build through bin/obhut.js', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'obhut-entry-'));
    expect((await run(['init'], cwd)).code).toBe(0);
    const lines = [0, 1, 2].map((i) =>
      JSON.stringify({
        id: `r${i}`,
        kind: 'text',
        text: `hello ${i}`,
        subject: { platform: 'ig', account: String(i) },
      }),
    );
    await writeFile(path.join(cwd, 'items.jsonl'), `${lines.join('\n')}\n`);
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('builds a small input with --json: exit 0 and one complete JSON summary on stdout', async () => {
    const { code, stdout, stderr } = await run(
      ['build', '--input', 'items.jsonl', '--out', 'out', '--json'],
      cwd,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // The whole of stdout is one JSON document (nothing cut off when the thread ended).
    expect(stdout.endsWith('\n')).toBe(true);
    const summary = JSON.parse(stdout) as {
      counts: Record<string, number>;
      subjects_count: number;
      build_id: string;
      consent: { checkpoint: { note: string } };
    };
    expect(summary.counts).toEqual({
      input: 3,
      admitted: 3,
      excluded: 0,
      rejected: 0,
      blank_lines: 0,
    });
    expect(summary.subjects_count).toBe(3);
    expect(summary.build_id).toMatch(/^[0-9a-f]{16}$/);
    // The last field of the summary, so a cut-off stdout would not have it.
    expect(summary.consent.checkpoint.note).toContain('obhut.local/log');
    expect(existsSync(path.join(cwd, 'out', 'manifest.json'))).toBe(true);
  });

  it('a usage error exits 1 (docs/errors.md) with the USAGE code on stderr and nothing on stdout', async () => {
    const { code, stdout, stderr } = await run(['build', '--out', 'out2', '--json'], cwd);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('[USAGE]');
    expect(stderr).toContain('--input');
    expect(existsSync(path.join(cwd, 'out2'))).toBe(false);
  });
});
