import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMailer } from '../../src/identity/index.js';
import { DEFAULT_DERIVED_DAYS, DEFAULT_RAW_DAYS } from '../../src/review/retention.js';
import { DEFAULT_RULES } from '../../src/review/rules.js';
import {
  listenAddress,
  lockoutOptions,
  retentionDays,
  reviewRules,
  serverLimits,
  serverOptions,
} from '../../src/runtime/compose.js';
import { parseSettings } from '../../src/runtime/config.js';
import { DEFAULT_LIMITS } from '../../src/server/app.js';
import { SignInThrottle } from '../../src/staff/index.js';
import type { StaffStore } from '../../src/store/staff-store.js';

const MINUTE = 60_000;
const NO_STORE = {} as StaffStore;

describe('the composition root', () => {
  it('gives the domains their own defaults when nothing is set', () => {
    const settings = parseSettings({});
    expect(reviewRules(settings)).toEqual(DEFAULT_RULES);
    expect(retentionDays(settings)).toEqual({
      rawDays: DEFAULT_RAW_DAYS,
      derivedDays: DEFAULT_DERIVED_DAYS,
    });
    const { bodyBytes: _, ...limits } = DEFAULT_LIMITS;
    expect(serverLimits(settings)).toEqual(limits);
    expect(listenAddress(settings)).toEqual({ port: 8080, host: '127.0.0.1' });
    const secret = Buffer.alloc(32);
    expect(new SignInThrottle(NO_STORE, secret, lockoutOptions(settings)).policy).toEqual(
      new SignInThrottle(NO_STORE, secret).policy,
    );
  });

  it('reads OBHUT_REVIEW_EXPOSURE_MINUTES (default 120) and refuses a bad one', () => {
    expect(reviewRules(parseSettings({})).exposureMinutes).toBe(120);
    expect(
      reviewRules(parseSettings({ OBHUT_REVIEW_EXPOSURE_MINUTES: '45' })).exposureMinutes,
    ).toBe(45);
    for (const bad of ['0', '-5', '1.5', 'lots'])
      expect(() => reviewRules(parseSettings({ OBHUT_REVIEW_EXPOSURE_MINUTES: bad }))).toThrow(
        /OBHUT_REVIEW_EXPOSURE_MINUTES must be a positive integer/,
      );
  });

  it('reads the review rules and retention periods', () => {
    const settings = parseSettings({
      OBHUT_REVIEW_ASSIGNMENT_MINUTES: '10',
      OBHUT_REVIEW_DAILY_QUOTA: '50',
      OBHUT_REVIEW_SUBJECT_CAP: '2',
      OBHUT_REVIEW_RAW_DAYS: '7',
      OBHUT_REVIEW_DERIVED_DAYS: '14',
    });
    expect(reviewRules(settings)).toEqual({
      assignmentMinutes: 10,
      dailyQuota: 50,
      perSubjectCap: 2,
      exposureMinutes: 120,
    });
    expect(retentionDays(settings)).toEqual({ rawDays: 7, derivedDays: 14 });
  });

  it('reads the sign-in lockout and refuses a bad value', () => {
    expect(
      lockoutOptions(
        parseSettings({ OBHUT_STAFF_LOCKOUT_ATTEMPTS: '3', OBHUT_STAFF_LOCKOUT_MINUTES: '2' }),
      ),
    ).toEqual({ attempts: 3, baseMs: 2 * MINUTE });
    for (const bad of ['0', '-1', '1.5', 'many']) {
      expect(() => lockoutOptions(parseSettings({ OBHUT_STAFF_LOCKOUT_ATTEMPTS: bad }))).toThrow(
        expect.objectContaining({ code: 'CONFIG_INVALID' }),
      );
      expect(() => lockoutOptions(parseSettings({ OBHUT_STAFF_LOCKOUT_MINUTES: bad }))).toThrow(
        expect.objectContaining({ code: 'CONFIG_INVALID' }),
      );
    }
  });

  it('builds the server options, with platform keys from the variables platforms.json names', async () => {
    const home = await mkdtemp(path.join(tmpdir(), 'obhut-compose-'));
    try {
      await writeFile(
        path.join(home, 'platforms.json'),
        JSON.stringify({ platforms: [{ name: 'acme', hmac_key_env: 'ACME_KEY' }] }),
      );
      const settings = parseSettings({
        OBHUT_ADMIN_TOKEN: 'operator-token',
        OBHUT_TRUST_PROXY: '1',
        OBHUT_LOG_LEVEL: 'warn',
        OBHUT_RATE_LIMIT_PER_MINUTE: '100',
        OBHUT_REVIEW_SUPPORT: 'the assistance line',
      });
      const session = {} as Parameters<typeof serverOptions>[1];
      const key = 'k'.repeat(32);
      const options = serverOptions(settings, session, home, (name) =>
        name === 'ACME_KEY' ? key : undefined,
      );
      expect(options).toMatchObject({
        session,
        adminToken: 'operator-token',
        trustProxy: true,
        logger: { level: 'warn' },
        limits: { perMinute: 100, signInPerMinute: 10, eventsPerMinute: 30 },
        signInLockout: { attempts: 5, baseMs: MINUTE },
        review: {
          home,
          rules: DEFAULT_RULES,
          retention: { rawDays: DEFAULT_RAW_DAYS, derivedDays: DEFAULT_DERIVED_DAYS },
          support: 'the assistance line',
        },
      });
      expect(options.platforms.get('acme')).toEqual({ kind: 'hmac', secret: Buffer.from(key) });
      expect(options.mailer.describe).toBe(
        createMailer({ from: '', outbox: path.join(home, 'outbox') }).describe,
      );
      expect(() => serverOptions(settings, session, home, () => undefined)).toThrow(
        /the HMAC key is missing/,
      );
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
