import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, type SignInOutcome, SignInThrottle } from '../../src/staff/index.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';

const FAST = { logN: 10, r: 8, p: 1 };
const PASSWORD = 'correct horse battery';
const MINUTE = 60_000;

describe('per-username sign-in lockout', () => {
  let dir: string;
  let store: Store;
  let now: number;
  let secret: Buffer;
  let throttle: SignInThrottle;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'obhut-lockout-'));
    store = await openSqliteStore(path.join(dir, 'obhut.db'));
    now = Date.parse('2025-06-01T08:00:00Z');
    secret = randomBytes(32);
    throttle = new SignInThrottle(store.staff, secret, { now: () => now });
    await addStaff(store.staff, { username: 'Ada', role: 'reviewer', password: PASSWORD }, FAST);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const signIn = (username: string, password: string) => throttle.signIn(username, password, FAST);
  const kinds = async (username: string, passwords: readonly string[]) => {
    const out: SignInOutcome[] = [];
    for (const p of passwords) out.push(await signIn(username, p));
    return out.map((o) => (o.kind === 'signed-in' ? 'signed-in' : o));
  };
  const wrong = (n: number) => Array.from({ length: n }, (_, i) => `wrong password ${i}`);

  it('keys rows by an HMAC of the lower-cased name under the secret', () => {
    const key = throttle.keyOf('Ada');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(throttle.keyOf(' ADA ')).toBe(key);
    expect(throttle.keyOf('bea')).not.toBe(key);
    expect(new SignInThrottle(store.staff, randomBytes(32)).keyOf('ada')).not.toBe(key);
    expect(throttle.policy).toEqual({ attempts: 5, baseMs: MINUTE, maxMs: 60 * MINUTE });
  });

  it('refuses the right password after five wrong ones, until the lock ends; then resets', async () => {
    expect(await kinds('ada', wrong(4))).toEqual(Array(4).fill({ kind: 'refused' }));
    // The fifth failure starts the lock.
    expect(await signIn('ada', 'wrong again!!')).toEqual({ kind: 'refused', lockedForSeconds: 60 });
    expect(await signIn('ada', PASSWORD)).toEqual({ kind: 'locked', retryAfterSeconds: 60 });
    now += 59_500;
    expect(await signIn('ADA', PASSWORD)).toEqual({ kind: 'locked', retryAfterSeconds: 1 });
    now += 500;
    const ok = await signIn('ada', PASSWORD);
    expect(ok.kind === 'signed-in' && ok.member.username).toBe('ada');
    expect(await store.staff.signInThrottle(throttle.keyOf('ada'))).toBeUndefined();
    // A fresh count: four more failures lock nothing.
    expect(await kinds('ada', wrong(4))).toEqual(Array(4).fill({ kind: 'refused' }));
    expect((await signIn('ada', PASSWORD)).kind).toBe('signed-in');
  });

  it('doubles the lock with each failure after one, up to an hour', async () => {
    await kinds('ada', wrong(5));
    const locks: number[] = [];
    for (let i = 0; i < 8; i++) {
      const state = await store.staff.signInThrottle(throttle.keyOf('ada'));
      now = state!.lockedUntilMs;
      const r = await signIn('ada', 'still wrong!!');
      locks.push(r.kind === 'refused' ? (r.lockedForSeconds ?? 0) : -1);
    }
    expect(locks).toEqual([120, 240, 480, 960, 1920, 3600, 3600, 3600]);
    now = (await store.staff.signInThrottle(throttle.keyOf('ada')))!.lockedUntilMs;
    expect((await signIn('ada', PASSWORD)).kind).toBe('signed-in');
  });

  it('throttles an unknown name exactly like a real one', async () => {
    const real = await kinds('ada', [...wrong(5), PASSWORD, PASSWORD]);
    const unknown = await kinds('nobody-here', [...wrong(5), PASSWORD, PASSWORD]);
    expect(unknown).toEqual(real);
    expect(unknown.at(-1)).toEqual({ kind: 'locked', retryAfterSeconds: 60 });
    expect(await store.staff.signInThrottle(throttle.keyOf('nobody-here'))).toMatchObject({
      failures: 5,
    });
  });

  it('never writes a username into the database for the throttle', async () => {
    await kinds('mallory-guessing', wrong(6));
    expect(await store.staff.signInThrottle(throttle.keyOf('mallory-guessing'))).toBeDefined();
    for (const file of await readdir(dir)) {
      const bytes = await readFile(path.join(dir, file));
      expect(bytes.includes('mallory-guessing'), file).toBe(false);
    }
  });

  it('forgets counts a day after the last attempt', async () => {
    await kinds('ada', wrong(4));
    await kinds('old-name', wrong(2));
    now += 24 * 60 * MINUTE + 1;
    // The next failure prunes the old rows first, so this is one failure, not five.
    expect(await signIn('ada', 'wrong once more')).toEqual({ kind: 'refused' });
    expect(await store.staff.signInThrottle(throttle.keyOf('ada'))).toMatchObject({ failures: 1 });
    expect(await store.staff.signInThrottle(throttle.keyOf('old-name'))).toBeUndefined();
  });

  it('shares the count between throttles over the same database (several processes)', async () => {
    const other = new SignInThrottle(store.staff, secret, { now: () => now });
    await kinds('ada', wrong(3));
    expect(await other.signIn('ada', 'wrong password!', FAST)).toEqual({ kind: 'refused' });
    expect(await other.signIn('ada', 'wrong password!', FAST)).toMatchObject({
      lockedForSeconds: 60,
    });
    expect(await signIn('ada', PASSWORD)).toEqual({ kind: 'locked', retryAfterSeconds: 60 });
  });

  it('unlocks a name at once, whoever holds the throttle (same secret), and says what it cleared', async () => {
    await kinds('ada', wrong(5));
    expect(await signIn('ada', PASSWORD)).toEqual({ kind: 'locked', retryAfterSeconds: 60 });
    // Another process (the command line) with the same secret and its own, default options.
    const admin = new SignInThrottle(store.staff, secret, { now: () => now });
    expect(await admin.unlock(' ADA ')).toEqual({ wasLocked: true, attempts: 5 });
    expect(await store.staff.signInThrottle(throttle.keyOf('ada'))).toBeUndefined();
    expect((await signIn('ada', PASSWORD)).kind).toBe('signed-in');
    // A fresh count after the unlock: four failures lock nothing.
    expect(await kinds('ada', wrong(4))).toEqual(Array(4).fill({ kind: 'refused' }));
    expect(await admin.unlock('ada')).toEqual({ wasLocked: false, attempts: 4 });
    expect(await admin.unlock('ada')).toEqual({ wasLocked: false, attempts: 0 });
    // An expired lock is no lock, though its row is cleared.
    await kinds('ada', wrong(5));
    now += 61_000;
    expect(await admin.unlock('ada')).toEqual({ wasLocked: false, attempts: 5 });
    // Unknown names alike; another name's row stays; another secret's key is another row.
    await kinds('nobody-here', wrong(5));
    await kinds('bea', wrong(5));
    expect(await new SignInThrottle(store.staff, randomBytes(32)).unlock('nobody-here')).toEqual({
      wasLocked: false,
      attempts: 0,
    });
    expect(await admin.unlock('nobody-here')).toEqual({ wasLocked: true, attempts: 5 });
    expect(await signIn('bea', 'x')).toMatchObject({ kind: 'locked' });
  });

  it('takes a first lock longer than an hour as its own cap', () => {
    const long = new SignInThrottle(store.staff, secret, { baseMs: 90 * MINUTE });
    expect(long.policy.maxMs).toBe(90 * MINUTE);
  });
});
