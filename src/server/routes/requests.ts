import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ObhutError } from '../../errors/index.js';
import type { Mailer, PortalSessions } from '../../identity/index.js';
import type { TransparencyLog } from '../../log/index.js';
import {
  type AccessReport,
  buildAccessReport,
  carryOutErasure,
  type ErasureOutcome,
  type RequestContext,
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

const reportSchema = {
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
  },
} as const;

const outcomeSchema = {
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
  const ctx: RequestContext = {
    store: opts.store,
    log: opts.log,
    home: opts.home,
    secret: opts.secret,
  };

  app.get<{ Querystring: { download?: '1' } }>('/api/v1/me/access-report', {
    preHandler: requireSession(opts.tokens),
    schema: {
      tags: ['me'],
      security: [{ session: [] }],
      summary:
        'Your access report: your decisions with receipts, every build with a proof, your review items and every access to them',
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: { download: { type: 'string', enum: ['1'] } },
      },
      response: { 200: reportSchema, ...errors(400, 401) },
    },
    handler: async (req, reply) =>
      sendReport(req, reply, await buildAccessReport(ctx, req.subjectSession!.sub)),
  });

  const operator = requireOperator(opts.adminToken);
  const idParams = {
    type: 'object',
    required: ['id'],
    properties: { id: { type: 'string', format: 'uuid' } },
  } as const;

  app.get<{ Params: { id: string }; Querystring: { download?: '1' } }>(
    '/api/v1/operator/requests/:id/access-report',
    {
      preHandler: operator,
      schema: {
        tags: ['operator'],
        security: [{ operator: [] }],
        summary: "The access report of a request's person, to answer an access request",
        params: idParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { download: { type: 'string', enum: ['1'] } },
        },
        response: { 200: reportSchema, ...errors(400, 401, 403, 404) },
      },
      handler: async (req, reply) => {
        const request = await findRequest(opts.store, req.params.id);
        return sendReport(req, reply, await buildAccessReport(ctx, request.subject));
      },
    },
  );

  app.post<{ Params: { id: string } }>('/api/v1/operator/requests/:id/erase', {
    preHandler: operator,
    schema: {
      tags: ['operator'],
      security: [{ operator: [] }],
      summary:
        'Carry out an erasure request: objections for every purpose, review copies and raw media deleted; answered only if every step succeeded',
      params: idParams,
      response: { 200: outcomeSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req) => {
      const request = await findRequest(opts.store, req.params.id);
      if (request.kind !== 'erasure') {
        throw new ObhutError('REQUEST_INVALID', `request ${request.id} is an access request`);
      }
      const outcome = await carryOutErasure(ctx, request.subject);
      const updated = await opts.store.updateSubjectRequest(request.id, {
        status: outcome.done ? 'answered' : 'in_progress',
        answer: erasureAnswer(outcome),
      });
      req.log.info({ request: request.id, done: outcome.done }, 'erasure carried out');
      if (outcome.done && updated) await mailAnswer(opts.mailer, updated, req.log);
      return { request: requestView(updated!), outcome };
    },
  });
}

async function findRequest(store: Store, id: string) {
  const request = (await store.subjectRequests()).find((r) => r.id === id);
  if (!request) throw new ObhutError('NOT_FOUND', 'no such request');
  return request;
}

function sendReport(
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

/**
 * The answer the person reads in the portal, in both of its languages: what was done, and the
 * builds that still contain them (published builds cannot be changed).
 */
function erasureAnswer(outcome: ErasureOutcome): string {
  const builds = outcome.builds_still_containing.map((b) => b.build_id).join(', ');
  const de = outcome.done
    ? `Erledigt: Für jeden Zweck ist ein Widerspruch eingetragen, und Ihre Prüfkopien und Rohdaten sind gelöscht (jede Löschung steht im öffentlichen Protokoll).${builds ? ` Diese schon veröffentlichten Datensätze enthalten Ihre Daten noch; der Betreiber muss sie ersetzen oder nicht mehr verwenden: ${builds}.` : ' Kein veröffentlichter Datensatz enthält Ihre Daten.'}`
    : 'In Bearbeitung: Nicht jeder Schritt der Löschung ist gelungen; wir holen ihn nach und melden uns.';
  const en = outcome.done
    ? `Done: an objection is recorded for every purpose, and your review copies and raw data are deleted (each deletion is in the public log).${builds ? ` These already published datasets still contain your data; the operator must replace them or stop using them: ${builds}.` : ' No published dataset contains your data.'}`
    : 'In progress: not every step of the erasure succeeded; we will complete it and let you know.';
  return `${de}\n\n${en}`;
}
