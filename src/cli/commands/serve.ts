import path from 'node:path';
import type { Command } from 'commander';
import { ObhutError } from '../../errors/index.js';
import { createMailer, loadPlatformKeys } from '../../identity/index.js';
import { DEFAULT_CLOCK_ALLOWANCE_S, MAX_CLOCK_ALLOWANCE_S } from '../../identity/platform-token.js';
import { retentionDays, scheduleRetention } from '../../review/retention.js';
import { reviewRules } from '../../review/rules.js';
import { readConfig } from '../../runtime/config.js';
import { openSession } from '../../runtime/home.js';
import { buildServer, DEFAULT_LIMITS } from '../../server/app.js';
import { lockoutOptions } from '../../staff/index.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the consent API (/api/v1, docs at /api/docs) and the subject portal (/)')
    .option('--port <port>', 'TCP port (env OBHUT_PORT)', process.env.OBHUT_PORT ?? '8080')
    .option(
      '--host <host>',
      'address to listen on (env OBHUT_HOST)',
      process.env.OBHUT_HOST ?? '127.0.0.1',
    )
    .action(async (opts: { port: string; host: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new ObhutError('USAGE', '--port must be 0–65535');
      const config = readConfig();
      const env = process.env;
      const session = await openSession(config);
      const app = await buildServer({
        session,
        platforms: loadPlatformKeys(config.home),
        mailer: createMailer({
          smtpUrl: env.OBHUT_SMTP_URL,
          from: env.OBHUT_MAIL_FROM ?? 'Obhut <no-reply@obhut.local>',
          outbox: path.join(config.home, 'outbox'),
        }),
        adminToken: env.OBHUT_ADMIN_TOKEN || undefined,
        trustProxy: env.OBHUT_TRUST_PROXY === '1',
        limits: {
          perMinute: positive(env.OBHUT_RATE_LIMIT_PER_MINUTE, DEFAULT_LIMITS.perMinute),
          signInPerMinute: positive(env.OBHUT_SIGN_IN_PER_MINUTE, DEFAULT_LIMITS.signInPerMinute),
          eventsPerMinute: positive(env.OBHUT_EVENTS_PER_MINUTE, DEFAULT_LIMITS.eventsPerMinute),
        },
        signInLockout: lockoutOptions(env),
        logger: { level: env.OBHUT_LOG_LEVEL ?? 'info' },
        clock: {
          linkTokenAllowanceS: seconds(
            env.OBHUT_LINK_TOKEN_CLOCK_ALLOWANCE_SECONDS,
            DEFAULT_CLOCK_ALLOWANCE_S,
            MAX_CLOCK_ALLOWANCE_S,
            'OBHUT_LINK_TOKEN_CLOCK_ALLOWANCE_SECONDS',
          ),
        },
        // Read at start, so a bad OBHUT_REVIEW_* value stops the start, not a request.
        review: {
          home: config.home,
          rules: reviewRules(env),
          retention: retentionDays(env),
          support: env.OBHUT_REVIEW_SUPPORT,
        },
      });
      // Review data past its retention period is deleted hourly (OBHUT_REVIEW_*_DAYS).
      // The periods are read here, so a bad OBHUT_REVIEW_*_DAYS stops the start, not each sweep.
      const retention = scheduleRetention(session, RETENTION_INTERVAL_MS, {
        sweep: retentionDays(),
        onSwept: (r) => {
          if (r.raw.length + r.derived.length > 0)
            app.log.info({ raw: r.raw.length, derived: r.derived.length }, 'retention sweep');
        },
        onError: (err) => app.log.error({ err }, 'retention sweep failed'),
      });
      const stop = async (signal: string) => {
        app.log.info({ signal }, 'stopping');
        // Stop taking requests, let the writer commit what it acknowledged, then close.
        await retention.stop();
        await app.close();
        await session.log.writer.idle();
        await session.store.close();
        process.exit(0);
      };
      process.removeAllListeners('SIGINT');
      process.removeAllListeners('SIGTERM');
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
      const address = await app.listen({ port, host: opts.host });
      process.stderr.write(
        `obhut: serving the portal at ${address}/, the review console at ${address}/console/ and the API at ${address}/api/docs\n`,
      );
      await new Promise(() => {});
    });
}

const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

function positive(text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new ObhutError('CONFIG_INVALID', `expected a positive integer, got ${text}`);
  return n;
}

/** A whole number of seconds from 0 to `max`, or `fallback` when unset. */
function seconds(text: string | undefined, fallback: number, max: number, name: string): number {
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new ObhutError('CONFIG_INVALID', `${name} must be a whole number from 0 to ${max}`);
  return n;
}
