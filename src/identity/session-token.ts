import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Portal sessions: a bearer token naming only the subject's pseudonym, never the account or
 * e-mail, signed with a key derived from the pseudonym secret. Stateless, so any server
 * process can check it; sign-out is a denylist entry in the database (`PortalSessions`).
 */
export interface SessionClaims {
  /** The subject pseudonym (hex). */
  readonly sub: string;
  /** How the person proved who they are; `canary` is a platform link for a synthetic person. */
  readonly via: 'platform' | 'email' | 'canary';
  readonly exp: number;
  readonly jti: string;
}

export const SESSION_LIFETIME_S = 30 * 60;

export class SessionTokens {
  readonly #key: Buffer;

  constructor(secret: Buffer) {
    this.#key = createHmac('sha256', secret).update('obhut session tokens v1').digest();
  }

  mint(
    sub: string,
    via: SessionClaims['via'],
    now = Date.now(),
  ): { token: string; expiresAt: string } {
    const exp = Math.floor(now / 1000) + SESSION_LIFETIME_S;
    const claims: SessionClaims = { sub, via, exp, jti: randomBytes(12).toString('base64url') };
    const body = `s1.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return { token: `${body}.${this.#mac(body)}`, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** The claims of a well-signed, unexpired token (whether it was signed out is not known here). */
  verify(token: string, now = Date.now()): SessionClaims | undefined {
    if (token.length > 1024) return undefined;
    const last = token.lastIndexOf('.');
    if (last < 0 || !token.startsWith('s1.')) return undefined;
    const body = token.slice(0, last);
    const given = Buffer.from(token.slice(last + 1));
    const expected = Buffer.from(this.#mac(body));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    let claims: SessionClaims;
    try {
      claims = JSON.parse(Buffer.from(body.slice(3), 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    if (claims.exp * 1000 < now) return undefined;
    return claims;
  }

  #mac(body: string): string {
    return createHmac('sha256', this.#key).update(body).digest('base64url');
  }
}
