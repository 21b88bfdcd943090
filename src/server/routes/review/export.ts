import type { FastifyInstance } from 'fastify';
import { ObhutError } from '../../../errors/index.js';
import { parseRfc3339 } from '../../../records/index.js';
import { EXPORT_STATUSES, type ExportStatus, exportPageView } from '../../../review/export.js';
import { ids } from '../../../review/index.js';
import { errors } from '../../schemas.js';
import { requireStaff } from '../../staff-auth.js';
import { REVIEW_API, type ReviewRouteOptions, SECURITY, TAGS } from './common.js';

const labelValue = { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };
const answers = { type: 'object', additionalProperties: labelValue } as const;

/** One task of the export (docs/review.md, "Export"): the same shape as a line of the file. */
const itemSchema = {
  type: 'object',
  required: ['task_id', 'item_id', 'record_id', 'kind', 'status', 'k', 'questions', 'answers'],
  properties: {
    type: { type: 'string' },
    task_id: { type: 'string' },
    item_id: { type: 'string' },
    record_id: { type: ['string', 'null'] },
    kind: { type: 'string' },
    status: { type: 'string' },
    k: { type: 'integer' },
    created_at: { type: 'string' },
    updated_at: { type: 'string' },
    questions: { type: 'array', items: { type: 'string' } },
    answers: {
      type: 'array',
      items: {
        type: 'object',
        required: ['reviewer', 'labels', 'answered_at'],
        properties: {
          reviewer: { type: 'string' },
          labels: answers,
          transcript: { type: 'string' },
          comment: { type: 'string' },
          answered_at: { type: 'string' },
        },
      },
    },
    majority: {
      type: 'object',
      additionalProperties: { anyOf: [...labelValue.anyOf, { type: 'null' }] },
    },
    agreement: { type: 'object', additionalProperties: { type: ['number', 'null'] } },
  },
} as const;

interface ExportQuerystring {
  status?: ExportStatus;
  since?: string;
  cursor?: string;
  limit?: string;
}

/** The lead's export, a page at a time: what `obhut review export` writes, as JSON. */
export function registerExportRoutes(app: FastifyInstance, opts: ReviewRouteOptions) {
  app.get<{ Querystring: ExportQuerystring }>(`${REVIEW_API}/export`, {
    onRequest: requireStaff('export', 'Queue'),
    schema: {
      tags: TAGS,
      security: SECURITY,
      operationId: 'exportAnswers',
      summary:
        "Reviewers' answers (pseudonymous reviewer ids, redacted free text), majority and pairwise agreement per task, by cursor",
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          status: { type: 'string', enum: EXPORT_STATUSES },
          since: { type: 'string', maxLength: 64 },
          cursor: { type: 'string', pattern: ids.TASK_ID.source },
          // A string: query values are not coerced. 1 to 500, default 100.
          limit: { type: 'string', pattern: '^(500|[1-4][0-9]{0,2}|[5-9][0-9]?)$' },
        },
      },
      response: {
        200: {
          type: 'object',
          required: ['items', 'next_cursor'],
          properties: {
            items: { type: 'array', items: itemSchema },
            next_cursor: { type: ['string', 'null'] },
          },
        },
        ...errors(400, 401, 403),
      },
    },
    handler: async (request) => {
      const q = request.query;
      const sinceMs = q.since === undefined ? undefined : parseRfc3339(q.since);
      if (q.since !== undefined && sinceMs === undefined)
        throw new ObhutError('REQUEST_INVALID', 'since: not an RFC 3339 date-time');
      return exportPageView(
        opts.store.review,
        {
          status: q.status ?? 'done',
          ...(sinceMs === undefined ? {} : { since: new Date(sinceMs).toISOString() }),
          secret: opts.secret,
        },
        {
          ...(q.cursor === undefined ? {} : { after: q.cursor }),
          limit: q.limit === undefined ? 100 : Number(q.limit),
        },
      );
    },
  });
}
