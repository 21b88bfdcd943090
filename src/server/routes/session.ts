import type { FastifyInstance } from 'fastify';
import {
  emailIdentity,
  ensureLinked,
  type IdentityLinkRegister,
  pseudonymise,
} from '../../consent/index.js';
import { ObhutError } from '../../errors/index.js';
import type { SpentLinkTokens } from '../../identity/index.js';
import {
  checkLinkToken,
  DEFAULT_CLOCK_ALLOWANCE_S,
  type EmailCodes,
  type Mailer,
  normaliseEmail,
  type PlatformKey,
  type PortalSessions,
} from '../../identity/index.js';
import type { TransparencyLog } from '../../log/index.js';
import { CANARY_ACCOUNT_PREFIX } from '../../records/index.js';
import { bearer } from '../auth.js';
import { errors, sessionSchema } from '../schemas.js';

export interface SessionRouteOptions {
  readonly secret: Buffer;
  readonly tokens: PortalSessions;
  readonly platforms: ReadonlyMap<string, PlatformKey>;
  readonly codes: EmailCodes;
  readonly mailer: Mailer;
  readonly signInPerMinute: number;
  /** Where a link token's verified e-mail address is linked to its account. */
  readonly log: TransparencyLog;
  /** Where exchanged link tokens are remembered, so each is exchanged once. */
  readonly store: SpentLinkTokens & Pick<IdentityLinkRegister, 'identityLinksOf'>;
  /** Seconds a link token is accepted before its iat and after its exp; default 60. */
  readonly linkTokenClockAllowanceS?: number;
}

// Loose on purpose: the code sent to the address is the real check.
const EMAIL = '^[^\\s@]{1,64}@[^\\s@]{1,189}\\.[^\\s@]{2,63}$';

/**
 * Signing in: with a platform's link token, or with a one-time code sent by e-mail. No answer
 * reveals whether an account or address is known to us; every address gets a code.
 */
export async function sessionRoutes(app: FastifyInstance, opts: SessionRouteOptions) {
  const tags = ['session'];
  const signInLimit = { rateLimit: { max: opts.signInPerMinute, timeWindow: '1 minute' } };

  app.post<{ Body: { token: string } }>('/api/v1/session/platform', {
    config: signInLimit,
    schema: {
      tags,
      operationId: 'signInWithPlatformToken',
      security: [],
      summary: "Exchange a platform's link token for a portal session",
      body: {
        type: 'object',
        required: ['token'],
        additionalProperties: false,
        properties: { token: { type: 'string', minLength: 1, maxLength: 2048 } },
      },
      response: { 200: sessionSchema, ...errors(400, 401, 409, 429) },
    },
    handler: async (req) => {
      const allowance = opts.linkTokenClockAllowanceS ?? DEFAULT_CLOCK_ALLOWANCE_S;
      const now = Date.now();
      const check = await checkLinkToken(
        req.body.token,
        (p) => opts.platforms.get(p),
        now,
        allowance,
      );
      if (!check.ok) {
        req.log.info({ reason: check.reason }, 'platform token refused');
        throw new ObhutError(
          check.code,
          check.code === 'LINK_TOKEN_EXPIRED'
            ? 'the link has expired; open it again from the platform'
            : 'the link is invalid; open it again from the platform',
        );
      }
      // The platform's name only: the operator learns who still signs the old format.
      if (check.legacy)
        req.log.warn({ platform: check.claims.platform }, 'deprecated v1 link token accepted');
      // Kept until the token could no longer be accepted anyway; a copied or replayed link then
      // gets no second session.
      const keepUntilMs = (check.claims.exp + allowance) * 1000;
      if (!(await opts.store.spendLinkToken(check.claims.id, keepUntilMs, now))) {
        req.log.info('platform token refused: already exchanged');
        throw new ObhutError(
          'TOKEN_ALREADY_USED',
          'this link was already used to sign in; open it again from the platform',
        );
      }
      const subject = pseudonymise(opts.secret, check.claims);
      if (check.claims.email !== undefined) {
        // The platform vouches for the address: from now on a decision made by e-mail covers
        // this account and the other way round.
        await ensureLinked(opts.log, opts.secret, opts.store, {
          identities: [emailIdentity(check.claims.email), check.claims],
          via: 'platform',
        });
      }
      const synthetic = check.claims.account.startsWith(CANARY_ACCOUNT_PREFIX);
      const { token, expiresAt } = opts.tokens.mint(subject, synthetic ? 'canary' : 'platform');
      return { session: token, expires_at: expiresAt };
    },
  });

  app.post<{ Body: { email: string } }>('/api/v1/session/email', {
    config: signInLimit,
    schema: {
      tags,
      operationId: 'sendEmailCode',
      security: [],
      summary: 'Send a one-time code to an e-mail address',
      body: {
        type: 'object',
        required: ['email'],
        additionalProperties: false,
        properties: { email: { type: 'string', maxLength: 254, pattern: EMAIL } },
      },
      response: {
        202: { type: 'object', properties: { status: { type: 'string', const: 'sent_if_valid' } } },
        ...errors(400, 429),
      },
    },
    handler: async (req, reply) => {
      const email = normaliseEmail(req.body.email);
      const code = await opts.codes.issue(email);
      try {
        await opts.mailer.send({
          to: email,
          subject: 'Your Obhut code / Ihr Obhut-Code',
          text: `Your code is ${code}. It is valid for 10 minutes.\nIhr Code lautet ${code}. Er ist 10 Minuten gültig.\n\nIf you did not ask for it, ignore this mail. / Falls Sie ihn nicht angefordert haben, ignorieren Sie diese Mail.\n`,
        });
      } catch (err) {
        // Logged without the address; the answer stays the same so it reveals nothing.
        req.log.error({ err: (err as Error).message }, 'sending a code failed');
      }
      return reply.code(202).send({ status: 'sent_if_valid' });
    },
  });

  app.post<{ Body: { email: string; code: string } }>('/api/v1/session/email/verify', {
    config: signInLimit,
    schema: {
      tags,
      operationId: 'signInWithEmailCode',
      security: [],
      summary: 'Exchange an e-mailed code for a portal session',
      body: {
        type: 'object',
        required: ['email', 'code'],
        additionalProperties: false,
        properties: {
          email: { type: 'string', maxLength: 254, pattern: EMAIL },
          code: { type: 'string', pattern: '^[0-9]{6}$' },
        },
      },
      response: { 200: sessionSchema, ...errors(400, 401, 429) },
    },
    handler: async (req) => {
      const email = normaliseEmail(req.body.email);
      if (!(await opts.codes.redeem(email, req.body.code))) {
        throw new ObhutError(
          'UNAUTHENTICATED',
          'the code is wrong or has expired; ask for a new one',
        );
      }
      const subject = pseudonymise(opts.secret, { platform: 'email', account: email });
      const { token, expiresAt } = opts.tokens.mint(subject, 'email');
      return { session: token, expires_at: expiresAt };
    },
  });

  app.delete('/api/v1/session', {
    schema: {
      tags,
      operationId: 'signOut',
      // Signing out needs no session: a valid one sent is revoked, anything else is a no-op.
      security: [{}, { session: [] }],
      summary: 'Sign out',
      response: { 204: { type: 'null' } },
    },
    handler: async (req, reply) => {
      const token = bearer(req);
      const claims = token ? await opts.tokens.check(token) : undefined;
      if (claims) await opts.tokens.revoke(claims);
      return reply.code(204).send();
    },
  });
}
