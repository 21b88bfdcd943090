/**
 * The storage port for redeemed review media links: each signed link plays once, at whichever
 * server process it reaches, so the nonces of redeemed links live in the database until the
 * links expire.
 */
export interface SpentMediaLinks {
  /**
   * Marks a link's nonce redeemed, keeping it until `keepUntilMs`; false when it was redeemed
   * before. Nonces whose time has passed are deleted on the way.
   */
  spendMediaLink(nonce: string, keepUntilMs: number, nowMs: number): Promise<boolean>;
}
