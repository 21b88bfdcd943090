import type { FastifyInstance } from 'fastify';
import {
  approveUnmaskRequest,
  askToUnmask,
  ids,
  type ReviewContext,
  readUnmaskRequest,
  UNMASK_STATUSES,
} from '../../../review/index.js';
import { errors } from '../../schemas.js';
import { requireStaff } from '../../staff-auth.js';
import { actorOf, idParams, REVIEW_API, SECURITY, TAGS } from './common.js';

const tags = TAGS;
const security = SECURITY;

const unmaskSchema = {
  type: 'object',
  required: ['id', 'task_id', 'requested_by', 'approvals', 'status'],
  properties: {
    id: { type: 'string' },
    task_id: { type: 'string' },
    requested_by: { type: 'string' },
    justification: { type: 'string' },
    approvals: { type: 'array', items: { type: 'string' } },
    status: { type: 'string', enum: UNMASK_STATUSES },
    created_at: { type: 'string' },
    expires_at: { type: 'string' },
  },
} as const;

/** Break-glass unmasking: ask, approve (two others), and read (the requester's identity). */
export function registerUnmaskRoutes(app: FastifyInstance, ctx: ReviewContext) {
  app.post<{ Body: { task_id: string; justification: string } }>(`${REVIEW_API}/unmask`, {
    onRequest: requireStaff('request', 'Unmask'),
    schema: {
      tags,
      security,
      operationId: 'requestUnmask',
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
      const asked = await askToUnmask(ctx, actorOf(req), req.body);
      req.log.info({ staff: req.staff!.id, unmask: asked.id }, 'unmask requested');
      return reply.code(201).send({ request: asked.request });
    },
  });

  app.post<{ Params: { id: string } }>(`${REVIEW_API}/unmask/:id/approve`, {
    onRequest: requireStaff('approve', 'Unmask'),
    schema: {
      tags,
      security,
      operationId: 'approveUnmask',
      summary: 'Approve an unmask request (not your own, once each)',
      params: idParams(ids.UNMASK_ID),
      body: { type: ['object', 'null'], additionalProperties: false, properties: {} },
      response: {
        200: { type: 'object', required: ['request'], properties: { request: unmaskSchema } },
        ...errors(400, 401, 403, 404, 409),
      },
    },
    handler: async (req) => {
      const approved = await approveUnmaskRequest(ctx, actorOf(req), req.params.id);
      req.log.info({ staff: req.staff!.id, unmask: approved.id }, 'unmask approved');
      return { request: approved.request };
    },
  });

  app.get<{ Params: { id: string } }>(`${REVIEW_API}/unmask/:id`, {
    onRequest: requireStaff('read', 'Unmask'),
    schema: {
      tags,
      security,
      operationId: 'getUnmask',
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
    handler: async (req) => readUnmaskRequest(ctx, actorOf(req), req.params.id),
  });
}
