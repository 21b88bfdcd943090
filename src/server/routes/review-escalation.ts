import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { authorize, project } from '../../authz/index.js';
import { pseudonymise } from '../../consent/index.js';
import { ObhutError } from '../../errors/index.js';
import {
  accessReport,
  approveUnmask,
  FLAG_CATEGORIES,
  type FlagResolution,
  ids,
  type LegalHold,
  mayUnmask,
  placeHold,
  type ReviewContext,
  type ReviewFlag,
  type ReviewItem,
  recordAccess,
  releaseHold,
  requestUnmask,
  resolveFlag,
  revealFlag,
  sweepRetention,
  taskAndItem,
  type UnmaskRequest,
  unmaskRaw,
  unmaskStatus,
} from '../../review/index.js';
import { errors } from '../schemas.js';
import { requireStaff } from '../staff-auth.js';
import { REVIEW_API, SECURITY, TAGS } from './review-session.js';
import {
  idParams,
  type ReviewRouteOptions,
  taskContent,
  taskContentProperties,
} from './review-tasks.js';

/** How trust_safety closes a flag (the design's outcomes) and what that does to the task. */
export const FLAG_OUTCOMES = {
  // Nothing wrong after all: the task goes back to the queue.
  no_action: 'requeue',
  // Reported to the authorities, or handed up (unmask, legal): the task leaves the queue.
  reported: 'remove',
  escalated: 'remove',
} as const satisfies Record<string, FlagResolution>;
type FlagOutcome = keyof typeof FLAG_OUTCOMES;

const flagSchema = {
  type: 'object',
  required: ['id', 'task_id', 'category', 'status', 'created_at'],
  properties: {
    id: { type: 'string' },
    task_id: { type: 'string' },
    category: { type: 'string', enum: FLAG_CATEGORIES },
    note: { type: ['string', 'null'] },
    status: { type: 'string', enum: ['open', 'resolved'] },
    created_at: { type: 'string' },
    outcome: { type: 'string' },
    resolved_by: { type: 'string' },
    resolved_at: { type: 'string' },
    resolved_note: { type: ['string', 'null'] },
  },
} as const;

const flaggedTaskSchema = {
  type: 'object',
  required: ['id', 'kind', 'status', 'labels'],
  properties: taskContentProperties,
} as const;

const unmaskSchema = {
  type: 'object',
  required: ['id', 'task_id', 'requested_by', 'approvals', 'status'],
  properties: {
    id: { type: 'string' },
    task_id: { type: 'string' },
    requested_by: { type: 'string' },
    justification: { type: 'string' },
    approvals: { type: 'array', items: { type: 'string' } },
    status: { type: 'string', enum: ['pending', 'approved', 'expired'] },
    created_at: { type: 'string' },
    expires_at: { type: 'string' },
  },
} as const;

const provenanceSchema = {
  type: 'object',
  properties: {
    record_id: { type: 'string' },
    source_url: { type: 'string' },
    dataset: { type: 'string' },
    collected_at: { type: 'string' },
    collector: { type: 'string' },
    license: { type: 'string' },
    created_at: { type: 'string' },
    visibility: { type: 'string' },
    subject: { type: 'string' },
  },
} as const;

const holdSchema = {
  type: 'object',
  required: ['id', 'reason', 'created_by', 'created_at'],
  properties: {
    id: { type: 'string' },
    item_id: { type: 'string' },
    subject: { type: 'string' },
    reason: { type: 'string' },
    created_by: { type: 'string' },
    created_at: { type: 'string' },
    released_by: { type: 'string' },
    released_at: { type: 'string' },
  },
} as const;

const subjectQuery = {
  platform: { type: 'string', minLength: 1, maxLength: 64 },
  account: { type: 'string', minLength: 1, maxLength: 256 },
} as const;

/**
 * trust_safety's flags (list, read, reveal, resolve), break-glass unmasking, the privacy
 * officer's per-subject access report, legal holds and the admin's retention sweep.
 */
export const reviewEscalationRoutes: FastifyPluginAsync<ReviewRouteOptions> = async (app, opts) => {
  registerRoutes(app, opts, { store: opts.store, log: opts.log, home: opts.home });
};

function registerRoutes(app: FastifyInstance, opts: ReviewRouteOptions, ctx: ReviewContext) {
  const { store } = opts;
  const tags = TAGS;
  const security = SECURITY;

  app.get<{ Querystring: { status?: 'open' | 'resolved' } }>(`${REVIEW_API}/flags`, {
    onRequest: requireStaff('list', 'Flag'),
    schema: {
      tags,
      security,
      summary: 'Flagged tasks, oldest first (trust & safety)',
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: { status: { type: 'string', enum: ['open', 'resolved'] } },
      },
      response: {
        200: {
          type: 'object',
          required: ['flags'],
          properties: { flags: { type: 'array', items: flagSchema } },
        },
        ...errors(400, 401, 403),
      },
    },
    handler: async (req) => ({
      flags: (await store.review.flags(req.query.status)).map((f) =>
        project(req.ability!, 'list', 'Flag', flagSummary(f)),
      ),
    }),
  });

  app.get<{ Params: { id: string } }>(`${REVIEW_API}/flags/:id`, {
    onRequest: requireStaff('read', 'Flag'),
    schema: {
      tags,
      security,
      summary: "A flag with its task's redacted view (logged as a view)",
      params: idParams(ids.FLAG_ID),
      response: {
        200: {
          type: 'object',
          required: ['flag', 'task'],
          properties: { flag: flagSchema, task: flaggedTaskSchema },
        },
        ...errors(400, 401, 403, 404, 410),
      },
    },
    handler: async (req) => {
      const me = req.staff!;
      const flag = await getFlag(ctx, req.params.id);
      const { task, item } = await taskAndItem(store, flag.task);
      if (item.view === undefined)
        throw new ObhutError('NOT_FOUND', 'the redacted view of this item was deleted');
      const object = {
        ...flagSummary(flag),
        task: await taskContent(ctx.home, task, item, item.view),
      };
      authorize(req.ability!, 'read', 'Flag', object);
      // The redacted content is shown: an access like any other, logged before it goes out.
      await recordAccess(ctx.log, {
        actor: me.id,
        task: task.id,
        subject: item.subject,
        action: 'view',
        at: new Date(),
      });
      const { task: view, ...summary } = project(req.ability!, 'read', 'Flag', object);
      return { flag: summary, task: view };
    },
  });

  app.post<{ Params: { id: string } }>(`${REVIEW_API}/flags/:id/reveal`, {
    onRequest: requireStaff('reveal', 'Flag'),
    schema: {
      tags,
      security,
      summary: "A flagged item's provenance: where the record came from (logged as reveal)",
      params: idParams(ids.FLAG_ID),
      body: { type: ['object', 'null'], additionalProperties: false, properties: {} },
      response: {
        200: {
          type: 'object',
          required: ['provenance'],
          properties: { provenance: provenanceSchema, flag: flagSchema },
        },
        ...errors(400, 401, 403, 404),
      },
    },
    handler: async (req) => {
      const me = req.staff!;
      const existing = await getFlag(ctx, req.params.id);
      authorize(req.ability!, 'reveal', 'Flag', flagSummary(existing));
      // Logged as `reveal` before anything is read out.
      const { flag: revealedFlag, item } = await revealFlag(ctx, {
        flag: existing.id,
        actor: me.id,
      });
      const raw = await store.review.rawPart(item.id);
      const provenance = project(
        req.ability!,
        'read',
        'Provenance',
        provenanceOf(item, raw?.record),
      );
      // The raw text and the original recording stay behind a two-approval unmask.
      const flag = project(req.ability!, 'reveal', 'Flag', {
        ...flagSummary(revealedFlag),
        provenance,
      });
      const { provenance: shown, ...summary } = flag;
      return { provenance: shown ?? {}, flag: summary };
    },
  });

  app.post<{ Params: { id: string }; Body: { outcome: FlagOutcome; note?: string } }>(
    `${REVIEW_API}/flags/:id/resolve`,
    {
      onRequest: requireStaff('resolve', 'Flag'),
      schema: {
        tags,
        security,
        summary:
          'Close a flag: no_action puts the task back in the queue, reported and escalated take it out',
        params: idParams(ids.FLAG_ID),
        body: {
          type: 'object',
          required: ['outcome'],
          additionalProperties: false,
          properties: {
            outcome: { type: 'string', enum: Object.keys(FLAG_OUTCOMES) },
            note: { type: 'string', maxLength: 2_000 },
          },
        },
        response: {
          200: { type: 'object', required: ['flag'], properties: { flag: flagSchema } },
          ...errors(400, 401, 403, 404, 409),
        },
      },
      handler: async (req) => {
        const me = req.staff!;
        const existing = await getFlag(ctx, req.params.id);
        authorize(req.ability!, 'resolve', 'Flag', flagSummary(existing));
        // The note is kept with the flag (plain text) and shown to trust_safety as `resolved_note`.
        const resolved = await resolveFlag(ctx, {
          flag: existing.id,
          actor: me.id,
          resolution: FLAG_OUTCOMES[req.body.outcome],
          ...(req.body.note === undefined ? {} : { note: req.body.note }),
        });
        return {
          flag: project(req.ability!, 'read', 'Flag', {
            ...flagSummary(resolved),
            outcome: req.body.outcome,
          }),
        };
      },
    },
  );

  app.post<{ Body: { task_id: string; justification: string } }>(`${REVIEW_API}/unmask`, {
    onRequest: requireStaff('request', 'Unmask'),
    schema: {
      tags,
      security,
      summary: "Ask to see who a task's subject is; two others must approve (break-glass)",
      body: {
        type: 'object',
        required: ['task_id', 'justification'],
        additionalProperties: false,
        properties: {
          task_id: { type: 'string', pattern: ids.TASK_ID.source },
          justification: { type: 'string', minLength: 1, maxLength: 2_000 },
        },
      },
      response: {
        201: { type: 'object', required: ['request'], properties: { request: unmaskSchema } },
        ...errors(400, 401, 403, 404),
      },
    },
    handler: async (req, reply) => {
      const me = req.staff!;
      const request = await requestUnmask(ctx, {
        task: req.body.task_id,
        actor: me.id,
        justification: req.body.justification,
      });
      req.log.info({ staff: me.id, unmask: request.id }, 'unmask requested');
      return reply.code(201).send({
        request: project(req.ability!, 'read', 'Unmask', unmaskView(request, Date.now())),
      });
    },
  });

  app.post<{ Params: { id: string } }>(`${REVIEW_API}/unmask/:id/approve`, {
    onRequest: requireStaff('approve', 'Unmask'),
    schema: {
      tags,
      security,
      summary: 'Approve an unmask request (not your own, once each)',
      params: idParams(ids.UNMASK_ID),
      body: { type: ['object', 'null'], additionalProperties: false, properties: {} },
      response: {
        200: { type: 'object', required: ['request'], properties: { request: unmaskSchema } },
        ...errors(400, 401, 403, 404, 409),
      },
    },
    handler: async (req) => {
      const me = req.staff!;
      const existing = await getUnmask(ctx, req.params.id);
      const now = new Date();
      authorize(req.ability!, 'approve', 'Unmask', unmaskView(existing, now.getTime()));
      const approved = await approveUnmask(ctx, { request: existing.id, actor: me.id, now });
      req.log.info({ staff: me.id, unmask: approved.id }, 'unmask approved');
      return {
        request: project(req.ability!, 'read', 'Unmask', unmaskView(approved, now.getTime())),
      };
    },
  });

  app.get<{ Params: { id: string } }>(`${REVIEW_API}/unmask/:id`, {
    onRequest: requireStaff('read', 'Unmask'),
    schema: {
      tags,
      security,
      summary:
        "An unmask request; its requester also gets the subject's identity while the approval lasts (logged as unmask)",
      params: idParams(ids.UNMASK_ID),
      response: {
        200: {
          type: 'object',
          required: ['request'],
          properties: {
            request: unmaskSchema,
            identity: {
              type: 'object',
              required: ['platform', 'account'],
              properties: { platform: { type: 'string' }, account: { type: 'string' } },
            },
          },
        },
        ...errors(400, 401, 403, 404),
      },
    },
    handler: async (req) => {
      const me = req.staff!;
      const request = await getUnmask(ctx, req.params.id);
      const now = new Date();
      const view = unmaskView(request, now.getTime());
      authorize(req.ability!, 'read', 'Unmask', view);
      let identity: { platform: string; account: string } | undefined;
      if (mayUnmask(request, me.id, now.getTime())) {
        try {
          // Logged as `unmask` before the identity is read out.
          const raw = await unmaskRaw(ctx, { request: request.id, actor: me.id, now });
          identity = identityOf(raw.record);
        } catch (err) {
          // The raw part was deleted (retention): the request stands, without an identity.
          if (!(err instanceof ObhutError && err.code === 'NOT_FOUND')) throw err;
        }
      }
      const shown = project(req.ability!, 'read', 'Unmask', {
        ...view,
        ...(identity === undefined ? {} : { identity }),
      });
      const { identity: who, ...rest } = shown;
      return { request: rest, ...(who === undefined ? {} : { identity: who }) };
    },
  });

  app.get<{ Querystring: { platform: string; account: string } }>(`${REVIEW_API}/audit/subject`, {
    onRequest: requireStaff('read', 'Audit'),
    schema: {
      tags,
      security,
      summary: "Who accessed a subject's review items, and how: from the transparency log",
      querystring: {
        type: 'object',
        required: ['platform', 'account'],
        additionalProperties: false,
        properties: subjectQuery,
      },
      response: {
        200: {
          type: 'object',
          required: ['subject', 'events'],
          properties: {
            subject: { type: 'string' },
            events: {
              type: 'array',
              items: {
                type: 'object',
                required: ['at', 'actor', 'task', 'action', 'log_index'],
                properties: {
                  at: { type: 'string' },
                  actor: { type: 'string' },
                  task: { type: 'string' },
                  action: { type: 'string' },
                  log_index: { type: 'integer' },
                },
              },
            },
          },
        },
        ...errors(400, 401, 403),
      },
    },
    handler: async (req) => {
      const subject = pseudonymise(opts.secret, {
        platform: req.query.platform,
        account: req.query.account,
      });
      const records = await accessReport(store, subject);
      req.log.info({ staff: req.staff!.id, events: records.length }, 'access report read');
      return {
        subject,
        events: records.map((r) => ({
          at: r.at,
          actor: r.actor,
          task: r.task,
          action: r.action,
          log_index: r.logIndex,
        })),
      };
    },
  });

  app.get(`${REVIEW_API}/holds`, {
    onRequest: requireStaff('list', 'Hold'),
    schema: {
      tags,
      security,
      summary: 'The active legal holds, newest first',
      response: {
        200: {
          type: 'object',
          required: ['holds'],
          properties: { holds: { type: 'array', items: holdSchema } },
        },
        ...errors(401, 403),
      },
    },
    handler: async (req) => {
      const holds = await store.review.holds({ active: true });
      req.log.info({ staff: req.staff!.id, holds: holds.length }, 'legal holds listed');
      return {
        holds: holds
          .map(holdView)
          .sort((a, b) => b.created_at.localeCompare(a.created_at) || a.id.localeCompare(b.id)),
      };
    },
  });

  app.post<{
    Body: {
      item_id?: string;
      subject_platform?: string;
      subject_account?: string;
      reason: string;
    };
  }>(`${REVIEW_API}/holds`, {
    onRequest: requireStaff('create', 'Hold'),
    schema: {
      tags,
      security,
      summary: "Place a legal hold on one item or on all of one subject's items",
      body: {
        type: 'object',
        required: ['reason'],
        additionalProperties: false,
        properties: {
          item_id: { type: 'string', pattern: ids.ITEM_ID.source },
          subject_platform: subjectQuery.platform,
          subject_account: subjectQuery.account,
          reason: { type: 'string', minLength: 1, maxLength: 500 },
        },
      },
      response: {
        201: { type: 'object', required: ['hold'], properties: { hold: holdSchema } },
        ...errors(400, 401, 403, 404),
      },
    },
    handler: async (req, reply) => {
      const { item_id, subject_platform, subject_account, reason } = req.body;
      if ((subject_platform === undefined) !== (subject_account === undefined))
        throw new ObhutError(
          'REQUEST_INVALID',
          'a subject is named by subject_platform and subject_account together',
        );
      const subject =
        subject_platform === undefined || subject_account === undefined
          ? undefined
          : pseudonymise(opts.secret, { platform: subject_platform, account: subject_account });
      const hold = await placeHold(ctx, {
        ...(item_id === undefined ? {} : { item: item_id }),
        ...(subject === undefined ? {} : { subject }),
        reason,
        actor: req.staff!.id,
      });
      req.log.info({ staff: req.staff!.id, hold: hold.id }, 'legal hold placed');
      return reply.code(201).send({ hold: holdView(hold) });
    },
  });

  app.delete<{ Params: { id: string } }>(`${REVIEW_API}/holds/:id`, {
    onRequest: requireStaff('delete', 'Hold'),
    schema: {
      tags,
      security,
      summary: 'Release a legal hold',
      params: idParams(ids.HOLD_ID),
      response: { 204: { type: 'null' }, ...errors(400, 401, 403, 404) },
    },
    handler: async (req, reply) => {
      await releaseHold(ctx, { hold: req.params.id, actor: req.staff!.id });
      req.log.info({ staff: req.staff!.id, hold: req.params.id }, 'legal hold released');
      return reply.code(204).send();
    },
  });

  app.post(`${REVIEW_API}/retention/sweep`, {
    onRequest: requireStaff('sweep', 'Retention'),
    schema: {
      tags,
      security,
      summary: 'Delete review data past its retention period now (it also runs hourly)',
      body: { type: ['object', 'null'], additionalProperties: false, properties: {} },
      response: {
        200: {
          type: 'object',
          required: ['removed'],
          properties: {
            removed: {
              type: 'object',
              required: ['raw', 'derived', 'items'],
              properties: {
                raw: { type: 'integer' },
                derived: { type: 'integer' },
                items: { type: 'array', items: { type: 'string' } },
              },
            },
          },
        },
        ...errors(400, 401, 403),
      },
    },
    handler: async (req) => {
      const result = await sweepRetention(
        { store, log: opts.log, config: { home: opts.home } },
        opts.retention ?? {},
      );
      req.log.info(
        { staff: req.staff!.id, raw: result.raw.length, derived: result.derived.length },
        'retention sweep',
      );
      return {
        removed: {
          raw: result.raw.length,
          derived: result.derived.length,
          items: [...new Set([...result.derived, ...result.raw])],
        },
      };
    },
  });
}

async function getFlag(ctx: ReviewContext, id: string): Promise<ReviewFlag> {
  const flag = await ctx.store.review.getFlag(id);
  if (!flag) throw new ObhutError('NOT_FOUND', `no flag ${id}`);
  return flag;
}

async function getUnmask(ctx: ReviewContext, id: string): Promise<UnmaskRequest> {
  const request = await ctx.store.review.getUnmask(id);
  if (!request) throw new ObhutError('NOT_FOUND', `no unmask request ${id}`);
  return request;
}

function flagSummary(f: ReviewFlag) {
  return {
    id: f.id,
    task_id: f.task,
    category: f.category,
    note: f.note ?? null,
    status: f.status,
    created_at: f.createdAt,
    ...(f.resolvedBy === undefined ? {} : { resolved_by: f.resolvedBy }),
    ...(f.resolvedAt === undefined ? {} : { resolved_at: f.resolvedAt }),
    ...(f.status === 'resolved' ? { resolved_note: f.resolvedNote ?? null } : {}),
  };
}

/** An unmask request as the policy's conditions and field rules read it. */
function unmaskView(r: UnmaskRequest, nowMs: number) {
  return {
    id: r.id,
    task_id: r.task,
    requested_by: r.requester,
    justification: r.justification,
    approvals: [...r.approvers],
    status: unmaskStatus(r, nowMs),
    created_at: r.createdAt,
    ...(r.expiresAt === undefined ? {} : { expires_at: r.expiresAt }),
  };
}

/** Where a record came from, from its `source` block; the subject as its pseudonym only. */
function provenanceOf(item: ReviewItem, record: Record<string, unknown> | undefined) {
  const source = isObject(record?.source) ? record.source : {};
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const fields = {
    record_id: text(record?.id),
    source_url: text(source.url),
    dataset: text(source.dataset),
    collected_at: text(source.collected_at),
    collector: text(source.collector),
    license: text(source.license),
    created_at: text(record?.created_at),
    visibility: text(record?.visibility),
    subject: item.subject,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

function identityOf(
  record: Record<string, unknown> | undefined,
): { platform: string; account: string } | undefined {
  const subject = record?.subject;
  if (!isObject(subject)) return undefined;
  const { platform, account } = subject;
  return typeof platform === 'string' && typeof account === 'string'
    ? { platform, account }
    : undefined;
}

function holdView(h: LegalHold) {
  return {
    id: h.id,
    ...(h.item === undefined ? {} : { item_id: h.item }),
    ...(h.subject === undefined ? {} : { subject: h.subject }),
    reason: h.reason,
    created_by: h.createdBy,
    created_at: h.createdAt,
    ...(h.releasedBy === undefined ? {} : { released_by: h.releasedBy }),
    ...(h.releasedAt === undefined ? {} : { released_at: h.releasedAt }),
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
