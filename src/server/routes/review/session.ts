import type { FastifyInstance } from 'fastify';
import { ObhutError } from '../../../errors/index.js';
import {
  type LockoutOptions,
  MAX_PASSWORD_BYTES,
  ROLES,
  type ScryptParams,
  type SessionOptions,
  SignInThrottle,
} from '../../../staff/index.js';
import type { Store } from '../../../store/index.js';
import { bearer } from '../../auth.js';
import { errorBody } from '../../errors.js';
import { errors } from '../../schemas.js';
import { requireStaff } from '../../staff-auth.js';
import { REVIEW_API, SECURITY, TAGS } from './common.js';

export interface ReviewSessionOptions {
  readonly store: Store;
  /** Sign-in attempts per minute per address. */
  readonly signInPerMinute: number;
  /** Keys the per-username lockout's table (an HMAC of each name under it). */
  readonly secret: Uint8Array;
  /** Failed sign-ins per username before a lock, and how long locks last. */
  readonly lockout?: LockoutOptions;
  /** The scrypt cost passwords are checked against (ServerOptions.staffPasswordCost). */
  readonly passwordCost?: ScryptParams;
  readonly sessions?: SessionOptions;
}

const meSchema = {
  type: 'object',
  required: ['id', 'username', 'role'],
  properties: {
    id: { type: 'string' },
    username: { type: 'string' },
    role: { type: 'string', enum: ROLES },
  },
} as const;

/** Staff sign-in, sign-out and who-am-I. */
export function registerSessionRoutes(app: FastifyInstance, opts: ReviewSessionOptions) {
  const tags = TAGS;
  const security = SECURITY;
  const throttle = new SignInThrottle(opts.store.staff, opts.secret, opts.lockout);

  app.post<{ Body: { username: string; password: string } }>(`${REVIEW_API}/session`, {
    config: { rateLimit: { max: opts.signInPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags,
      operationId: 'signInStaff',
      security: [],
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
      const outcome = await throttle.signIn(
        req.body.username,
        req.body.password,
        opts.passwordCost,
      );
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
      operationId: 'signOutStaff',
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
      operationId: 'getSignedInStaff',
      summary: 'Who is signed in',
      response: { 200: meSchema, ...errors(401) },
    },
    handler: async (req) => {
      const me = req.staff!;
      return { id: me.id, username: me.username, role: me.role };
    },
  });
}
