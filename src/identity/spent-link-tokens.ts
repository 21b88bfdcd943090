/**
 * The storage port for exchanged link tokens: a platform's link token is exchanged for a portal
 * session once, so its id is kept until the token could no longer be accepted anyway.
 */
export interface SpentLinkTokens {
  /**
   * Marks a link token as exchanged, keeping its id until `keepUntilMs`; false when it was
   * exchanged before. Ids whose time has passed are forgotten on the way.
   */
  spendLinkToken(id: string, keepUntilMs: number, nowMs: number): Promise<boolean>;
}
