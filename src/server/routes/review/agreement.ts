import type { FastifyInstance } from 'fastify';
import { agreementView } from '../../../review/export.js';
import { errors } from '../../schemas.js';
import { requireStaff } from '../../staff-auth.js';
import { REVIEW_API, type ReviewRouteOptions, SECURITY, TAGS } from './common.js';
import { localText } from './schemas.js';

const count = { type: 'integer' } as const;

/** The lead's view of reviewer agreement: Krippendorff's alpha per question, nobody named. */
export function registerAgreementRoutes(app: FastifyInstance, opts: ReviewRouteOptions) {
  app.get(`${REVIEW_API}/agreement`, {
    onRequest: requireStaff('read', 'Queue'),
    schema: {
      tags: TAGS,
      security: SECURITY,
      operationId: 'getAgreement',
      summary:
        "How well reviewers agree: Krippendorff's alpha (nominal) per question over open and done tasks with two answers or more",
      response: {
        200: {
          type: 'object',
          required: ['tasks', 'questions'],
          properties: {
            tasks: count,
            questions: {
              type: 'array',
              items: {
                type: 'object',
                required: ['name', 'alpha', 'items', 'answers'],
                properties: {
                  name: { type: 'string' },
                  text: localText,
                  alpha: { type: ['number', 'null'] },
                  items: count,
                  answers: count,
                },
              },
            },
          },
        },
        ...errors(401, 403),
      },
    },
    handler: async () => agreementView(opts.store.review, opts.secret),
  });
}
