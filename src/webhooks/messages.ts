import type { WebhookEventType } from './event-types.js';

/**
 * What goes into the outbox for one event: the body every subscribed endpoint receives. Bodies
 * hold what the public log holds (pseudonyms, digests and ids), never an account or address:
 * an endpoint is another system with its own logs and retention, and a person's erasure must
 * not depend on every receiver having deleted what we sent it.
 */
export interface WebhookMessage {
  readonly id: string;
  readonly eventType: WebhookEventType;
  /** Messages with one key reach an endpoint in the order they were written (log order). */
  readonly orderKey: string;
  readonly body: string;
}

/** Log entries become messages; `null` for the kinds no endpoint can subscribe to. */
const FROM_LOG: Record<
  string,
  { eventType: WebhookEventType; orderKey: (e: LogEntryFields) => string } | null
> = {
  consent_event: { eventType: 'consent', orderKey: (e) => subjectKey(e.subject) },
  // A link changes which identities a decision covers, so it travels with the decisions.
  identity_link: { eventType: 'consent', orderKey: (e) => subjectKey(e.subjects?.[0]) },
  build: { eventType: 'build', orderKey: () => 'builds' },
};

interface LogEntryFields {
  readonly type?: unknown;
  readonly subject?: string;
  readonly subjects?: readonly string[];
  readonly action?: string;
}

const LOG_TYPE_NAMES: Record<string, (e: LogEntryFields) => string> = {
  consent_event: () => 'consent.recorded',
  identity_link: (e) => (e.action === 'unlink' ? 'identity.unlinked' : 'identity.linked'),
  build: () => 'build.logged',
};

function subjectKey(subject: string | undefined): string {
  return `subject:${subject ?? 'unknown'}`;
}

/**
 * The message for a log entry (its canonical JSON bytes) at `index`, or undefined when its kind
 * is not delivered (findings, accesses, deletions). The body carries the entry as logged, so a
 * receiver can check it against the public log with an inclusion proof for `checkpoint_size`.
 */
export function messageForLogEntry(
  entry: Uint8Array,
  index: number,
  checkpointSize: number,
  recordedAt: string,
): WebhookMessage | undefined {
  let fields: LogEntryFields;
  try {
    fields = JSON.parse(Buffer.from(entry).toString('utf8')) as LogEntryFields;
  } catch {
    return undefined;
  }
  const type = typeof fields.type === 'string' ? fields.type : '';
  const route = FROM_LOG[type];
  const name = LOG_TYPE_NAMES[type];
  if (!route || !name) return undefined;
  return {
    id: `msg_log_${index}`,
    eventType: route.eventType,
    orderKey: route.orderKey(fields),
    body: JSON.stringify({
      type: name(fields),
      timestamp: recordedAt,
      data: { log_index: index, checkpoint_size: checkpointSize, entry: fields },
    }),
  };
}

/** What a webhook needs of a decision that reached registered models (lineage/model-impact.ts). */
export interface ModelImpactFields {
  readonly subject: string;
  readonly purpose: string;
  readonly log_index: number;
  readonly models: readonly {
    readonly name: string;
    readonly version: string;
    readonly build_ids: readonly string[];
  }[];
}

/**
 * The message for an objection or withdrawal logged at `log_index` whose person is in builds
 * that registered models were trained on. One per decision, naming every such model; its id
 * names the decision's log index, so a second copy can be dropped. It shares the subject's
 * order key with the `consent` message of the same entry and is written after it.
 */
export function messageForModelImpact(
  impact: ModelImpactFields,
  checkpointSize: number,
  recordedAt: string,
): WebhookMessage {
  return {
    id: `msg_model_impact_${impact.log_index}`,
    eventType: 'model_impact',
    orderKey: subjectKey(impact.subject),
    body: JSON.stringify({
      type: 'model_impact.detected',
      timestamp: recordedAt,
      data: {
        log_index: impact.log_index,
        checkpoint_size: checkpointSize,
        subject: impact.subject,
        purpose: impact.purpose,
        models: impact.models.map((m) => ({
          name: m.name,
          version: m.version,
          build_ids: [...m.build_ids],
        })),
      },
    }),
  };
}

/** What a webhook needs of an erasure request: ids and times, never the person's message. */
export interface ErasureRequestFields {
  readonly id: string;
  readonly subject: string;
  readonly status: string;
  readonly receivedAt: string;
  readonly deadline: string;
}

/**
 * The message for an erasure request that was received or changed status. Its id names the
 * status, so a receiver that sees the same status twice can drop the second.
 */
export function messageForErasure(request: ErasureRequestFields, at: string): WebhookMessage {
  return {
    id: `msg_request_${request.id}_${request.status}`,
    eventType: 'erasure',
    orderKey: subjectKey(request.subject),
    body: JSON.stringify({
      type: `erasure.${request.status}`,
      timestamp: at,
      data: {
        request_id: request.id,
        subject: request.subject,
        status: request.status,
        received_at: request.receivedAt,
        deadline: request.deadline,
      },
    }),
  };
}
