import { secretKey, signMessage } from './signature.js';
import type { OutboxMessage, WebhookEndpoint, WebhookOutbox } from './webhook-store.js';

/** Sends one signed message; the adapter (`http-sender.ts`) bounds time and response size. */
export type WebhookSend = (
  url: string,
  headers: Readonly<Record<string, string>>,
  body: string,
) => Promise<{ readonly ok: true } | { readonly ok: false; readonly error: string }>;

export interface DeliveryOptions {
  readonly outbox: WebhookOutbox;
  readonly send: WebhookSend;
  /** Looks up a `--secret-env` variable. */
  readonly variable: (name: string) => string | undefined;
  readonly now?: () => number;
  /** Messages claimed per round (default 32). */
  readonly batch?: number;
  /**
   * How long a claimed message is not handed to another deliverer (default 20 s): longer than
   * one attempt may take (10 s), short enough that a crashed deliverer's claims soon lapse.
   */
  readonly leaseMs?: number;
  /**
   * The wait before the first retry (default FIRST_RETRY_MS); each further one doubles it.
   * OBHUT_WEBHOOK_FIRST_RETRY_MS sets it, so crash and retry tests need not wait seconds.
   */
  readonly firstRetryMs?: number;
}

export interface DeliveryRound {
  readonly delivered: number;
  readonly failed: number;
}

/** The first retry waits this long; every further one twice as long, up to an hour. */
export const FIRST_RETRY_MS = 2_000;
export const MAX_RETRY_MS = 60 * 60 * 1000;
const DEFAULT_LEASE_MS = 20_000;

/**
 * When to try again after the `attempts`-th failed attempt (1, 2, …): `firstMs`, twice that, four
 * times … up to 1 h; with the default 2 s, 4 s, 8 s … 1 h.
 */
export function retryDelayMs(attempts: number, firstMs: number = FIRST_RETRY_MS): number {
  return Math.min(firstMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30), MAX_RETRY_MS);
}

/**
 * One delivery round: claims the due messages (the oldest undelivered of each endpoint and
 * subject), sends them at once, and records each outcome. A message leaves the outbox only on a
 * 2xx answer, so every message arrives at least once; a later message of the same subject is
 * not claimed while an earlier one is undelivered, so each subject's messages arrive in log order.
 */
export async function deliverDue(options: DeliveryOptions): Promise<DeliveryRound> {
  const now = options.now ?? Date.now;
  const start = now();
  const claimed = await options.outbox.claimWebhookMessages(
    start,
    start + (options.leaseMs ?? DEFAULT_LEASE_MS),
    options.batch ?? 32,
  );
  if (claimed.length === 0) return { delivered: 0, failed: 0 };
  const endpoints = new Map((await options.outbox.webhookEndpoints()).map((e) => [e.id, e]));
  const outcomes = await Promise.all(
    claimed.map((m) => deliverOne(m, endpoints.get(m.endpointId), options, now)),
  );
  return {
    delivered: outcomes.filter((ok) => ok).length,
    failed: outcomes.filter((ok) => !ok).length,
  };
}

async function deliverOne(
  message: OutboxMessage,
  endpoint: WebhookEndpoint | undefined,
  options: DeliveryOptions,
  now: () => number,
): Promise<boolean> {
  const fail = async (error: string) => {
    const attempts = message.attempts + 1;
    await options.outbox.webhookFailed(
      message.seq,
      now() + retryDelayMs(attempts, options.firstRetryMs),
      error,
    );
    return false;
  };
  // Removed between the claim and now; its messages went with it.
  if (!endpoint) return false;
  const secret =
    endpoint.secret.kind === 'stored'
      ? endpoint.secret.value
      : options.variable(endpoint.secret.variable);
  if (secret === undefined)
    return fail(`the variable ${(endpoint.secret as { variable: string }).variable} is not set`);
  const key = secretKey(secret);
  if (!key.ok) return fail(key.error);
  const headers = signMessage(key.key, message.messageId, Math.floor(now() / 1000), message.body);
  const sent = await options.send(endpoint.url, { ...headers }, message.body);
  if (!sent.ok) return fail(sent.error);
  await options.outbox.webhookDelivered(message.seq, endpoint.id, new Date(now()).toISOString());
  return true;
}

/** Runs rounds until one finds nothing due: what `obhut webhook deliver` does once. */
export async function deliverAllDue(
  options: DeliveryOptions,
): Promise<{ delivered: number; failed: number }> {
  let delivered = 0;
  let failed = 0;
  for (;;) {
    const round = await deliverDue(options);
    delivered += round.delivered;
    failed += round.failed;
    // A failed message is not due again this run; stop when a round delivered nothing new.
    if (round.delivered === 0) return { delivered, failed };
  }
}
