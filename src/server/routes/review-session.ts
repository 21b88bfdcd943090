import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { authorize, project } from '../../authz/index.js';
import { ObhutError } from '../../errors/index.js';
import {
  addStaff,
  type LockoutOptions,
  MAX_DAILY_QUOTA,
  MAX_PASSWORD_BYTES,
  MIN_PASSWORD_LENGTH,
  ROLES,
  type Role,
  type SessionOptions,
  SignInThrottle,
  STAFF_ID_PATTERN,
  type StaffMember,
  StaffSessions,
  USERNAME_PATTERN,
} from '../../staff/index.js';
import type { Store } from '../../store/index.js';
import { bearer } from '../auth.js';
import { errorBody } from '../errors.js';
import { errors } from '../schemas.js';
import { requireStaff } from '../staff-auth.js';

export const REVIEW_API = '/api/review/v1';
/** The OpenAPI tags and security of every review route. */
export const TAGS = ['review'];
export const SECURITY = [{ staff: [] }];

export interface ReviewSessionOptions {
  readonly store: Store;
  /** Sign-in attempts per minute per address. */
  readonly signInPerMinute: number;
  /** Keys the per-username lockout's table (an HMAC of each name under it). */
  readonly secret: Uint8Array;
  /** Failed sign-ins per username before a lock, and how long locks last. */
  readonly lockout?: LockoutOptions;
  readonly sessions?: SessionOptions;
}

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

const meSchema = {
  type: 'object',
  required: ['id', 'username', 'role'],
  properties: {
    id: { type: 'string' },
    username: { type: 'string' },
    role: { type: 'string', enum: ROLES },
  },
} as const;

const quota = { type: ['integer', 'null'], minimum: 1, maximum: MAX_DAILY_QUOTA } as const;

/**
 * Staff sign-in, sign-out and who-am-I, and the admin's staff routes, under /api/review/v1.
 * Registered without encapsulation so every review route plugin sees `app.staffSessions`
 * (what `requireStaff` checks tokens against).
 */
const plugin: FastifyPluginAsync<ReviewSessionOptions> = async (app, opts) => {
  app.decorate('staffSessions', new StaffSessions(opts.store.staff, opts.sessions));
  app.decorateRequest('staff', undefined);
  app.decorateRequest('ability', undefined);
  registerRoutes(app, opts);
};
// What fastify-plugin does: the decoration above lands on the instance that registers us.
Object.assign(plugin, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: 'review-session',
});
export const reviewSessionRoutes = plugin;

function registerRoutes(app: FastifyInstance, opts: ReviewSessionOptions) {
  const tags = TAGS;
  const security = SECURITY;
  const staff = opts.store.staff;
  const throttle = new SignInThrottle(staff, opts.secret, opts.lockout);

  app.post<{ Body: { username: string; password: string } }>(`${REVIEW_API}/session`, {
    config: { rateLimit: { max: opts.signInPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: 'Sign in to the review console with a username and password',
      body: {
        type: 'object',
        required: ['username', 'password'],
        additionalProperties: false,
        properties: {
          username: { type: 'string', minLength: 1, maxLength: 64 },
          password: { type: 'string', minLength: 1, maxLength: MAX_PASSWORD_BYTES },
        },
      },
      response: {
        201: {
          type: 'object',
          required: ['token', 'expires_at', 'idle_timeout_seconds', 'staff'],
          properties: {
            token: { type: 'string' },
            expires_at: { type: 'string' },
            idle_timeout_seconds: { type: 'integer' },
            staff: meSchema,
          },
        },
        ...errors(400, 401, 429),
      },
    },
    handler: async (req, reply) => {
      // One answer, and about one scrypt's time, for unknown names, wrong passwords and
      // disabled accounts; and one answer, at once, for any locked name, known or not.
      const outcome = await throttle.signIn(req.body.username, req.body.password);
      if (outcome.kind === 'locked') {
        return reply
          .code(429)
          .header('retry-after', String(outcome.retryAfterSeconds))
          .send(
            errorBody(
              'SIGN_IN_LOCKED',
              `too many failed sign-ins for this username; try again in ${outcome.retryAfterSeconds} s`,
            ),
          );
      }
      if (outcome.kind === 'refused') {
        if (outcome.lockedForSeconds !== undefined) {
          // The name is never logged; the key is an HMAC an operator can recompute from it.
          req.log.warn(
            {
              throttle: throttle.keyOf(req.body.username).slice(0, 16),
              lockedForSeconds: outcome.lockedForSeconds,
            },
            'staff sign-in locked after repeated failures',
          );
        }
        throw new ObhutError('UNAUTHENTICATED', 'wrong username or password');
      }
      const member = outcome.member;
      const opened = await app.staffSessions.open(member);
      return reply.code(201).send({
        token: opened.token,
        expires_at: opened.expiresAt,
        idle_timeout_seconds: opened.idleTimeoutSeconds,
        staff: { id: member.id, username: member.username, role: member.role },
      });
    },
  });

  app.delete(`${REVIEW_API}/session`, {
    onRequest: requireStaff(),
    schema: {
      tags,
      security,
      summary: 'Sign out: the session token stops working',
      response: { 204: { type: 'null' }, ...errors(401) },
    },
    handler: async (req, reply) => {
      await app.staffSessions.close(bearer(req) ?? '');
      return reply.code(204).send();
    },
  });

  app.get(`${REVIEW_API}/me`, {
    onRequest: requireStaff(),
    schema: {
      tags,
      security,
      summary: 'Who is signed in',
      response: { 200: meSchema, ...errors(401) },
    },
    handler: async (req) => {
      const me = req.staff!;
      return { id: me.id, username: me.username, role: me.role };
    },
  });

  app.get(`${REVIEW_API}/staff`, {
    onRequest: requireStaff('list', 'Staff'),
    schema: {
      tags,
      security,
      summary: 'Every member of staff (admin)',
      response: {
        200: { type: 'object', properties: { staff: { type: 'array', items: staffSchema } } },
        ...errors(401, 403),
      },
    },
    handler: async (req) => ({
      staff: (await staff.list()).map((m) => project(req.ability!, 'list', 'Staff', staffView(m))),
    }),
  });

  app.post<{ Body: { username: string; role: Role; password: string; daily_quota?: number } }>(
    `${REVIEW_API}/staff`,
    {
      onRequest: requireStaff('create', 'Staff'),
      schema: {
        tags,
        security,
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
        const member = await addStaff(staff, {
          username: req.body.username,
          role: req.body.role,
          password: req.body.password,
          ...(req.body.daily_quota === undefined ? {} : { dailyQuota: req.body.daily_quota }),
        });
        req.log.info({ staff: req.staff!.id, added: member.id }, 'staff member added');
        return reply.code(201).send(staffView(member));
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
      const target = await staff.get(req.params.id);
      if (!target) throw new ObhutError('NOT_FOUND', 'no such member of staff');
      authorize(req.ability!, 'update', 'Staff', target);
      const updated = await staff.update(target.id, {
        ...(req.body.role === undefined ? {} : { role: req.body.role }),
        ...(req.body.disabled === undefined ? {} : { disabled: req.body.disabled }),
        ...(req.body.daily_quota === undefined ? {} : { dailyQuota: req.body.daily_quota }),
      });
      if (!updated) throw new ObhutError('NOT_FOUND', 'no such member of staff');
      req.log.info({ staff: req.staff!.id, updated: updated.id }, 'staff member changed');
      return staffView(updated);
    },
  });
}

function staffView(m: StaffMember) {
  return {
    id: m.id,
    username: m.username,
    role: m.role,
    disabled: m.disabled,
    created_at: m.createdAt,
    ...(m.dailyQuota === undefined ? {} : { daily_quota: m.dailyQuota }),
  };
}
