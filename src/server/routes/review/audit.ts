import type { FastifyInstance } from 'fastify';
import { subjectAccessReport } from '../../../review/index.js';
import { errors } from '../../schemas.js';
import { requireStaff } from '../../staff-auth.js';
import { REVIEW_API, type ReviewRouteOptions, SECURITY, TAGS } from './common.js';

/** A subject named by platform and account (the server pseudonymises it). */
export const subjectQuery = {
  platform: { type: 'string', minLength: 1, maxLength: 64 },
  account: { type: 'string', minLength: 1, maxLength: 256 },
} as const;

/** The privacy officer's per-subject access report, from the transparency log. */
export function registerAuditRoutes(app: FastifyInstance, opts: ReviewRouteOptions) {
  app.get<{ Querystring: { platform: string; account: string } }>(`${REVIEW_API}/audit/subject`, {
    onRequest: requireStaff('read', 'Audit'),
    schema: {
      tags: TAGS,
      security: SECURITY,
      operationId: 'getSubjectAccessAudit',
      summary: "Who accessed a subject's review items, and how: from the transparency log",
      querystring: {
        type: 'object',
        required: ['platform', 'account'],
        additionalProperties: false,
        properties: subjectQuery,
      },
      response: {
        200: {
          type: 'object',
          required: ['subject', 'events'],
          properties: {
            subject: { type: 'string' },
            events: {
              type: 'array',
              items: {
                type: 'object',
                required: ['at', 'actor', 'task', 'action', 'log_index'],
                properties: {
                  at: { type: 'string' },
                  actor: { type: 'string' },
                  task: { type: 'string' },
                  action: { type: 'string' },
                  log_index: { type: 'integer' },
                },
              },
            },
          },
        },
        ...errors(400, 401, 403),
      },
    },
    handler: async (req) => {
      const report = await subjectAccessReport(opts.store, opts.secret, {
        platform: req.query.platform,
        account: req.query.account,
      });
      req.log.info({ staff: req.staff!.id, events: report.events.length }, 'access report read');
      return report;
    },
  });
}
