import type { SessionDenylist } from './session-denylist.js';
import type { SessionClaims, SessionTokens } from './session-token.js';

/**
 * Portal sessions as the server checks them: a token's signature and expiry (`SessionTokens`,
 * no I/O) and then the sign-out denylist in the database, so a session signed out at one server
 * process is refused at every other.
 */
export class PortalSessions {
  constructor(
    private readonly tokens: SessionTokens,
    private readonly denylist: SessionDenylist,
  ) {}

  mint(sub: string, via: SessionClaims['via'], now = Date.now()) {
    return this.tokens.mint(sub, via, now);
  }

  /** The claims of a valid, unexpired token that was not signed out; undefined otherwise. */
  async check(token: string, now = Date.now()): Promise<SessionClaims | undefined> {
    const claims = this.tokens.verify(token, now);
    if (!claims) return undefined;
    return (await this.denylist.isSessionDenied(claims.jti)) ? undefined : claims;
  }

  /** Signs the session out everywhere until the token would have expired anyway. */
  async revoke(claims: SessionClaims, now = Date.now()): Promise<void> {
    await this.denylist.denySession(claims.jti, claims.exp * 1000, now);
  }
}
