import type { FastifyInstance } from 'fastify';
import { emailIdentity, recordIdentityLink } from '../../consent/index.js';
import type { SubjectRequest } from '../../consent/subject-requests.js';
import { ObhutError } from '../../errors/index.js';
import { normaliseEmail } from '../../identity/index.js';
import type { TransparencyLog } from '../../log/index.js';
import type { Store } from '../../store/index.js';
import { requireOperator } from '../auth.js';
import { errors } from '../schemas.js';
import { requestView } from './me.js';

/** The operator's side of access and erasure requests, and of linking a person's identities. */
export async function operatorRoutes(
  app: FastifyInstance,
  opts: { store: Store; log: TransparencyLog; secret: Buffer; adminToken: string | undefined },
) {
  const tags = ['operator'];
  const security = [{ operator: [] }];
  app.addHook('preHandler', requireOperator(opts.adminToken));

  app.get('/api/v1/operator/requests', {
    schema: {
      tags,
      security,
      summary: 'All access and erasure requests, newest first (at most 1000)',
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
    handler: async () => ({
      requests: (await opts.store.subjectRequests()).map((r) => ({
        ...requestView(r),
        subject: r.subject,
      })),
    }),
  });

  app.post<{ Params: { id: string }; Body: { status: SubjectRequest['status']; answer?: string } }>(
    '/api/v1/operator/requests/:id',
    {
      schema: {
        tags,
        security,
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
