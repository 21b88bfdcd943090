/**
 * The storage port for pending e-mail codes, shared by every server process on one database: a
 * code sent by one process is redeemed at another. Rows hold keyed hashes only (the address's and
 * the code's), never the address or the code.
 */
export interface EmailCodeStore {
  /**
   * Stores the one pending code of an address, replacing any earlier one (and its count of
   * tries). Codes whose time has passed are deleted on the way, so the table holds at most the
   * codes of the last lifetime.
   */
  putEmailCode(code: PendingEmailCode, nowMs: number): Promise<void>;
  /**
   * One try at an address's code: counts the try first (atomically, so tries at several
   * processes add up), then uses the code up when `codeHash` is the pending one. True once per
   * code; false when it is wrong, expired, out of tries or already used.
   */
  tryEmailCode(
    address: string,
    codeHash: string,
    nowMs: number,
    maxAttempts: number,
  ): Promise<boolean>;
}

export interface PendingEmailCode {
  /** Keyed hash of the normalised address (base64url). */
  readonly address: string;
  /** Keyed hash of the code, bound to the address (base64url). */
  readonly codeHash: string;
  readonly expiresMs: number;
}
