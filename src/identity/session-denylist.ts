/**
 * The storage port for signed-out portal sessions. Session tokens are stateless (any process
 * checks their signature), so signing out is a denylist entry that every process on the database
 * consults; each entry is kept only until its token would have expired anyway.
 */
export interface SessionDenylist {
  /** Denies a session id until `keepUntilMs`; entries whose time has passed are deleted on the way. */
  denySession(id: string, keepUntilMs: number, nowMs: number): Promise<void>;
  /** Whether a session id was signed out. */
  isSessionDenied(id: string): Promise<boolean>;
}
