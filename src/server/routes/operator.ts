import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { emailIdentity, recordIdentityLink } from '../../consent/index.js';
import { openRequestsByDeadline, type SubjectRequest } from '../../consent/subject-requests.js';
import { ObhutError } from '../../errors/index.js';
import { type Mailer, normaliseEmail } from '../../identity/index.js';
import type { TransparencyLog } from '../../log/index.js';
import type { Store } from '../../store/index.js';
import { requireOperator } from '../auth.js';
import { errors } from '../schemas.js';
import { requestView } from './me.js';

/** The operator's side of access and erasure requests, and of linking a person's identities. */
export async function operatorRoutes(
  app: FastifyInstance,
  opts: {
    store: Store;
    log: TransparencyLog;
    secret: Buffer;
    adminToken: string | undefined;
    /** Mails an answer to a person who asked for it by e-mail. */
    mailer?: Mailer;
  },
) {
  const tags = ['operator'];
  const security = [{ operator: [] }];
  // onRequest: a caller without the token is refused before the body is read or validated.
  app.addHook('onRequest', requireOperator(opts.adminToken));

  app.get<{ Querystring: { open?: '1' } }>('/api/v1/operator/requests', {
    schema: {
      tags,
      security,
      operationId: 'listOperatorRequests',
      summary:
        'All access and erasure requests, newest first (at most 1000); with open=1 the queue: open ones, nearest deadline first',
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: { open: { type: 'string', enum: ['1'] } },
      },
      response: {
        200: {
          type: 'object',
          properties: {
            requests: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: true,
                properties: { subject: { type: 'string' } },
              },
            },
          },
        },
        ...errors(401, 403),
      },
    },
    handler: async (req) => {
      const all = await opts.store.subjectRequests();
      return {
        requests: (req.query.open === '1' ? openRequestsByDeadline(all) : all).map((r) => ({
          ...requestView(r),
          subject: r.subject,
        })),
      };
    },
  });

  app.post<{ Params: { id: string }; Body: { assignee: string } }>(
    '/api/v1/operator/requests/:id/assign',
    {
      schema: {
        tags,
        security,
        operationId: 'assignOperatorRequest',
        summary: 'Assign a request to the person who handles it',
        params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } },
        body: {
          type: 'object',
          required: ['assignee'],
          additionalProperties: false,
          properties: { assignee: { type: 'string', minLength: 1, maxLength: 200 } },
        },
        response: { 200: { $ref: 'SubjectRequest#' }, ...errors(400, 401, 403, 404) },
      },
      handler: async (req) => {
        const updated = await opts.store.assignSubjectRequest(req.params.id, req.body.assignee);
        if (!updated) throw new ObhutError('NOT_FOUND', 'no such request');
        return requestView(updated);
      },
    },
  );

  app.post<{ Params: { id: string }; Body: { status: SubjectRequest['status']; answer?: string } }>(
    '/api/v1/operator/requests/:id',
    {
      schema: {
        tags,
        security,
        operationId: 'answerOperatorRequest',
        summary: 'Set the status of a request and answer it',
        params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } },
        body: {
          type: 'object',
          required: ['status'],
          additionalProperties: false,
          properties: {
            status: { type: 'string', enum: ['in_progress', 'answered', 'rejected'] },
            answer: { type: 'string', maxLength: 20_000 },
          },
        },
        response: { 200: { $ref: 'SubjectRequest#' }, ...errors(400, 401, 403, 404) },
      },
      handler: async (req) => {
        const updated = await opts.store.updateSubjectRequest(req.params.id, {
          status: req.body.status,
          answer: req.body.answer,
        });
        if (!updated) throw new ObhutError('NOT_FOUND', 'no such request');
        if (req.body.answer !== undefined) await mailAnswer(opts.mailer, updated, req.log);
        return requestView(updated);
      },
    },
  );

  app.post<{
    Body: { email: string; platform: string; account: string; action: 'link' | 'unlink' };
  }>('/api/v1/operator/identity-links', {
    schema: {
      tags,
      security,
      operationId: 'linkIdentities',
      summary:
        'Link a verified e-mail address to a platform account (or unlink them), from now on; answers with the receipt of the log entry',
      body: {
        type: 'object',
        required: ['email', 'platform', 'account', 'action'],
        additionalProperties: false,
        properties: {
          email: { type: 'string', minLength: 3, maxLength: 254 },
          platform: { type: 'string', minLength: 1, maxLength: 200 },
          account: { type: 'string', minLength: 1, maxLength: 1000 },
          action: { type: 'string', enum: ['link', 'unlink'] },
        },
      },
      response: { 201: { $ref: 'Receipt#' }, ...errors(400, 401, 403) },
    },
    handler: async (req, reply) => {
      const { email, platform, account, action } = req.body;
      const { receipt } = await recordIdentityLink(opts.log, opts.secret, {
        identities: [emailIdentity(normaliseEmail(email)), { platform, account }],
        action,
        via: 'operator',
      });
      return reply.code(201).send(receipt);
    },
  });
}

/**
 * Mails a request's answer to the address the person gave for it, if any. The request's status
 * and answer are stored first: a failed mail is logged (without the address), and the person
 * still reads the answer in the portal.
 */
export async function mailAnswer(
  mailer: Mailer | undefined,
  request: SubjectRequest,
  log: FastifyBaseLogger,
): Promise<void> {
  if (!mailer || !request.notifyEmail || request.answer === undefined) return;
  try {
    await sendAnswer(mailer, request, request.notifyEmail);
  } catch (err) {
    log.warn({ request: request.id, err: (err as Error).message }, 'answer mail failed');
  }
}

async function sendAnswer(mailer: Mailer, request: SubjectRequest, to: string) {
  await mailer.send({
    to,
    subject: 'Antwort auf Ihre Anfrage / Answer to your request',
    text: `${request.answer}\n\n(${request.kind === 'access' ? 'Auskunft / access' : 'Löschung / erasure'}, ${request.receivedAt})\n`,
  });
}
