import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ObhutError } from '../errors/index.js';
import type { PortalSessions, SessionClaims } from '../identity/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireSession`: the person this request acts for. */
    subjectSession?: SessionClaims;
  }
}

export function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

/** Routes under /me act for exactly one person: the one whose session token is presented. */
export function requireSession(tokens: PortalSessions) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const claims = await sessionOf(request, tokens);
    if (!claims) throw new ObhutError('UNAUTHENTICATED', 'sign in again: no valid session');
    request.subjectSession = claims;
  };
}

/** The request's session, checked once per request (rate limiting asks too, earlier). */
export async function sessionOf(
  request: FastifyRequest,
  tokens: PortalSessions,
): Promise<SessionClaims | undefined> {
  if (request.subjectSession) return request.subjectSession;
  const token = bearer(request);
  const claims = token ? await tokens.check(token) : undefined;
  if (claims) request.subjectSession = claims;
  return claims;
}

/** Operator routes: a bearer token from OBHUT_ADMIN_TOKEN; without it they are closed. */
export function requireOperator(adminToken: string | undefined) {
  return requireToken(adminToken, {
    off: 'operator routes are off (set OBHUT_ADMIN_TOKEN)',
    missing: 'an operator token is required',
  });
}

/**
 * `POST /api/review/v1/items` alone: a bearer token from OBHUT_REVIEW_PIPELINE_TOKEN, so a
 * pipeline that queues items holds no operator or staff power; without it the route is closed.
 */
export function requirePipeline(pipelineToken: string | undefined) {
  return requireToken(pipelineToken, {
    off: 'queueing review items over the API is off (set OBHUT_REVIEW_PIPELINE_TOKEN)',
    missing: 'a pipeline token is required',
  });
}

function requireToken(token: string | undefined, say: { off: string; missing: string }) {
  const expected = token ? Buffer.from(token) : undefined;
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const given = Buffer.from(bearer(request) ?? '');
    if (!expected) throw new ObhutError('FORBIDDEN', say.off);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new ObhutError('UNAUTHENTICATED', say.missing);
    }
  };
}
