import type { FastifyInstance } from 'fastify';
import type { SubjectRequest } from '../../../consent/subject-requests.js';
import { ObhutError } from '../../../errors/index.js';
import {
  buildAccessReport,
  eraseForRequest,
  findRequest,
  openRequestsPage,
} from '../../../requests/index.js';
import {
  type PageQuery,
  pagedAnswerSchema,
  pagedQuerySchema,
  pageOfQuery,
} from '../../../review/page-schema.js';
import { STAFF_ID_PATTERN } from '../../../staff/index.js';
import { errors } from '../../schemas.js';
import { requireStaff } from '../../staff-auth.js';
import { requestView } from '../me.js';
import { mailAnswer } from '../operator.js';
import {
  downloadQuery,
  outcomeSchema,
  reportSchema,
  requestIdParams,
  sendReport,
} from '../requests.js';
import { REVIEW_API, type ReviewRouteOptions, SECURITY, TAGS } from './common.js';

const tags = TAGS;
const security = SECURITY;

/** What closes a request: answering it or refusing it; in_progress keeps it in the queue. */
const ANSWER_STATUSES = ['in_progress', 'answered', 'rejected'] as const;

interface AnswerBody {
  status: (typeof ANSWER_STATUSES)[number];
  answer?: string;
}

/**
 * The privacy officer's request queue: the open access and erasure requests by deadline, and
 * assigning, answering, the access report and erasure — the same services as the operator's
 * routes (src/requests/), with the member of staff as the one who acts. The person's subject
 * key is not shown: the answer reaches them through the portal and the mail they gave.
 */
export function registerRequestRoutes(app: FastifyInstance, opts: ReviewRouteOptions) {
  const ctx = {
    store: opts.store,
    log: opts.log,
    home: opts.home,
    secret: opts.secret,
  };

  app.get<{ Querystring: PageQuery }>(`${REVIEW_API}/requests`, {
    onRequest: requireStaff('list', 'Request'),
    schema: {
      tags,
      security,
      operationId: 'listOpenRequests',
      summary: 'The open access and erasure requests, nearest deadline first, by cursor',
      querystring: pagedQuerySchema({}),
      response: {
        200: pagedAnswerSchema('requests', { $ref: 'SubjectRequest#' }),
        ...errors(400, 401, 403),
      },
    },
    handler: async (req, reply) => {
      const page = await openRequestsPage(opts.store, pageOfQuery(req.query));
      req.log.info(
        { staff: req.staff!.id, requests: page.requests.length },
        'subject requests listed',
      );
      return reply.header('cache-control', 'no-store').send({
        requests: page.requests.map(requestView),
        next_cursor: page.nextCursor,
      });
    },
  });

  app.post<{ Params: { id: string }; Body: { staff_id?: string } }>(
    `${REVIEW_API}/requests/:id/assign`,
    {
      onRequest: requireStaff('assign', 'Request'),
      schema: {
        tags,
        security,
        operationId: 'assignRequest',
        summary: 'Assign a request to yourself (no staff_id) or to another member of staff',
        params: requestIdParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { staff_id: { type: 'string', pattern: STAFF_ID_PATTERN } },
        },
        response: { 200: { $ref: 'SubjectRequest#' }, ...errors(400, 401, 403, 404) },
      },
      handler: async (req) => {
        const assignee = req.body?.staff_id ?? req.staff!.id;
        const member = await opts.store.staff.get(assignee);
        if (!member || member.disabled) {
          throw new ObhutError('NOT_FOUND', `no active member of staff ${assignee}`);
        }
        await findRequest(opts.store, req.params.id);
        const updated = await opts.store.assignSubjectRequest(req.params.id, assignee);
        if (!updated) throw new ObhutError('NOT_FOUND', 'no such request');
        req.log.info(
          { staff: req.staff!.id, request: updated.id, assignee },
          'subject request assigned',
        );
        return requestView(updated);
      },
    },
  );

  app.post<{ Params: { id: string }; Body: AnswerBody }>(`${REVIEW_API}/requests/:id/answer`, {
    onRequest: requireStaff('answer', 'Request'),
    schema: {
      tags,
      security,
      operationId: 'answerRequest',
      summary:
        'Answer a request: answered or rejected closes it (the person reads the answer in the portal, and by mail if they gave an address); in_progress keeps it open',
      params: requestIdParams,
      body: {
        type: 'object',
        required: ['status', 'answer'],
        additionalProperties: false,
        properties: {
          status: { type: 'string', enum: ANSWER_STATUSES },
          answer: { type: 'string', minLength: 1, maxLength: 20_000 },
        },
      },
      response: { 200: { $ref: 'SubjectRequest#' }, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req) => {
      const request = await findRequest(opts.store, req.params.id);
      if (!isOpen(request)) {
        throw new ObhutError('REVIEW_CONFLICT', `request ${request.id} is already closed`);
      }
      const answer = req.body.answer?.trim();
      if (!answer) throw new ObhutError('REQUEST_INVALID', 'the answer is empty');
      const updated = await opts.store.updateSubjectRequest(request.id, {
        status: req.body.status,
        answer,
      });
      if (!updated) throw new ObhutError('NOT_FOUND', 'no such request');
      req.log.info(
        { staff: req.staff!.id, request: updated.id, status: updated.status },
        'subject request answered',
      );
      await mailAnswer(opts.mailer, updated, req.log);
      return requestView(updated);
    },
  });

  app.get<{ Params: { id: string }; Querystring: { download?: '1' } }>(
    `${REVIEW_API}/requests/:id/access-report`,
    {
      onRequest: requireStaff('read', 'Request'),
      schema: {
        tags,
        security,
        operationId: 'getRequestAccessReport',
        summary: "The access report of a request's person, to answer an access request",
        params: requestIdParams,
        querystring: downloadQuery,
        response: { 200: reportSchema, ...errors(400, 401, 403, 404) },
      },
      handler: async (req, reply) => {
        const request = await findRequest(opts.store, req.params.id);
        const report = await buildAccessReport(ctx, request.subject);
        req.log.info({ staff: req.staff!.id, request: request.id }, 'request access report read');
        return sendReport(req, reply, report);
      },
    },
  );

  app.post<{ Params: { id: string } }>(`${REVIEW_API}/requests/:id/erase`, {
    onRequest: requireStaff('erase', 'Request'),
    schema: {
      tags,
      security,
      operationId: 'eraseRequestData',
      summary:
        'Carry out an erasure request: objections for every purpose, review copies and raw media deleted; answered only if every step succeeded',
      params: requestIdParams,
      response: { 200: outcomeSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req) => {
      const open = await findRequest(opts.store, req.params.id);
      if (!isOpen(open)) {
        throw new ObhutError('REVIEW_CONFLICT', `request ${open.id} is already closed`);
      }
      const { request, outcome } = await eraseForRequest(ctx, req.params.id);
      req.log.info(
        { staff: req.staff!.id, request: request.id, done: outcome.done },
        'erasure carried out',
      );
      if (outcome.done) await mailAnswer(opts.mailer, request, req.log);
      return { request: requestView(request), outcome };
    },
  });
}

function isOpen(r: SubjectRequest): boolean {
  return r.status === 'received' || r.status === 'in_progress';
}
