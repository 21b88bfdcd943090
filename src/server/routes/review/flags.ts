import type { FastifyInstance } from 'fastify';
import {
  closeFlag,
  FLAG_CATEGORIES,
  FLAG_OUTCOME_EFFECTS,
  FLAG_STATUSES,
  type FlagCategory,
  type FlagOutcome,
  type FlagStatus,
  ids,
  listFlags,
  type ReviewContext,
  readFlag,
  revealProvenance,
} from '../../../review/index.js';
import {
  type PageQuery,
  pagedAnswerSchema,
  pagedQuerySchema,
  pageOfQuery,
} from '../../../review/page-schema.js';
import { errors } from '../../schemas.js';
import { requireStaff } from '../../staff-auth.js';
import { actorOf, idParams, REVIEW_API, SECURITY, TAGS } from './common.js';
import { taskContentProperties } from './schemas.js';

const tags = TAGS;
const security = SECURITY;
const flagParams = idParams(ids.FLAG_ID);
const noBody = { type: ['object', 'null'], additionalProperties: false, properties: {} } as const;

const flagSchema = {
  type: 'object',
  required: ['id', 'task_id', 'category', 'status', 'created_at'],
  properties: {
    id: { type: 'string' },
    task_id: { type: 'string' },
    category: { type: 'string', enum: FLAG_CATEGORIES },
    note: { type: ['string', 'null'] },
    status: { type: 'string', enum: FLAG_STATUSES },
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

/** trust_safety's flags: list, read, reveal the provenance, resolve. */
export function registerFlagRoutes(app: FastifyInstance, ctx: ReviewContext) {
  app.get<{ Querystring: PageQuery & { status?: FlagStatus; category?: FlagCategory } }>(
    `${REVIEW_API}/flags`,
    {
      onRequest: requireStaff('list', 'Flag'),
      schema: {
        operationId: 'listFlags',
        tags,
        security,
        summary:
          'Flagged tasks, oldest first, by status and category, a page at a time (trust & safety)',
        querystring: pagedQuerySchema({
          status: { type: 'string', enum: FLAG_STATUSES },
          category: { type: 'string', enum: FLAG_CATEGORIES },
        }),
        response: {
          200: pagedAnswerSchema('flags', flagSchema),
          ...errors(400, 401, 403),
        },
      },
      handler: async (req) =>
        listFlags(ctx, actorOf(req), {
          status: req.query.status,
          category: req.query.category,
          ...pageOfQuery(req.query),
        }),
    },
  );

  app.get<{ Params: { id: string } }>(`${REVIEW_API}/flags/:id`, {
    onRequest: requireStaff('read', 'Flag'),
    schema: {
      tags,
      security,
      operationId: 'getFlag',
      summary: "A flag with its task's redacted view (logged as a view)",
      params: flagParams,
      response: {
        200: {
          type: 'object',
          required: ['flag', 'task'],
          properties: { flag: flagSchema, task: flaggedTaskSchema },
        },
        ...errors(400, 401, 403, 404, 410),
      },
    },
    handler: async (req) => readFlag(ctx, actorOf(req), req.params.id),
  });

  app.post<{ Params: { id: string } }>(`${REVIEW_API}/flags/:id/reveal`, {
    onRequest: requireStaff('reveal', 'Flag'),
    schema: {
      tags,
      security,
      operationId: 'revealFlagProvenance',
      summary: "A flagged item's provenance: where the record came from (logged as reveal)",
      params: flagParams,
      body: noBody,
      response: {
        200: {
          type: 'object',
          required: ['provenance'],
          properties: { provenance: provenanceSchema, flag: flagSchema },
        },
        ...errors(400, 401, 403, 404),
      },
    },
    handler: async (req) => revealProvenance(ctx, actorOf(req), req.params.id),
  });

  app.post<{ Params: { id: string }; Body: { outcome: FlagOutcome; note?: string } }>(
    `${REVIEW_API}/flags/:id/resolve`,
    {
      onRequest: requireStaff('resolve', 'Flag'),
      schema: {
        tags,
        security,
        operationId: 'resolveFlag',
        summary:
          'Close a flag: no_action puts the task back in the queue, reported and escalated take it out',
        params: flagParams,
        body: {
          type: 'object',
          required: ['outcome'],
          additionalProperties: false,
          properties: {
            outcome: { type: 'string', enum: Object.keys(FLAG_OUTCOME_EFFECTS) },
            note: { type: 'string', maxLength: 2_000 },
          },
        },
        response: {
          200: { type: 'object', required: ['flag'], properties: { flag: flagSchema } },
          ...errors(400, 401, 403, 404, 409),
        },
      },
      handler: async (req) => ({
        flag: await closeFlag(ctx, actorOf(req), req.params.id, req.body),
      }),
    },
  );
}
