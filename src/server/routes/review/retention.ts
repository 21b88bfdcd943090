import type { FastifyInstance } from 'fastify';
import { type ReviewContext, sweepNow } from '../../../review/index.js';
import { errors } from '../../schemas.js';
import { requireStaff } from '../../staff-auth.js';
import { REVIEW_API, type ReviewRouteOptions, SECURITY, TAGS } from './common.js';

/** The admin's retention sweep, on demand (it also runs hourly in `obhut serve`). */
export function registerRetentionRoutes(
  app: FastifyInstance,
  opts: ReviewRouteOptions,
  ctx: ReviewContext,
) {
  app.post(`${REVIEW_API}/retention/sweep`, {
    onRequest: requireStaff('sweep', 'Retention'),
    schema: {
      tags: TAGS,
      security: SECURITY,
      operationId: 'sweepRetention',
      summary: 'Delete review data past its retention period now (it also runs hourly)',
      body: { type: ['object', 'null'], additionalProperties: false, properties: {} },
      response: {
        200: {
          type: 'object',
          required: ['removed'],
          properties: {
            removed: {
              type: 'object',
              required: ['raw', 'derived', 'items'],
              properties: {
                raw: { type: 'integer' },
                derived: { type: 'integer' },
                items: { type: 'array', items: { type: 'string' } },
              },
            },
          },
        },
        ...errors(400, 401, 403),
      },
    },
    handler: async (req) => {
      const swept = await sweepNow(ctx, opts.retention);
      req.log.info(
        { staff: req.staff!.id, raw: swept.removed.raw, derived: swept.removed.derived },
        'retention sweep',
      );
      return swept;
    },
  });
}
