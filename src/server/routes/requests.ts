import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Mailer, PortalSessions } from '../../identity/index.js';
import type { TransparencyLog } from '../../log/index.js';
import {
  type AccessReport,
  buildAccessReport,
  eraseForRequest,
  findRequest,
} from '../../requests/index.js';
import type { Store } from '../../store/index.js';
import { requireOperator, requireSession } from '../auth.js';
import { errors } from '../schemas.js';
import { requestView } from './me.js';
import { mailAnswer } from './operator.js';

export interface RequestRouteOptions {
  readonly store: Store;
  readonly log: TransparencyLog;
  readonly secret: Buffer;
  readonly tokens: PortalSessions;
  readonly adminToken: string | undefined;
  /** The home folder: review media to delete live under `<home>/review/`. */
  readonly home: string;
  readonly mailer?: Mailer;
}

/** `{ id }` of a subject request (a UUID). */
export const requestIdParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
} as const;

/** `?download=1`: the access report as a file to save rather than to show. */
export const downloadQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { download: { type: 'string', enum: ['1'] } },
} as const;

export const reportSchema = {
  type: 'object',
  required: [
    'type',
    'version',
    'generated_at',
    'subject',
    'identities',
    'decisions',
    'builds',
    'review',
  ],
  additionalProperties: true,
  properties: {
    type: { type: 'string', enum: ['access_report'] },
    version: { type: 'integer' },
    generated_at: { type: 'string' },
    subject: { type: 'string' },
    identities: { type: 'array', items: { type: 'string' } },
    decisions: { type: 'array', items: { type: 'object', additionalProperties: true } },
    builds: { type: 'array', items: { type: 'object', additionalProperties: true } },
    review: { type: 'object', additionalProperties: true },
    /** Models trained on builds that included the person, as `GET /api/v1/me/models` lists them. */
    models: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
} as const;

export const outcomeSchema = {
  type: 'object',
  required: ['request', 'outcome'],
  properties: {
    request: { $ref: 'SubjectRequest#' },
    outcome: {
      type: 'object',
      required: ['done', 'steps', 'builds_still_containing'],
      properties: {
        done: { type: 'boolean' },
        steps: {
          type: 'array',
          items: {
            type: 'object',
            required: ['step', 'ok', 'detail'],
            properties: {
              step: { type: 'string' },
              ok: { type: 'boolean' },
              detail: { type: 'string' },
            },
          },
        },
        builds_still_containing: {
          type: 'array',
          items: {
            type: 'object',
            required: ['build_id', 'purpose', 'created_at'],
            properties: {
              build_id: { type: 'string' },
              purpose: { type: 'string' },
              created_at: { type: 'string' },
            },
          },
        },
      },
    },
  },
} as const;

/** Requests that act: the access report (person and operator) and carrying out an erasure. */
export async function requestRoutes(app: FastifyInstance, opts: RequestRouteOptions) {
  const ctx = {
    store: opts.store,
    log: opts.log,
    home: opts.home,
    secret: opts.secret,
  };

  app.get<{ Querystring: { download?: '1' } }>('/api/v1/me/access-report', {
    onRequest: requireSession(opts.tokens),
    schema: {
      tags: ['me'],
      security: [{ session: [] }],
      operationId: 'getMyAccessReport',
      summary:
        'Your access report: your decisions with receipts, every build with a proof, your review items and every access to them',
      querystring: downloadQuery,
      response: { 200: reportSchema, ...errors(400, 401) },
    },
    handler: async (req, reply) =>
      sendReport(req, reply, await buildAccessReport(ctx, req.subjectSession!.sub)),
  });

  const operator = requireOperator(opts.adminToken);

  app.get<{ Params: { id: string }; Querystring: { download?: '1' } }>(
    '/api/v1/operator/requests/:id/access-report',
    {
      onRequest: operator,
      schema: {
        tags: ['operator'],
        security: [{ operator: [] }],
        operationId: 'getOperatorRequestAccessReport',
        summary: "The access report of a request's person, to answer an access request",
        params: requestIdParams,
        querystring: downloadQuery,
        response: { 200: reportSchema, ...errors(400, 401, 403, 404) },
      },
      handler: async (req, reply) => {
        const request = await findRequest(opts.store, req.params.id);
        return sendReport(req, reply, await buildAccessReport(ctx, request.subject));
      },
    },
  );

  app.post<{ Params: { id: string } }>('/api/v1/operator/requests/:id/erase', {
    onRequest: operator,
    schema: {
      tags: ['operator'],
      security: [{ operator: [] }],
      operationId: 'eraseOperatorRequestData',
      summary:
        'Carry out an erasure request: objections for every purpose, review copies and raw media deleted; answered only if every step succeeded',
      params: requestIdParams,
      response: { 200: outcomeSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req) => {
      const { request, outcome } = await eraseForRequest(ctx, req.params.id);
      req.log.info({ request: request.id, done: outcome.done }, 'erasure carried out');
      if (outcome.done) await mailAnswer(opts.mailer, request, req.log);
      return { request: requestView(request), outcome };
    },
  });
}

export function sendReport(
  req: FastifyRequest<{ Querystring: { download?: '1' } }>,
  reply: FastifyReply,
  report: AccessReport,
) {
  if (req.query.download === '1') {
    reply.header(
      'content-disposition',
      `attachment; filename="obhut-access-report-${report.generated_at.slice(0, 10)}.json"`,
    );
  }
  return reply.header('cache-control', 'no-store').send(report);
}
