import type { Generated } from 'kysely';

/** The webhook tables (migration 0020), kept apart from schema.ts as the review tables are. */
export interface WebhookTables {
  webhook_endpoints: WebhookEndpointTable;
  webhook_outbox: WebhookOutboxTable;
}

export interface WebhookEndpointTable {
  id: string;
  url: string;
  /** Subscribed event types, comma-separated in canonical order. */
  events: string;
  /** A generated `whsec_` secret; null when `secret_env` names the variable holding it. */
  secret: string | null;
  secret_env: string | null;
  created_at: string;
  delivered: Generated<number>;
  last_delivered_at: string | null;
}

export interface WebhookOutboxTable {
  seq: Generated<number>;
  endpoint_id: string;
  message_id: string;
  event_type: string;
  order_key: string;
  body: string;
  attempts: Generated<number>;
  next_attempt_ms: number;
  last_error: string | null;
  created_at: string;
}
