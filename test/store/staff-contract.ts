import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffMember } from '../../src/staff/index.js';
import type { Store } from '../../src/store/index.js';
import type { StoreFactory } from './store-factory.js';

const member = (over: Partial<StaffMember> = {}): StaffMember => ({
  id: 'st_0123456789abcdef',
  username: 'ada',
  role: 'reviewer',
  disabled: false,
  createdAt: '2025-06-01T08:00:00.000Z',
  ...over,
});

const session = (tokenHash: string, staffId = 'st_0123456789abcdef', at = 1_000) => ({
  tokenHash,
  staffId,
  createdAt: new Date(at).toISOString(),
  lastSeenMs: at,
  expiresAtMs: at + 10_000,
});

/** What every `store.staff` must do; run once per adapter beside the main store contract. */
export function staffStoreContract(name: string, factory: StoreFactory): void {
  describe(`StaffStore contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await factory.open());
    });
    afterEach(async () => {
      await store.close();
      await cleanup();
    });

    it('adds members once per id and username, and reads them back', async () => {
      expect(await store.staff.add(member({ dailyQuota: 40 }), 'hash-a')).toBe(true);
      expect(await store.staff.add(member({ id: 'st_1111111111111111' }), 'hash-b')).toBe(false);
      expect(await store.staff.add(member({ username: 'bea' }), 'hash-b')).toBe(false);
      expect(
        await store.staff.add(
          member({ id: 'st_2222222222222222', username: 'bea', role: 'admin' }),
          'hash-c',
        ),
      ).toBe(true);
      expect(await store.staff.get('st_0123456789abcdef')).toEqual(member({ dailyQuota: 40 }));
      expect(await store.staff.get('st_ffffffffffffffff')).toBeUndefined();
      expect(await store.staff.credentials('bea')).toEqual({
        member: member({ id: 'st_2222222222222222', username: 'bea', role: 'admin' }),
        passwordHash: 'hash-c',
      });
      expect(await store.staff.credentials('nobody')).toBeUndefined();
      expect((await store.staff.list()).map((m) => m.username)).toEqual(['ada', 'bea']);
    });

    it('updates role, quota and disabled, and disabling ends every session of the member', async () => {
      await store.staff.add(member(), 'h');
      await store.staff.add(member({ id: 'st_2222222222222222', username: 'bea' }), 'h');
      await store.staff.createSession(session('t1'));
      await store.staff.createSession(session('t2'));
      await store.staff.createSession(session('t3', 'st_2222222222222222'));
      expect(
        await store.staff.update('st_0123456789abcdef', { role: 'lead', dailyQuota: 5 }),
      ).toEqual(member({ role: 'lead', dailyQuota: 5 }));
      expect(await store.staff.session('t1')).toBeDefined();
      const disabled = await store.staff.update('st_0123456789abcdef', {
        disabled: true,
        dailyQuota: null,
      });
      expect(disabled).toEqual(member({ role: 'lead', disabled: true }));
      expect(await store.staff.session('t1')).toBeUndefined();
      expect(await store.staff.session('t2')).toBeUndefined();
      expect(await store.staff.session('t3')).toBeDefined();
      expect(await store.staff.update('st_ffffffffffffffff', { disabled: true })).toBeUndefined();
    });

    it('keeps sessions by token hash with their member, touches, revokes and prunes them', async () => {
      await store.staff.add(member(), 'h');
      await store.staff.createSession(session('t1', 'st_0123456789abcdef', 1_000));
      await store.staff.createSession(session('t2', 'st_0123456789abcdef', 5_000));
      await store.staff.createSession(session('t3', 'st_0123456789abcdef', 9_000));
      expect(await store.staff.session('t1')).toEqual({
        session: session('t1', 'st_0123456789abcdef', 1_000),
        member: member(),
      });
      await store.staff.touchSession('t1', 4_000);
      expect((await store.staff.session('t1'))?.session.lastSeenMs).toBe(4_000);
      await store.staff.revokeSession('t3');
      expect(await store.staff.session('t3')).toBeUndefined();
      // t1 was last seen at 4,000 (idle since before 4,500); t2 expires at 15,000.
      expect(await store.staff.pruneSessions(12_000, 4_500)).toBe(1);
      expect(await store.staff.session('t1')).toBeUndefined();
      expect(await store.staff.session('t2')).toBeDefined();
      expect(await store.staff.pruneSessions(15_000, 0)).toBe(1);
      expect(await store.staff.session('t2')).toBeUndefined();
    });

    it('replaces a password hash and ends all sessions of a member on request', async () => {
      await store.staff.add(member(), 'old');
      await store.staff.createSession(session('t1'));
      await store.staff.createSession(session('t2'));
      expect(await store.staff.setPasswordHash('st_0123456789abcdef', 'new')).toBe(true);
      expect(await store.staff.setPasswordHash('st_ffffffffffffffff', 'new')).toBe(false);
      expect((await store.staff.credentials('ada'))?.passwordHash).toBe('new');
      expect(await store.staff.session('t1')).toBeDefined();
      expect(await store.staff.revokeSessionsOf('st_0123456789abcdef')).toBe(2);
      expect(await store.staff.session('t2')).toBeUndefined();
    });

    it('counts sign-in attempts per key, locks at the threshold, doubles the lock up to the cap', async () => {
      const policy = { attempts: 3, baseMs: 1_000, maxMs: 3_500 };
      const k = 'a'.repeat(64);
      const attempt = (at: number) => store.staff.recordSignInAttempt(k, at, policy);
      expect(await attempt(10_000)).toEqual({
        allowed: true,
        failures: 1,
        lockedUntilMs: 0,
        lastAttemptMs: 10_000,
      });
      expect(await attempt(10_100)).toMatchObject({ allowed: true, failures: 2, lockedUntilMs: 0 });
      // The third attempt is let through, and locks the key for the base time.
      expect(await attempt(10_200)).toMatchObject({
        allowed: true,
        failures: 3,
        lockedUntilMs: 11_200,
      });
      // While locked: refused, and nothing changes.
      expect(await attempt(10_500)).toEqual({ allowed: false, lockedUntilMs: 11_200 });
      expect(await attempt(11_199)).toEqual({ allowed: false, lockedUntilMs: 11_200 });
      expect(await store.staff.signInThrottle(k)).toEqual({
        failures: 3,
        lockedUntilMs: 11_200,
        lastAttemptMs: 10_200,
      });
      // After the lock every counted attempt locks again, twice as long, at most the cap.
      expect(await attempt(11_200)).toMatchObject({ failures: 4, lockedUntilMs: 13_200 });
      expect(await attempt(13_200)).toMatchObject({ failures: 5, lockedUntilMs: 16_700 });
      expect(await attempt(16_700)).toMatchObject({ failures: 6, lockedUntilMs: 20_200 });
      // Other keys are untouched; clearing forgets the count and the lock.
      expect(await store.staff.signInThrottle('b'.repeat(64))).toBeUndefined();
      expect((await store.staff.recordSignInAttempt('b'.repeat(64), 17_000, policy)).allowed).toBe(
        true,
      );
      await store.staff.clearSignInAttempts(k);
      expect(await store.staff.signInThrottle(k)).toBeUndefined();
      expect(await attempt(17_000)).toMatchObject({ allowed: true, failures: 1, lockedUntilMs: 0 });
      // A threshold of one locks at the first attempt, which is still let through.
      const one = { attempts: 1, baseMs: 5_000, maxMs: 5_000 };
      expect(await store.staff.recordSignInAttempt('c'.repeat(64), 1_000, one)).toMatchObject({
        allowed: true,
        failures: 1,
        lockedUntilMs: 6_000,
      });
      expect(await store.staff.recordSignInAttempt('c'.repeat(64), 2_000, one)).toEqual({
        allowed: false,
        lockedUntilMs: 6_000,
      });
    });

    it('lets no more concurrent attempts through than the threshold', async () => {
      const policy = { attempts: 5, baseMs: 60_000, maxMs: 3_600_000 };
      const results = await Promise.all(
        Array.from({ length: 24 }, () =>
          store.staff.recordSignInAttempt('d'.repeat(64), 50_000, policy),
        ),
      );
      expect(results.filter((r) => r.allowed)).toHaveLength(5);
      for (const r of results)
        expect(r.lockedUntilMs === 0 || r.lockedUntilMs === 110_000).toBe(true);
      expect((await store.staff.signInThrottle('d'.repeat(64)))?.failures).toBe(5);
    });

    it('prunes idle throttle rows, never one that is still locked', async () => {
      const policy = { attempts: 1, baseMs: 100_000, maxMs: 100_000 };
      const soft = { attempts: 9, baseMs: 1_000, maxMs: 1_000 };
      await store.staff.recordSignInAttempt('e'.repeat(64), 1_000, soft); // idle, unlocked
      await store.staff.recordSignInAttempt('f'.repeat(64), 1_000, policy); // idle, locked
      await store.staff.recordSignInAttempt('0'.repeat(64), 9_000, soft); // recent
      expect(await store.staff.pruneSignInThrottle(10_000, 5_000)).toBe(1);
      expect(await store.staff.signInThrottle('e'.repeat(64))).toBeUndefined();
      expect(await store.staff.signInThrottle('f'.repeat(64))).toBeDefined();
      expect(await store.staff.signInThrottle('0'.repeat(64))).toBeDefined();
      expect(await store.staff.pruneSignInThrottle(101_000, 5_000)).toBe(1);
      expect(await store.staff.signInThrottle('f'.repeat(64))).toBeUndefined();
    });

    it('has no session for a member that does not exist', async () => {
      await store.staff.createSession(session('t1', 'st_9999999999999999'));
      expect(await store.staff.session('t1')).toBeUndefined();
    });
  });
}
