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
  const expected = adminToken ? Buffer.from(adminToken) : undefined;
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const given = Buffer.from(bearer(request) ?? '');
    if (!expected)
      throw new ObhutError('FORBIDDEN', 'operator routes are off (set OBHUT_ADMIN_TOKEN)');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new ObhutError('UNAUTHENTICATED', 'an operator token is required');
    }
  };
}
