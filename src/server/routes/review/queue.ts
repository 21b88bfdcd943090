import type { FastifyInstance } from 'fastify';
import { queueCounts } from '../../../review/index.js';
import { errors } from '../../schemas.js';
import { requireStaff } from '../../staff-auth.js';
import { REVIEW_API, type ReviewRouteOptions, SECURITY, TAGS } from './common.js';

const count = { type: 'integer' } as const;

/** The lead's and admin's overview of the queue: counts only. */
export function registerQueueRoutes(app: FastifyInstance, opts: ReviewRouteOptions) {
  app.get(`${REVIEW_API}/queue`, {
    onRequest: requireStaff('read', 'Queue'),
    schema: {
      tags: TAGS,
      security: SECURITY,
      operationId: 'getQueueCounts',
      summary:
        "How many tasks are open, assigned, done, flagged and removed, and today's exposure across reviewers (counts only)",
      response: {
        200: {
          type: 'object',
          required: ['open', 'assigned', 'done', 'flagged', 'removed', 'exposure'],
          properties: {
            open: count,
            assigned: count,
            done: count,
            flagged: count,
            removed: count,
            // Aggregates only: no reviewer is named.
            exposure: {
              type: 'object',
              required: [
                'reviewers_today',
                'median_minutes',
                'max_minutes',
                'at_limit',
                'limit_minutes',
              ],
              properties: {
                reviewers_today: count,
                median_minutes: { type: 'number' },
                max_minutes: { type: 'number' },
                at_limit: count,
                limit_minutes: count,
              },
            },
          },
        },
        ...errors(401, 403),
      },
    },
    handler: async () => queueCounts(opts.store, opts.rules),
  });
}
