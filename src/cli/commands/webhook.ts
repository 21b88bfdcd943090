import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { ObhutError } from '../../errors/index.js';
import { webhookTiming } from '../../runtime/compose.js';
import { loadSettings, namedVariable } from '../../runtime/config.js';
import {
  checkWebhookUrl,
  deliverAllDue,
  generateWebhookSecret,
  httpSender,
  parseEventTypes,
  secretKey,
  type WebhookEndpoint,
  type WebhookEndpointStatus,
} from '../../webhooks/index.js';
import { print, withSession } from '../io.js';
import { table } from '../output.js';

const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

export function registerWebhook(program: Command): void {
  const webhook = program
    .command('webhook')
    .description('push consent decisions, erasure requests and builds to other systems, signed');

  webhook
    .command('add')
    .description('register an endpoint; every later event of the chosen types is delivered to it')
    .argument('<url>', 'http or https URL that receives a POST per message')
    .requiredOption('--events <types>', 'comma-separated: consent, erasure, build, model_impact')
    .option(
      '--secret-env <variable>',
      'sign with the whsec_ secret in this variable (read at delivery) instead of a generated one',
    )
    .option('--json', 'print the endpoint as JSON')
    .action(async (url: string, opts: { events: string; secretEnv?: string; json?: boolean }) => {
      const checked = checkWebhookUrl(url);
      const events = parseEventTypes(opts.events);
      if (!events.ok) throw new ObhutError('USAGE', `--events: ${events.error}`);
      let generated: string | undefined;
      let secret: WebhookEndpoint['secret'];
      if (opts.secretEnv !== undefined) {
        if (!VARIABLE.test(opts.secretEnv))
          throw new ObhutError('USAGE', '--secret-env must name an environment variable');
        const value = namedVariable(opts.secretEnv);
        // Checked now when it is set, so a typo is found at once rather than at the first event.
        const key = value === undefined ? undefined : secretKey(value);
        if (key && !key.ok) throw new ObhutError('USAGE', `${opts.secretEnv}: ${key.error}`);
        secret = { kind: 'env', variable: opts.secretEnv };
      } else {
        generated = generateWebhookSecret();
        secret = { kind: 'stored', value: generated };
      }
      const endpoint: WebhookEndpoint = {
        id: `wh_${randomBytes(8).toString('hex')}`,
        url: checked.href,
        events: events.value,
        secret,
        createdAt: new Date().toISOString(),
      };
      await withSession((s) => s.store.addWebhook(endpoint));
      print(
        opts.json,
        {
          id: endpoint.id,
          url: endpoint.url,
          events: endpoint.events,
          ...(generated ? { secret: generated } : { secretEnv: opts.secretEnv }),
        },
        () =>
          [
            `Registered webhook ${endpoint.id} for ${endpoint.events.join(', ')} at ${endpoint.url}.`,
            generated
              ? `Its signing secret, shown only now; give it to the receiver:\n${generated}`
              : `Signed with the secret in ${opts.secretEnv} wherever deliveries run.`,
          ].join('\n'),
      );
    });

  webhook
    .command('list')
    .description('registered endpoints with their delivered and pending messages')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      const list = await withSession((s) => s.store.webhooks());
      print(opts.json, { webhooks: list.map(statusJson) }, () =>
        list.length === 0
          ? 'No webhooks registered.'
          : table([
              ['id', 'url', 'events', 'delivered', 'pending', 'failing', 'last error'],
              ...list.map((w) => [
                w.endpoint.id,
                w.endpoint.url,
                w.endpoint.events.join(','),
                String(w.delivered),
                String(w.pending),
                String(w.failing),
                w.lastError ?? '',
              ]),
            ]),
      );
    });

  webhook
    .command('remove')
    .description('remove an endpoint; its undelivered messages are dropped')
    .argument('<id>', 'the endpoint id (wh_…)')
    .option('--json', 'print the result as JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      const removed = await withSession((s) => s.store.removeWebhook(id));
      if (!removed) throw new ObhutError('NOT_FOUND', `no webhook ${id}`);
      print(opts.json, { removed: id }, () => `Removed webhook ${id}.`);
    });

  webhook
    .command('deliver')
    .description(
      'deliver every due message once and exit (obhut serve does this continuously), for cron',
    )
    .option('--json', 'print the counts as JSON')
    .action(async (opts: { json?: boolean }) => {
      const result = await withSession((s) =>
        deliverAllDue({
          outbox: s.store,
          send: httpSender(),
          variable: namedVariable,
          ...webhookTiming(loadSettings()),
        }),
      );
      print(
        opts.json,
        result,
        () =>
          `Delivered ${result.delivered} messages; ${result.failed} attempts failed and wait for a retry.`,
      );
    });
}

/** Never the secret itself: `webhook list` output ends up in tickets and screenshots. */
function statusJson(w: WebhookEndpointStatus) {
  return {
    id: w.endpoint.id,
    url: w.endpoint.url,
    events: w.endpoint.events,
    secret: w.endpoint.secret.kind === 'stored' ? 'stored' : `env:${w.endpoint.secret.variable}`,
    createdAt: w.endpoint.createdAt,
    delivered: w.delivered,
    lastDeliveredAt: w.lastDeliveredAt ?? null,
    pending: w.pending,
    failing: w.failing,
    oldestPendingAt: w.oldestPendingAt ?? null,
    lastError: w.lastError ?? null,
  };
}
