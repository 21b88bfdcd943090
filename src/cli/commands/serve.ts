import type { Command } from 'commander';
import { ObhutError } from '../../errors/index.js';
import { scheduleRetention } from '../../review/retention.js';
import {
  listenAddress,
  retentionDays,
  serverOptions,
  webhookTiming,
} from '../../runtime/compose.js';
import { homeConfig, loadSettings, namedVariable } from '../../runtime/config.js';
import { variableDoc } from '../../runtime/config-schema.js';
import { openSession } from '../../runtime/home.js';
import { buildServer } from '../../server/app.js';
import { httpSender, scheduleDelivery } from '../../webhooks/index.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the consent API (/api/v1, docs at /api/docs) and the subject portal (/)')
    .option(
      '--port <port>',
      `TCP port (default: OBHUT_PORT or ${variableDoc('OBHUT_PORT').default})`,
    )
    .option(
      '--host <host>',
      `address to listen on (default: OBHUT_HOST or ${variableDoc('OBHUT_HOST').default.replaceAll('`', '')})`,
    )
    .action(async (opts: { port?: string; host?: string }) => {
      // Every variable is checked here, so a bad value stops the start, not a request.
      const settings = loadSettings();
      const listen = listenAddress(settings);
      const port = opts.port === undefined ? listen.port : Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new ObhutError('USAGE', '--port must be 0–65535');
      const config = homeConfig(settings);
      const session = await openSession(config);
      const app = await buildServer(serverOptions(settings, session, config.home));
      // Review data past its retention period is deleted hourly (OBHUT_REVIEW_*_DAYS).
      const retention = scheduleRetention(session, RETENTION_INTERVAL_MS, {
        sweep: retentionDays(settings),
        onSwept: (r) => {
          if (r.raw.length + r.derived.length > 0)
            app.log.info({ raw: r.raw.length, derived: r.derived.length }, 'retention sweep');
        },
        onError: (err) => app.log.error({ err }, 'retention sweep failed'),
      });
      // Webhook messages leave the outbox as soon as they are committed (docs/webhooks.md).
      const webhooks = scheduleDelivery({
        outbox: session.store,
        send: httpSender(),
        variable: namedVariable,
        ...webhookTiming(settings),
        intervalMs: WEBHOOK_POLL_MS,
        onRound: (r) => app.log.info({ delivered: r.delivered, failed: r.failed }, 'webhooks'),
        onError: (err) => app.log.error({ err }, 'webhook delivery failed'),
      });
      const stop = async (signal: string) => {
        app.log.info({ signal }, 'stopping');
        // Stop taking requests, let the writer commit what it acknowledged, then close.
        await retention.stop();
        await webhooks.stop();
        await app.close();
        await session.log.writer.idle();
        await session.store.close();
        process.exit(0);
      };
      process.removeAllListeners('SIGINT');
      process.removeAllListeners('SIGTERM');
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
      const address = await app.listen({ port, host: opts.host ?? listen.host });
      process.stderr.write(
        `obhut: serving the portal at ${address}/, the review console at ${address}/console/ and the API at ${address}/api/docs\n`,
      );
      await new Promise(() => {});
    });
}

const RETENTION_INTERVAL_MS = 60 * 60 * 1000;
/** How often the outbox is looked at when nothing was delivered: a message waits at most this. */
const WEBHOOK_POLL_MS = 1000;
