import type { FastifyInstance } from 'fastify';
import { addStaffMember, changeStaffMember, listStaff } from '../../../review/index.js';
import {
  type PageQuery,
  pagedAnswerSchema,
  pagedQuerySchema,
  pageOfQuery,
} from '../../../review/page-schema.js';
import {
  MAX_DAILY_QUOTA,
  MAX_PASSWORD_BYTES,
  MIN_PASSWORD_LENGTH,
  ROLES,
  type Role,
  STAFF_ID_PATTERN,
  USERNAME_PATTERN,
} from '../../../staff/index.js';
import type { Store } from '../../../store/index.js';
import { errors } from '../../schemas.js';
import { requireStaff } from '../../staff-auth.js';
import { actorOf, REVIEW_API, SECURITY, TAGS } from './common.js';

const tags = TAGS;
const security = SECURITY;

const staffSchema = {
  type: 'object',
  required: ['id', 'username', 'role', 'disabled', 'created_at'],
  properties: {
    id: { type: 'string' },
    username: { type: 'string' },
    role: { type: 'string', enum: ROLES },
    disabled: { type: 'boolean' },
    created_at: { type: 'string' },
    daily_quota: { type: 'integer' },
  },
} as const;

const quota = { type: ['integer', 'null'], minimum: 1, maximum: MAX_DAILY_QUOTA } as const;

/** The admin's staff routes: list, add, change. */
export function registerStaffRoutes(app: FastifyInstance, store: Store) {
  const staff = store.staff;

  app.get<{ Querystring: PageQuery & { role?: Role } }>(`${REVIEW_API}/staff`, {
    onRequest: requireStaff('list', 'Staff'),
    schema: {
      operationId: 'listStaff',
      tags,
      security,
      summary: 'The members of staff by username, of one role if given, a page at a time (admin)',
      querystring: pagedQuerySchema({ role: { type: 'string', enum: ROLES } }),
      response: {
        200: pagedAnswerSchema('staff', staffSchema),
        ...errors(400, 401, 403),
      },
    },
    handler: async (req) =>
      listStaff(staff, actorOf(req), { role: req.query.role, ...pageOfQuery(req.query) }),
  });

  app.post<{ Body: { username: string; role: Role; password: string; daily_quota?: number } }>(
    `${REVIEW_API}/staff`,
    {
      onRequest: requireStaff('create', 'Staff'),
      schema: {
        tags,
        security,
        operationId: 'createStaff',
        summary: 'Add a member of staff (admin)',
        body: {
          type: 'object',
          required: ['username', 'role', 'password'],
          additionalProperties: false,
          properties: {
            username: { type: 'string', pattern: USERNAME_PATTERN },
            role: { type: 'string', enum: ROLES },
            password: {
              type: 'string',
              minLength: MIN_PASSWORD_LENGTH,
              maxLength: MAX_PASSWORD_BYTES,
            },
            daily_quota: { type: 'integer', minimum: 1, maximum: MAX_DAILY_QUOTA },
          },
        },
        response: { 201: staffSchema, ...errors(400, 401, 403, 409) },
      },
      handler: async (req, reply) => {
        const member = await addStaffMember(staff, req.body);
        req.log.info({ staff: req.staff!.id, added: member.id }, 'staff member added');
        return reply.code(201).send(member);
      },
    },
  );

  app.patch<{
    Params: { id: string };
    Body: { role?: Role; disabled?: boolean; daily_quota?: number | null };
  }>(`${REVIEW_API}/staff/:id`, {
    onRequest: requireStaff('update', 'Staff'),
    schema: {
      tags,
      security,
      operationId: 'updateStaff',
      summary: 'Change the role, disable or enable a member, or set their quota (admin)',
      params: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'string', pattern: STAFF_ID_PATTERN } },
      },
      body: {
        type: 'object',
        minProperties: 1,
        additionalProperties: false,
        properties: {
          role: { type: 'string', enum: ROLES },
          disabled: { type: 'boolean' },
          daily_quota: quota,
        },
      },
      response: { 200: staffSchema, ...errors(400, 401, 403, 404) },
    },
    handler: async (req) => {
      const updated = await changeStaffMember(staff, actorOf(req), req.params.id, req.body);
      req.log.info({ staff: req.staff!.id, updated: updated.id }, 'staff member changed');
      return updated;
    },
  });
}
