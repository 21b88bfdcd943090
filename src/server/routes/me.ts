import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  EMAIL_PLATFORM,
  linkedStatus,
  recordConsentEvent,
  type StoredIdentityLink,
  stateAfter,
} from '../../consent/index.js';
import type { SubjectRequest } from '../../consent/subject-requests.js';
import { ObhutError } from '../../errors/index.js';
import type { PortalSessions, SessionClaims } from '../../identity/index.js';
import {
  decodeEntry,
  parseDecimal,
  type Receipt,
  receiptAsTlogProof,
  type TransparencyLog,
} from '../../log/index.js';
import type { ConsentAction, ConsentChannel, Purpose } from '../../records/index.js';
import type { Store } from '../../store/index.js';
import { requireSession, sessionOf } from '../auth.js';
import { actionEnum, errors, purposeEnum } from '../schemas.js';

export interface MeRouteOptions {
  readonly store: Store;
  readonly log: TransparencyLog;
  readonly secret: Buffer;
  readonly tokens: PortalSessions;
  readonly eventsPerMinute: number;
}

/** Actions the portal offers; consent is asked for AI training only (the scope). */
const OFFERED: Record<Purpose, readonly ConsentAction[]> = {
  ai_training: ['object', 'revoke_objection', 'consent', 'withdraw_consent'],
  human_review: ['object', 'revoke_objection'],
};

const MONTH_MS = 30 * 24 * 60 * 60 * 1000;

/** The log channel of a decision made in a session; a canary session's decisions say so. */
const CHANNEL_OF_SESSION: Record<SessionClaims['via'], ConsentChannel> = {
  email: 'email',
  canary: 'canary',
  platform: 'portal',
};

/** Everything a signed-in person can see and do, always about themselves only. */
export async function meRoutes(app: FastifyInstance, opts: MeRouteOptions) {
  const { store, log } = opts;
  const tags = ['me'];
  const security = [{ session: [] }];
  // onRequest: a caller without a session is refused before the body is read or validated.
  app.addHook('onRequest', requireSession(opts.tokens));
  const me = (req: FastifyRequest): SessionClaims => req.subjectSession!;

  app.get('/api/v1/me', {
    schema: {
      tags,
      security,
      operationId: 'getMyState',
      summary:
        'Your current state per purpose, each with the receipt of the deciding event, and the identities it covers',
      response: {
        200: {
          type: 'object',
          required: ['signed_in_by', 'identities', 'purposes'],
          properties: {
            signed_in_by: { type: 'string', enum: ['platform', 'email'] },
            identities: {
              description:
                'The identities linked to the one you signed in with (itself first): a decision of any of them is a decision for all',
              type: 'array',
              items: {
                type: 'object',
                required: ['kind', 'platform', 'current'],
                properties: {
                  kind: { type: 'string', enum: ['email', 'account'] },
                  platform: { type: ['string', 'null'] },
                  current: { type: 'boolean' },
                },
              },
            },
            purposes: {
              type: 'array',
              items: {
                type: 'object',
                required: ['purpose', 'state', 'since', 'receipt'],
                properties: {
                  purpose: purposeEnum,
                  state: { type: 'string', enum: ['objected', 'consented', 'none'] },
                  since: { type: ['string', 'null'] },
                  receipt: { anyOf: [{ $ref: 'Receipt#' }, { type: 'null' }] },
                },
              },
            },
          },
        },
        ...errors(401),
      },
    },
    handler: async (req) => {
      const { sub, via } = me(req);
      const status = await linkedStatus(store, sub, Date.now());
      const others = status.identities.filter((x) => x !== sub);
      return {
        signed_in_by: via === 'email' ? 'email' : 'platform',
        identities: [
          {
            ...identityView(sub, status.links),
            kind: via === 'email' ? 'email' : 'account',
            current: true,
          },
          ...others.map((x) => identityView(x, status.links)),
        ],
        purposes: await Promise.all(
          status.purposes.map(async (p) => ({
            purpose: p.purpose,
            state: p.state,
            since: p.decidingEvent?.at ?? null,
            receipt:
              p.decidingEvent?.logIndex === undefined
                ? null
                : await log.receiptAt(p.decidingEvent.logIndex),
          })),
        ),
      };
    },
  });

  app.post<{ Body: { purpose: Purpose; action: ConsentAction } }>('/api/v1/me/events', {
    config: {
      rateLimit: {
        max: opts.eventsPerMinute,
        timeWindow: '1 minute',
        // Per person, not per address: many people may share one address (a company's NAT).
        keyGenerator: async (req) => (await sessionOf(req, opts.tokens))?.sub ?? req.ip,
      },
    },
    schema: {
      tags,
      security,
      operationId: 'recordConsentEvent',
      summary:
        'Object, revoke an objection, consent or withdraw consent; answers once durable and logged',
      headers: {
        type: 'object',
        properties: { 'idempotency-key': { type: 'string', minLength: 8, maxLength: 128 } },
      },
      body: {
        type: 'object',
        required: ['purpose', 'action'],
        additionalProperties: false,
        properties: { purpose: purposeEnum, action: actionEnum },
      },
      response: {
        201: {
          type: 'object',
          required: ['event_id', 'state', 'receipt'],
          properties: {
            event_id: { type: 'string' },
            state: { type: 'string', enum: ['objected', 'consented', 'none'] },
            receipt: { $ref: 'Receipt#' },
          },
        },
        ...errors(400, 401, 422, 429),
      },
    },
    handler: async (req, reply) => {
      const { purpose, action } = req.body;
      if (!OFFERED[purpose].includes(action)) {
        throw new ObhutError('REQUEST_INVALID', `${action} is not offered for ${purpose}`);
      }
      const idempotencyKey = req.headers['idempotency-key'];
      const recorded = await recordConsentEvent(log, opts.secret, {
        who: { subject: me(req).sub },
        purpose,
        action,
        channel: CHANNEL_OF_SESSION[me(req).via],
        ...(typeof idempotencyKey === 'string' ? { idempotencyKey } : {}),
      });
      // A retry with the key is answered with the event it recorded first; the same key with
      // another decision is a client error, not that event (IETF idempotency-key draft).
      if (!recorded.ack.fresh) {
        const first = decodeEntry(recorded.ack.entry);
        if (
          !first.ok ||
          first.entry.type !== 'consent_event' ||
          first.entry.purpose !== purpose ||
          first.entry.action !== action
        ) {
          throw new ObhutError(
            'IDEMPOTENCY_KEY_REUSED',
            'this Idempotency-Key was used for a different request; use a new key',
          );
        }
      }
      return reply.code(201).send({
        event_id: recorded.event.key,
        state: stateAfter(recorded.event.action),
        receipt: recorded.receipt,
      });
    },
  });

  app.get<{
    Params: { index: string };
    Querystring: { format?: 'json' | 'tlog-proof'; download?: '1' };
  }>('/api/v1/me/receipts/:index', {
    schema: {
      tags,
      security,
      operationId: 'getMyReceipt',
      summary: 'A receipt for one of your own log entries, against the latest checkpoint',
      params: {
        type: 'object',
        properties: { index: { type: 'string', pattern: '^(0|[1-9][0-9]{0,15})$' } },
      },
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          format: { type: 'string', enum: ['json', 'tlog-proof'] },
          download: { type: 'string', enum: ['1'] },
        },
      },
      response: { 200: { $ref: 'Receipt#' }, ...errors(401, 404) },
    },
    handler: async (req, reply) => {
      const index = parseDecimal(req.params.index)!;
      const { identities } = await linkedStatus(store, me(req).sub, Date.now());
      const receipt = await ownReceipt(log, index, new Set(identities));
      const tlog = req.query.format === 'tlog-proof';
      if (req.query.download) {
        reply.header(
          'content-disposition',
          `attachment; filename="obhut-receipt-${index}.${tlog ? 'tlog-proof' : 'json'}"`,
        );
      }
      if (tlog) return reply.type('text/plain; charset=utf-8').send(receiptAsTlogProof(receipt));
      return receipt;
    },
  });

  app.post<{ Body: { kind: SubjectRequest['kind']; message?: string; notify_email?: string } }>(
    '/api/v1/me/requests',
    {
      schema: {
        tags,
        security,
        operationId: 'createMyRequest',
        summary: 'Ask for access to your data or for its erasure; answered within one month',
        body: {
          type: 'object',
          required: ['kind'],
          additionalProperties: false,
          properties: {
            kind: { type: 'string', enum: ['access', 'erasure'] },
            message: { type: 'string', maxLength: 2000 },
            notify_email: {
              description: 'Where to mail the answer as well (kept with the request only)',
              type: 'string',
              format: 'email',
              maxLength: 254,
            },
          },
        },
        response: { 201: { $ref: 'SubjectRequest#' }, ...errors(400, 401) },
      },
      handler: async (req, reply) => {
        const now = new Date();
        const request: SubjectRequest = {
          id: randomUUID(),
          subject: me(req).sub,
          kind: req.body.kind,
          status: 'received',
          message: req.body.message,
          receivedAt: now.toISOString(),
          deadline: oneMonthAfter(now).toISOString(),
          answer: undefined,
          answeredAt: undefined,
          notifyEmail: req.body.notify_email,
        };
        await store.createSubjectRequest(request);
        return reply.code(201).send(requestView(request));
      },
    },
  );

  app.get('/api/v1/me/requests', {
    schema: {
      tags,
      security,
      operationId: 'listMyRequests',
      summary: 'Your access and erasure requests',
      response: {
        200: {
          type: 'object',
          required: ['requests'],
          properties: { requests: { type: 'array', items: { $ref: 'SubjectRequest#' } } },
        },
        ...errors(401),
      },
    },
    handler: async (req) => {
      // A request made under any linked identity is the person's: it covers all of them.
      const { identities } = await linkedStatus(store, me(req).sub, Date.now());
      const all = (await Promise.all(identities.map((s) => store.subjectRequests(s)))).flat();
      all.sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0));
      return { requests: all.map(requestView) };
    },
  });
}

/** What the person is told of a linked identity: its kind and platform, never the account. */
function identityView(subject: string, links: readonly StoredIdentityLink[]) {
  let platform: string | null = null;
  for (const link of links) {
    const side = link.subjects.indexOf(subject);
    if (side >= 0) platform = link.platforms[side] ?? platform;
  }
  return {
    kind: platform === EMAIL_PLATFORM ? ('email' as const) : ('account' as const),
    platform: platform === EMAIL_PLATFORM ? null : platform,
    current: false,
  };
}

/** Receipts are only for the person the entry is about; others get the same 404 as a gap. */
async function ownReceipt(
  log: TransparencyLog,
  index: number,
  identities: ReadonlySet<string>,
): Promise<Receipt> {
  const size = await log.reader.size();
  if (index < size) {
    const decoded = decodeEntry(await log.reader.entry(index));
    const entry = decoded.ok ? decoded.entry : undefined;
    const own =
      (entry?.type === 'consent_event' && identities.has(entry.subject)) ||
      (entry?.type === 'identity_link' && entry.subjects.some((s) => identities.has(s)));
    if (own) return log.receiptAt(index);
  }
  throw new ObhutError('NOT_FOUND', 'no receipt of yours with that number');
}

/** GDPR Art. 12(3): one month from receipt; the same day next month, or the month's last day. */
export function oneMonthAfter(date: Date): Date {
  const next = new Date(date);
  next.setUTCMonth(date.getUTCMonth() + 1);
  if (next.getUTCDate() !== date.getUTCDate()) next.setUTCDate(0);
  return Number.isNaN(next.getTime()) ? new Date(date.getTime() + MONTH_MS) : next;
}

export function requestView(r: SubjectRequest) {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    message: r.message ?? null,
    received_at: r.receivedAt,
    deadline: r.deadline,
    answer: r.answer ?? null,
    assignee: r.assignee ?? null,
    notify_by_email: r.notifyEmail !== undefined,
  };
}
