import path from 'node:path';
import { createMailer, loadPlatformKeys } from '../identity/index.js';
import type { AssignmentRules } from '../review/model.js';
import type { Limits, ServerOptions } from '../server/app.js';
import type { LockoutOptions } from '../staff/lockout.js';
import { namedVariable } from './config.js';
import type { Settings } from './config-schema.js';

// The composition root: the options each part takes, built from the parsed settings. Domain
// modules take these as parameters and never read the environment themselves. A session's
// own configuration (home, register, keys) is `homeConfig` in config.ts.

/** Review assignment rules (OBHUT_REVIEW_ASSIGNMENT_MINUTES, …_DAILY_QUOTA, …_SUBJECT_CAP, …_EXPOSURE_MINUTES). */
export function reviewRules(settings: Settings): AssignmentRules {
  return {
    assignmentMinutes: settings.OBHUT_REVIEW_ASSIGNMENT_MINUTES,
    dailyQuota: settings.OBHUT_REVIEW_DAILY_QUOTA,
    perSubjectCap: settings.OBHUT_REVIEW_SUBJECT_CAP,
    exposureMinutes: settings.OBHUT_REVIEW_EXPOSURE_MINUTES,
  };
}

/** Review retention periods (OBHUT_REVIEW_RAW_DAYS, OBHUT_REVIEW_DERIVED_DAYS). */
export function retentionDays(settings: Settings): { rawDays: number; derivedDays: number } {
  return {
    rawDays: settings.OBHUT_REVIEW_RAW_DAYS,
    derivedDays: settings.OBHUT_REVIEW_DERIVED_DAYS,
  };
}

/** The review console's sign-in lockout (OBHUT_STAFF_LOCKOUT_ATTEMPTS, …_MINUTES). */
export function lockoutOptions(settings: Settings): LockoutOptions {
  return {
    attempts: settings.OBHUT_STAFF_LOCKOUT_ATTEMPTS,
    baseMs: settings.OBHUT_STAFF_LOCKOUT_MINUTES * 60_000,
  };
}

/** The server's rate limits (OBHUT_RATE_LIMIT_PER_MINUTE, …); the body limit stays the server's. */
export function serverLimits(settings: Settings): Omit<Limits, 'bodyBytes'> {
  return {
    perMinute: settings.OBHUT_RATE_LIMIT_PER_MINUTE,
    signInPerMinute: settings.OBHUT_SIGN_IN_PER_MINUTE,
    eventsPerMinute: settings.OBHUT_EVENTS_PER_MINUTE,
  };
}

/** When webhook messages are tried again (OBHUT_WEBHOOK_FIRST_RETRY_MS, OBHUT_WEBHOOK_LEASE_MS). */
export function webhookTiming(settings: Settings): { firstRetryMs: number; leaseMs: number } {
  return {
    firstRetryMs: settings.OBHUT_WEBHOOK_FIRST_RETRY_MS,
    leaseMs: settings.OBHUT_WEBHOOK_LEASE_MS,
  };
}

/** Where `obhut serve` listens unless its flags say otherwise (OBHUT_PORT, OBHUT_HOST). */
export function listenAddress(settings: Settings): { port: number; host: string } {
  return { port: settings.OBHUT_PORT, host: settings.OBHUT_HOST };
}

/**
 * Everything `buildServer` takes for `obhut serve`: platform keys from `<home>/platforms.json`
 * (their HMAC keys from the variables it names), the mailer, the operator token, limits,
 * lockout, logging and review. Built at start, so a bad value stops the start, not a request.
 */
export function serverOptions(
  settings: Settings,
  session: ServerOptions['session'],
  home: string,
  variable: (name: string) => string | undefined = namedVariable,
): ServerOptions {
  return {
    session,
    platforms: loadPlatformKeys(home, variable),
    mailer: createMailer({
      smtpUrl: settings.OBHUT_SMTP_URL,
      from: settings.OBHUT_MAIL_FROM,
      outbox: path.join(home, 'outbox'),
    }),
    adminToken: settings.OBHUT_ADMIN_TOKEN,
    trustProxy: settings.OBHUT_TRUST_PROXY,
    limits: serverLimits(settings),
    signInLockout: lockoutOptions(settings),
    logger: { level: settings.OBHUT_LOG_LEVEL },
    clock: { linkTokenAllowanceS: settings.OBHUT_LINK_TOKEN_CLOCK_ALLOWANCE_SECONDS },
    review: {
      home,
      rules: reviewRules(settings),
      retention: retentionDays(settings),
      support: settings.OBHUT_REVIEW_SUPPORT,
      pipelineToken: settings.OBHUT_REVIEW_PIPELINE_TOKEN,
      mediaDir: settings.OBHUT_REVIEW_MEDIA_DIR,
    },
  };
}
