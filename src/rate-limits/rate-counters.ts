/**
 * The storage port for request rate limits: one counter per key and fixed window, in the database
 * so every server process on it counts into the same window (a fleet behind a load balancer
 * limits a client as one server would). Keys are opaque to the store; the server passes keyed
 * hashes, so no address or pseudonym is stored.
 */
export interface RateCounters {
  /**
   * Counts one hit for `key`: the first hit, or the first after the window ended, opens a window
   * of `windowMs` from `nowMs`. Atomic across processes.
   */
  countHit(key: string, windowMs: number, nowMs: number): Promise<RateCount>;
  /** Deletes the counters whose window ended by `nowMs`; returns how many. */
  purgeRateCounters(nowMs: number): Promise<number>;
}

export interface RateCount {
  /** Hits in the current window, this one included. */
  readonly hits: number;
  /** When the current window ends (ms since the epoch). */
  readonly windowEndsMs: number;
}
