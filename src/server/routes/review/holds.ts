import type { FastifyInstance } from 'fastify';
import {
  HOLD_STATES,
  type HoldState,
  ids,
  listHolds,
  placeLegalHold,
  type ReviewContext,
  releaseLegalHold,
} from '../../../review/index.js';
import {
  type PageQuery,
  pagedAnswerSchema,
  pagedQuerySchema,
  pageOfQuery,
} from '../../../review/page-schema.js';
import { errors } from '../../schemas.js';
import { requireStaff } from '../../staff-auth.js';
import { subjectQuery } from './audit.js';
import {
  actorOf,
  idParams,
  REVIEW_API,
  type ReviewRouteOptions,
  SECURITY,
  TAGS,
} from './common.js';

const tags = TAGS;
const security = SECURITY;

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

interface HoldBody {
  item_id?: string;
  subject_platform?: string;
  subject_account?: string;
  reason: string;
}

/** Legal holds: the active ones, placing one, releasing one. */
export function registerHoldRoutes(
  app: FastifyInstance,
  opts: ReviewRouteOptions,
  ctx: ReviewContext,
) {
  app.get<{ Querystring: PageQuery & { state?: HoldState } }>(`${REVIEW_API}/holds`, {
    onRequest: requireStaff('list', 'Hold'),
    schema: {
      operationId: 'listHolds',
      tags,
      security,
      summary: 'Legal holds (active unless `state` says otherwise), newest first, a page at a time',
      querystring: pagedQuerySchema({ state: { type: 'string', enum: HOLD_STATES } }),
      response: {
        200: pagedAnswerSchema('holds', holdSchema),
        ...errors(400, 401, 403),
      },
    },
    handler: async (req) => {
      const page = await listHolds(ctx, { state: req.query.state, ...pageOfQuery(req.query) });
      req.log.info({ staff: req.staff!.id, holds: page.holds.length }, 'legal holds listed');
      return page;
    },
  });

  app.post<{ Body: HoldBody }>(`${REVIEW_API}/holds`, {
    onRequest: requireStaff('create', 'Hold'),
    schema: {
      tags,
      security,
      operationId: 'placeHold',
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
      const hold = await placeLegalHold(ctx, opts.secret, actorOf(req), req.body);
      req.log.info({ staff: req.staff!.id, hold: hold.id }, 'legal hold placed');
      return reply.code(201).send({ hold });
    },
  });

  app.delete<{ Params: { id: string } }>(`${REVIEW_API}/holds/:id`, {
    onRequest: requireStaff('delete', 'Hold'),
    schema: {
      tags,
      security,
      operationId: 'releaseHold',
      summary: 'Release a legal hold',
      params: idParams(ids.HOLD_ID),
      response: { 204: { type: 'null' }, ...errors(400, 401, 403, 404) },
    },
    handler: async (req, reply) => {
      await releaseLegalHold(ctx, actorOf(req), req.params.id);
      req.log.info({ staff: req.staff!.id, hold: req.params.id }, 'legal hold released');
      return reply.code(204).send();
    },
  });
}
