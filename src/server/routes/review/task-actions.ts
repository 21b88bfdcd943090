import type { FastifyInstance } from 'fastify';
import {
  type AnswerBody,
  answerHeldTask,
  FLAG_CATEGORIES,
  type FlagBody,
  flagHeldTask,
  guidanceLang,
  ids,
  RELEASE_REASONS,
  type ReleaseReason,
  type ReviewContext,
  releaseHeldTask,
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

const tags = TAGS;
const security = SECURITY;
const taskParams = idParams(ids.TASK_ID);

const answerBody = {
  type: 'object',
  required: ['labels'],
  additionalProperties: false,
  properties: {
    transcript: { type: 'string', maxLength: 20_000 },
    labels: {
      anyOf: [
        { type: 'array', maxItems: 200, items: { type: 'string', minLength: 1, maxLength: 200 } },
        {
          type: 'object',
          maxProperties: 20,
          additionalProperties: {
            anyOf: [
              { type: 'string', maxLength: 100 },
              { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 100 } },
            ],
          },
        },
      ],
    },
    comment: { type: 'string', maxLength: 2_000 },
  },
} as const;

/** What a reviewer does with a task they hold: answer it, flag it, or give it back. */
export function registerTaskActionRoutes(
  app: FastifyInstance,
  opts: ReviewRouteOptions,
  ctx: ReviewContext,
) {
  app.post<{ Params: { id: string }; Body: AnswerBody }>(`${REVIEW_API}/tasks/:id/answer`, {
    onRequest: requireStaff('answer', 'Task'),
    schema: {
      tags,
      security,
      operationId: 'answerTask',
      summary: 'Answer a task you hold: the chosen labels and, for audio, a corrected transcript',
      params: taskParams,
      body: answerBody,
      response: {
        201: {
          type: 'object',
          required: ['answer_id', 'done'],
          properties: { answer_id: { type: 'string' }, done: { type: 'boolean' } },
        },
        ...errors(400, 401, 403, 404, 409),
      },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await answerHeldTask(ctx, actorOf(req), req.params.id, req.body)),
  });

  app.post<{ Params: { id: string }; Body: FlagBody }>(`${REVIEW_API}/tasks/:id/flag`, {
    onRequest: requireStaff('flag', 'Task'),
    schema: {
      tags,
      security,
      operationId: 'flagTask',
      summary: 'Flag harmful content: the task goes to trust & safety and leaves your queue',
      params: taskParams,
      body: {
        type: 'object',
        required: ['category'],
        additionalProperties: false,
        properties: {
          category: { type: 'string', enum: FLAG_CATEGORIES },
          note: { type: 'string', maxLength: 2_000 },
        },
      },
      response: {
        201: {
          type: 'object',
          required: ['flag_id', 'guidance'],
          properties: { flag_id: { type: 'string' }, guidance: { type: 'string' } },
        },
        ...errors(400, 401, 403, 404, 409),
      },
    },
    handler: async (req, reply) => {
      const lang = guidanceLang(req.headers['accept-language']);
      const flagged = await flagHeldTask(ctx, actorOf(req), req.params.id, req.body, {
        lang,
        support: opts.support,
      });
      return reply
        .code(201)
        .header('content-language', lang)
        .header('vary', 'Accept-Language')
        .send(flagged);
    },
  });

  app.post<{ Params: { id: string }; Body: { reason?: ReleaseReason } | undefined }>(
    `${REVIEW_API}/tasks/:id/release`,
    {
      onRequest: requireStaff('release', 'Task'),
      schema: {
        tags,
        security,
        operationId: 'releaseTask',
        summary: 'Give a task back without answering (no penalty; the reason is not recorded)',
        params: taskParams,
        body: {
          type: ['object', 'null'],
          additionalProperties: false,
          properties: { reason: { type: 'string', enum: RELEASE_REASONS } },
        },
        response: { 204: { type: 'null' }, ...errors(400, 401, 403, 404, 409) },
      },
      handler: async (req, reply) => {
        await releaseHeldTask(ctx, actorOf(req), req.params.id);
        return reply.code(204).send();
      },
    },
  );
}
