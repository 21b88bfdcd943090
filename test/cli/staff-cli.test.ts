import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/runtime/config.js';
import { openSession } from '../../src/runtime/home.js';
import { checkCredentials, SignInThrottle } from '../../src/staff/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { runCli } from '../support/cli.js';
import { runCliInProcess } from '../support/cli-in-process.js';

describe('obhut staff', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'obhut-staff-cli-'));
    expect((await runCli(['init'], { cwd })).code).toBe(0);
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  // A command given standard input runs in a child process, which reads it as a user's would;
  // the others run in this process (issue 13).
  const staff = (args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}) =>
    options.input === undefined
      ? runCliInProcess(['staff', ...args], { cwd, env: options.env })
      : runCli(['staff', ...args], { cwd, ...options });

  async function signsIn(username: string, password: string): Promise<boolean> {
    const store = await openSqliteStore(path.join(cwd, '.obhut', 'obhut.db'));
    try {
      return (await checkCredentials(store.staff, username, password)) !== undefined;
    } finally {
      await store.close();
    }
  }

  it('adds staff with the password from the environment or standard input, and lists them', async () => {
    const ada = await staff(['add', 'ada', '--role', 'admin', '--json'], {
      env: { OBHUT_STAFF_PASSWORD: 'ada password, long' },
    });
    expect(ada.code).toBe(0);
    expect(JSON.parse(ada.stdout)).toMatchObject({
      username: 'ada',
      role: 'admin',
      disabled: false,
    });
    const bea = await staff(['add', 'Bea', '--role', 'reviewer', '--daily-quota', '30'], {
      input: 'bea password, long\n',
    });
    expect(bea.code).toBe(0);
    expect(bea.stdout).toMatch(/^Added bea \(reviewer\) as st_[0-9a-f]{16}\n$/);

    const list = await staff(['list', '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ username: 'ada', role: 'admin' }),
      expect.objectContaining({ username: 'bea', role: 'reviewer', daily_quota: 30 }),
    ]);
    expect(list.stdout).not.toMatch(/scrypt|password/i);
    const human = await staff(['list']);
    expect(human.stdout).toMatch(/^username\s+role\s+status/);
    expect(await signsIn('bea', 'bea password, long')).toBe(true);
  });

  /** Locks a name the way the server would (its secret, its table), after `failures` attempts. */
  async function lockOut(username: string, failures = 1): Promise<void> {
    const session = await openSession(readConfig({}, cwd));
    try {
      const key = new SignInThrottle(session.store.staff, session.secret).keyOf(username);
      const policy = { attempts: failures, baseMs: 60 * 60_000, maxMs: 60 * 60_000 };
      for (let i = 0; i < failures; i++)
        await session.store.staff.recordSignInAttempt(key, Date.now(), policy);
    } finally {
      await session.store.close();
    }
  }

  async function locked(username: string): Promise<boolean> {
    const session = await openSession(readConfig({}, cwd));
    try {
      const throttle = new SignInThrottle(session.store.staff, session.secret);
      const row = await session.store.staff.signInThrottle(throttle.keyOf(username));
      return row !== undefined && row.lockedUntilMs > Date.now();
    } finally {
      await session.store.close();
    }
  }

  it('unlocks a name locked out of signing in, and says whether it was', async () => {
    await lockOut('ada', 3);
    expect(await locked('ada')).toBe(true);
    const cleared = await staff(['unlock', 'ADA']);
    expect(cleared.code, cleared.stderr).toBe(0);
    expect(cleared.stdout).toBe('Cleared the sign-in lock of ada (3 failed attempts)\n');
    expect(await locked('ada')).toBe(false);
    const again = await staff(['unlock', 'ada', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ username: 'ada', was_locked: false, attempts: 0 });
    expect((await staff(['unlock', 'ada'])).stdout).toBe('ada was not locked; nothing to clear\n');
    // Unknown names are locked like real ones, so they can be unlocked too.
    await lockOut('nobody');
    expect(JSON.parse((await staff(['unlock', 'nobody', '--json'])).stdout)).toMatchObject({
      was_locked: true,
    });
    expect(await locked('nobody')).toBe(false);
  });

  it('refuses a taken name, a weak or missing password and an unknown role', async () => {
    const env = { OBHUT_STAFF_PASSWORD: 'another long password' };
    const taken = await staff(['add', 'ada', '--role', 'lead'], { env });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('[USERNAME_TAKEN]');
    const weak = await staff(['add', 'cy', '--role', 'lead'], { input: 'short\n' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('[USAGE]');
    const none = await staff(['add', 'cy', '--role', 'lead'], { input: '' });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('OBHUT_STAFF_PASSWORD');
    const role = await staff(['add', 'cy', '--role', 'root'], { env });
    expect(role.code).toBe(1);
  });

  it('changes a password and disables and enables a member', async () => {
    await lockOut('bea', 5);
    const passwd = await staff(['passwd', 'bea'], { input: 'a brand new password\n' });
    expect(passwd.code).toBe(0);
    expect(passwd.stdout).toBe(
      'Changed the password of bea; their sessions have ended and their sign-in lock is cleared\n',
    );
    expect(await locked('bea')).toBe(false);
    expect(await signsIn('bea', 'bea password, long')).toBe(false);
    expect(await signsIn('bea', 'a brand new password')).toBe(true);

    expect((await staff(['disable', 'bea'])).code).toBe(0);
    expect(await signsIn('bea', 'a brand new password')).toBe(false);
    const list = JSON.parse((await staff(['list', '--json'])).stdout);
    expect(list.find((m: { username: string }) => m.username === 'bea').disabled).toBe(true);
    expect((await staff(['enable', 'bea'])).code).toBe(0);
    expect(await signsIn('bea', 'a brand new password')).toBe(true);

    const unknown = await staff(['disable', 'nobody']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('[NOT_FOUND]');
  });
});
