import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addStaff,
  changePassword,
  checkCredentials,
  hashToken,
  StaffSessions,
} from '../../src/staff/index.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';

const FAST = { logN: 10, r: 8, p: 1 };
const MINUTE = 60_000;

describe('staff sessions and accounts', () => {
  let dir: string;
  let store: Store;
  let now: number;
  let sessions: StaffSessions;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'obhut-staff-'));
    store = await openSqliteStore(path.join(dir, 'obhut.db'));
    now = Date.parse('2025-06-01T08:00:00Z');
    sessions = new StaffSessions(store.staff, {
      idleMs: 30 * MINUTE,
      absoluteMs: 8 * 60 * MINUTE,
      now: () => now,
    });
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const add = (username = 'Ada', role = 'reviewer' as const) =>
    addStaff(store.staff, { username, role, password: 'correct horse battery' }, FAST);

  it('opens a session whose token is stored only as its SHA-256', async () => {
    const ada = await add();
    expect(ada).toMatchObject({ username: 'ada', role: 'reviewer', disabled: false });
    expect(ada.id).toMatch(/^st_[0-9a-f]{16}$/);
    const opened = await sessions.open(ada);
    expect(opened.token).toMatch(/^obs_[A-Za-z0-9_-]{43}$/);
    expect(opened.expiresAt).toBe('2025-06-01T16:00:00.000Z');
    expect(await store.staff.session(opened.token)).toBeUndefined();
    expect(await store.staff.session(hashToken(opened.token))).toBeDefined();
    expect((await sessions.authenticate(opened.token))?.staff.id).toBe(ada.id);
    // The last character carries 4 bits, so one in 16 tokens already ends in A.
    const altered = `${opened.token.slice(0, -1)}${opened.token.endsWith('A') ? 'E' : 'A'}`;
    expect(await sessions.authenticate(altered)).toBeUndefined();
    expect(await sessions.authenticate('garbage')).toBeUndefined();
  });

  it('ends a session after the idle time, and activity keeps it alive up to the absolute limit', async () => {
    const ada = await add();
    const idle = await sessions.open(ada);
    const busy = await sessions.open(ada);
    for (let i = 0; i < 15; i++) {
      now += 25 * MINUTE;
      expect(await sessions.authenticate(busy.token), `after ${i}`).toBeDefined();
    }
    expect(await sessions.authenticate(idle.token)).toBeUndefined();
    now += 2 * 60 * MINUTE; // 8 h 15 min after signing in
    expect(await sessions.authenticate(busy.token)).toBeUndefined();
  });

  it('signs out, and disabling a member or changing their password ends their sessions', async () => {
    const ada = await add();
    const bea = await add('bea');
    const one = await sessions.open(ada);
    const two = await sessions.open(ada);
    const three = await sessions.open(bea);
    await sessions.close(one.token);
    expect(await sessions.authenticate(one.token)).toBeUndefined();
    expect(await sessions.authenticate(two.token)).toBeDefined();
    await store.staff.update(ada.id, { disabled: true });
    expect(await sessions.authenticate(two.token)).toBeUndefined();
    await changePassword(store.staff, bea.id, 'another long password', FAST);
    expect(await sessions.authenticate(three.token)).toBeUndefined();
  });

  it('checks credentials alike for unknown names, wrong passwords and disabled members', async () => {
    const ada = await add();
    expect((await checkCredentials(store.staff, 'ADA', 'correct horse battery', FAST))?.id).toBe(
      ada.id,
    );
    expect(await checkCredentials(store.staff, 'ada', 'wrong password!!', FAST)).toBeUndefined();
    expect(await checkCredentials(store.staff, 'nobody', 'correct horse battery', FAST)).toBe(
      undefined,
    );
    await store.staff.update(ada.id, { disabled: true });
    expect(await checkCredentials(store.staff, 'ada', 'correct horse battery', FAST)).toBe(
      undefined,
    );
  });

  it('re-hashes a password made with weaker parameters at sign-in', async () => {
    await add();
    const before = (await store.staff.credentials('ada'))!.passwordHash;
    await checkCredentials(store.staff, 'ada', 'correct horse battery', { logN: 11, r: 8, p: 1 });
    const after = (await store.staff.credentials('ada'))!.passwordHash;
    expect(before.startsWith('$scrypt$ln=10,')).toBe(true);
    expect(after.startsWith('$scrypt$ln=11,')).toBe(true);
  });

  it('refuses bad usernames, weak passwords and taken names with their codes', async () => {
    await add();
    await expect(add('ada')).rejects.toMatchObject({ code: 'USERNAME_TAKEN' });
    await expect(add('has space')).rejects.toMatchObject({ code: 'USAGE' });
    await expect(
      addStaff(store.staff, { username: 'cy', role: 'admin', password: 'short' }, FAST),
    ).rejects.toMatchObject({ code: 'USAGE' });
  });
});
