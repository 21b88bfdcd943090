import type { FastifyInstance } from 'fastify';
import type { SubjectRequest } from '../../consent/subject-requests.js';
import { ObhutError } from '../../errors/index.js';
import type { Store } from '../../store/index.js';
import { requireOperator } from '../auth.js';
import { errors } from '../schemas.js';
import { requestView } from './me.js';

/** The operator's side of access and erasure requests. */
export async function operatorRoutes(
  app: FastifyInstance,
  opts: { store: Store; adminToken: string | undefined },
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
}
