import type { FastifyInstance } from 'fastify';
import { subjectAccessReportPage } from '../../../review/index.js';
import {
  type PageQuery,
  pagedAnswerSchema,
  pagedQuerySchema,
  pageOfQuery,
} from '../../../review/page-schema.js';
import { STAFF_ID_PATTERN } from '../../../staff/index.js';
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
  app.get<{
    Querystring: PageQuery & {
      platform: string;
      account: string;
      staff?: string;
      from?: string;
      to?: string;
    };
  }>(`${REVIEW_API}/audit/subject`, {
    onRequest: requireStaff('read', 'Audit'),
    schema: {
      operationId: 'getSubjectAccessReport',
      tags: TAGS,
      security: SECURITY,
      summary:
        "Who accessed a subject's review items, and how, in log order, by member of staff and time range, a page at a time",
      querystring: pagedQuerySchema(
        {
          ...subjectQuery,
          staff: { type: 'string', pattern: STAFF_ID_PATTERN },
          from: { type: 'string', maxLength: 64, description: 'RFC 3339; accesses at or after it' },
          to: { type: 'string', maxLength: 64, description: 'RFC 3339; accesses before it' },
        },
        ['platform', 'account'],
      ),
      response: {
        200: pagedAnswerSchema(
          'events',
          {
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
          { subject: { type: 'string' } },
        ),
        ...errors(400, 401, 403),
      },
    },
    handler: async (req) => {
      const { platform, account, staff, from, to } = req.query;
      const report = await subjectAccessReportPage(
        opts.store,
        opts.secret,
        { platform, account },
        {
          ...(staff === undefined ? {} : { staff }),
          ...(from === undefined ? {} : { from }),
          ...(to === undefined ? {} : { to }),
          ...pageOfQuery(req.query),
        },
      );
      req.log.info({ staff: req.staff!.id, events: report.events.length }, 'access report read');
      return report;
    },
  });
}
