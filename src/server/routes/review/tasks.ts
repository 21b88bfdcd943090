import type { FastifyInstance } from 'fastify';
import {
  ids,
  issueMediaLink,
  type MediaTokens,
  NO_TASK_REASON_HEADER,
  NO_TASK_REASONS,
  type ReviewContext,
  readTask,
  takeNextTask,
} from '../../../review/index.js';
import { errors } from '../../schemas.js';
import { requireStaff } from '../../staff-auth.js';
import {
  actorOf,
  idParams,
  REVIEW_API,
  type ReviewRouteOptions,
  SECURITY,
  TAGS,
} from './common.js';
import { taskContentProperties } from './schemas.js';

const tags = TAGS;
const security = SECURITY;
const taskParams = idParams(ids.TASK_ID);

/** TaskView (docs/review-design.md), every field any role may be sent. */
const taskViewSchema = {
  type: 'object',
  required: ['id', 'kind', 'status', 'labels'],
  properties: {
    ...taskContentProperties,
    assignment: {
      type: 'object',
      required: ['expires_at'],
      properties: { expires_at: { type: 'string' } },
    },
    quota: {
      type: 'object',
      required: ['used', 'limit'],
      properties: {
        used: { type: 'integer' },
        limit: { type: 'integer' },
        // Today's exposure: audio given to listen to plus a fixed amount per image viewed.
        exposure: {
          type: 'object',
          required: ['seconds', 'limit_seconds'],
          properties: { seconds: { type: 'integer' }, limit_seconds: { type: 'integer' } },
        },
      },
    },
    // A lead's extra fields (LEAD_TASK_FIELDS).
    assignee: { type: 'string' },
    k: { type: 'integer' },
    created_at: { type: 'string' },
    answers: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          reviewer: { type: 'string' },
          labels: { type: 'object', additionalProperties: true },
          transcript: { type: 'string' },
          answered_at: { type: 'string' },
        },
      },
    },
  },
} as const;

/** The reviewer's reading side: the next task, a task, and a signed link to its media. */
export function registerTaskRoutes(
  app: FastifyInstance,
  opts: ReviewRouteOptions,
  ctx: ReviewContext,
  media: MediaTokens,
) {
  app.get(`${REVIEW_API}/tasks/next`, {
    onRequest: requireStaff('next', 'Task'),
    schema: {
      tags,
      security,
      operationId: 'takeNextTask',
      summary:
        'Take the next task (204 when none is available, the daily quota is used up or the daily exposure reached; the obhut-review-reason header says which)',
      response: {
        200: { type: 'object', required: ['task'], properties: { task: taskViewSchema } },
        204: {
          type: 'null',
          headers: { [NO_TASK_REASON_HEADER]: { type: 'string', enum: NO_TASK_REASONS } },
        },
        ...errors(401, 403),
      },
    },
    handler: async (req, reply) => {
      const next = await takeNextTask(ctx, actorOf(req), opts.rules);
      if ('task' in next) return next;
      return reply.code(204).header(NO_TASK_REASON_HEADER, next.reason).send();
    },
  });

  app.get<{ Params: { id: string } }>(`${REVIEW_API}/tasks/:id`, {
    onRequest: requireStaff('read', 'Task'),
    schema: {
      tags,
      security,
      operationId: 'getTask',
      summary: 'A task as its assigned reviewer (or a lead) may see it; 410 once it was removed',
      params: taskParams,
      response: {
        200: { type: 'object', required: ['task'], properties: { task: taskViewSchema } },
        ...errors(401, 403, 404, 410),
      },
    },
    handler: async (req) => ({
      task: await readTask(ctx, actorOf(req), opts.rules, req.params.id),
    }),
  });

  app.get<{ Params: { id: string } }>(`${REVIEW_API}/tasks/:id/audio`, {
    onRequest: requireStaff('listen', 'Task'),
    schema: {
      tags,
      security,
      operationId: 'getTaskMediaLink',
      summary:
        "A short-lived signed URL for the task's reviewer copy (anonymised, bleeped audio or the re-encoded image)",
      params: taskParams,
      response: {
        200: {
          type: 'object',
          required: ['url', 'expires_at'],
          properties: { url: { type: 'string' }, expires_at: { type: 'string' } },
        },
        ...errors(401, 403, 404, 410),
      },
    },
    handler: async (req) => {
      const link = await issueMediaLink(ctx, media, actorOf(req), req.params.id);
      return { url: `${REVIEW_API}/media/${link.token}`, expires_at: link.expires_at };
    },
  });
}
