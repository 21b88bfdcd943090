import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLockText } from '../../src/io/sibling-files.js';

// These run bin/obhut.js itself (it imports dist/), since the heap-limited thread it starts
// for builds (src/cli/heap-limited.ts), and how signals reach it, are what is under test.
const bin = fileURLToPath(new URL('../../bin/obhut.js', import.meta.url));
const env = { ...process.env, OBHUT_HOME: '', OBHUT_SECRET: '', OBHUT_DATABASE_URL: '' };

function obhut(args: readonly string[], cwd: string): ChildProcess {
  return spawn(process.execPath, [bin, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

const exits = new WeakMap<ChildProcess, Promise<number | null>>();

/** The child's exit code; the same promise however often asked, so polls can race it. */
function exited(child: ChildProcess): Promise<number | null> {
  let done = exits.get(child);
  if (!done) {
    done = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    exits.set(child, done);
  }
  return done;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Polls `found` until it gives a value, failing at once if `child` exits first: a build that
 * finished before it was seen must fail the test with a reason, not spin to the test's timeout.
 */
async function until<T>(child: ChildProcess, what: string, found: () => T | undefined): Promise<T> {
  let code: number | null | undefined;
  void exited(child).then((c) => {
    code = c;
  });
  for (;;) {
    const value = found();
    if (value !== undefined) return value;
    if (code !== undefined) {
      throw new Error(`obhut exited (code ${code}) before ${what} was seen`);
    }
    await sleep(20);
  }
}

/** The pid in the output's lock file, once the build has taken it. */
function builderPid(cwd: string, child: ChildProcess): Promise<number> {
  const lock = path.join(cwd, '.out.lock');
  return until(child, 'the output lock', () => {
    if (!existsSync(lock)) return undefined;
    // Read as the build reads it; empty while its writer is still writing.
    return parseLockText(readFileSync(lock, 'utf8'))?.pid;
  });
}

async function gone(pid: number): Promise<void> {
  while (alive(pid)) await sleep(50);
}

describe('stopping obhut mid-build', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'obhut-kill-'));
    const init = obhut(['init'], cwd);
    expect(await exited(init)).toBe(0);
    // Large enough that the build is still running when it is stopped.
    const lines: string[] = [];
    for (let i = 0; i < 300_000; i++) {
      lines.push(
        JSON.stringify({
          id: `r${i}`,
          kind: 'text',
          text: `hello world number ${i}`,
          subject: { platform: 'ig', account: String(i % 1000) },
        }),
      );
    }
    await writeFile(path.join(cwd, 'items.jsonl'), `${lines.join('\n')}\n`);
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  const leftovers = () => readdirSync(cwd).filter((n) => n === 'out' || n.startsWith('.out'));

  it('SIGKILL of the obhut process publishes nothing, and the next build to that output removes what it staged', async () => {
    const parent = obhut(['build', '--input', 'items.jsonl', '--out', 'out'], cwd);
    const done = exited(parent);
    // The build runs in a thread of the process started, not in a process of its own.
    expect(await builderPid(cwd, parent)).toBe(parent.pid);
    await until(parent, 'the staging folder', () =>
      leftovers().some((n) => n.startsWith('.out.tmp-')) ? true : undefined,
    );
    parent.kill('SIGKILL');
    await done;
    await gone(parent.pid!);
    // A killed process cannot clean up: its staging folder stays hidden, under a dead lock.
    expect(leftovers()).not.toContain('out');
    expect(leftovers().some((n) => n.startsWith('.out.tmp-'))).toBe(true);
    await writeFile(
      path.join(cwd, 'one.jsonl'),
      `${JSON.stringify({ id: 'r', kind: 'text', text: 'x', subject: { platform: 'ig', account: '1' } })}\n`,
    );
    const next = obhut(['build', '--input', 'one.jsonl', '--out', 'out'], cwd);
    expect(await exited(next)).toBe(0);
    expect(leftovers()).toEqual(['out']);
    await rm(path.join(cwd, 'out'), { recursive: true });
  });

  it('SIGINT to the obhut process alone stops the build with a non-zero exit and nothing published', async () => {
    const parent = obhut(['build', '--input', 'items.jsonl', '--out', 'out'], cwd);
    let stderr = '';
    parent.stderr?.on('data', (d) => {
      stderr += d;
    });
    const done = exited(parent);
    const builder = await builderPid(cwd, parent);
    parent.kill('SIGINT');
    expect(await done).toBe(130);
    await gone(builder);
    expect(stderr).toContain('nothing was published');
    expect(leftovers()).toEqual([]);
  });

  it('SIGTERM stops the build with exit code 143 and nothing published', async () => {
    const parent = obhut(['build', '--input', 'items.jsonl', '--out', 'out', '--json'], cwd);
    let stdout = '';
    parent.stdout?.on('data', (d) => {
      stdout += d;
    });
    const done = exited(parent);
    await builderPid(cwd, parent);
    parent.kill('SIGTERM');
    expect(await done).toBe(143);
    expect(stdout).toBe('');
    expect(leftovers()).toEqual([]);
  });
});
