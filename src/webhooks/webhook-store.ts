import type { WebhookEventType } from './event-types.js';

/** An endpoint the operator registered. */
export interface WebhookEndpoint {
  /** `wh_` + 16 hex digits. */
  readonly id: string;
  readonly url: string;
  readonly events: readonly WebhookEventType[];
  /** Where the signing secret is: stored (generated at `webhook add`), or a variable's name. */
  readonly secret:
    | { readonly kind: 'stored'; readonly value: string }
    | { readonly kind: 'env'; readonly variable: string };
  readonly createdAt: string;
}

/** An endpoint with how its deliveries stand, for `obhut webhook list`. */
export interface WebhookEndpointStatus {
  readonly endpoint: WebhookEndpoint;
  readonly delivered: number;
  readonly lastDeliveredAt: string | undefined;
  /** Messages not yet delivered, and of those, how many have failed at least once. */
  readonly pending: number;
  readonly failing: number;
  readonly oldestPendingAt: string | undefined;
  readonly lastError: string | undefined;
}

/** A message for one endpoint, as the outbox holds it until the endpoint takes it. */
export interface OutboxMessage {
  readonly seq: number;
  readonly endpointId: string;
  /** The `webhook-id`: the same on every attempt, so a receiver can drop a second copy. */
  readonly messageId: string;
  readonly eventType: WebhookEventType;
  readonly orderKey: string;
  /** The JSON body, exactly as signed and sent. */
  readonly body: string;
  readonly attempts: number;
}

/** Where endpoints are registered. */
export interface WebhookRegistry {
  addWebhook(endpoint: WebhookEndpoint): Promise<void>;
  webhooks(): Promise<WebhookEndpointStatus[]>;
  /** Removes the endpoint and drops its undelivered messages; false when there is none. */
  removeWebhook(id: string): Promise<boolean>;
}

/**
 * The durable outbox. Rows are written by the store in the transaction that stores the event
 * (a log entry, an erasure request), so an event is never committed without its messages.
 */
export interface WebhookOutbox {
  /**
   * Claims up to `limit` due messages, each the oldest undelivered one of its endpoint and order
   * key, oldest first: a claimed message is not due again before `leaseUntilMs`, so two
   * deliverers (two servers, or the server and `obhut webhook deliver`) rarely send it twice.
   */
  claimWebhookMessages(
    nowMs: number,
    leaseUntilMs: number,
    limit: number,
  ): Promise<OutboxMessage[]>;
  /** The endpoint took the message: it leaves the outbox. */
  webhookDelivered(seq: number, endpointId: string, at: string): Promise<void>;
  /** The attempt failed: count it and try again at `nextAttemptMs`. */
  webhookFailed(seq: number, nextAttemptMs: number, error: string): Promise<void>;
  /** Every registered endpoint, to sign and address the claimed messages. */
  webhookEndpoints(): Promise<WebhookEndpoint[]>;
}
