import { createHmac } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RateCounters } from '../rate-limits/index.js';

// Ended windows are deleted at a hit, at most this often per process.
const PURGE_EVERY_MS = 60_000;
const KEY_LABEL = 'obhut rate limits v1';

type Callback = Parameters<FastifyRateLimitStore['incr']>[1];

/**
 * A store for @fastify/rate-limit that counts in the database (`RateCounters`), so every server
 * process on one database counts a client into the same window. The client's key (an address or
 * a pseudonym) and the limit's scope (global, or one route's own limit) are stored only as an
 * HMAC under a key derived from the server secret.
 */
export function databaseRateLimitStore(
  counters: RateCounters,
  secret: Uint8Array,
  now: () => number = Date.now,
): FastifyRateLimitStoreCtor {
  const key = createHmac('sha256', secret).update(KEY_LABEL).digest();
  let purgedAt = Number.NEGATIVE_INFINITY;

  const count = async (scope: string, client: string, windowMs: number) => {
    const at = now();
    if (at - purgedAt >= PURGE_EVERY_MS) {
      purgedAt = at;
      await counters.purgeRateCounters(at);
    }
    const hashed = createHmac('sha256', key).update(`${scope}\0${client}`).digest('base64url');
    const { hits, windowEndsMs } = await counters.countHit(hashed, windowMs, at);
    return { current: hits, ttl: Math.max(0, windowEndsMs - at) };
  };

  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    readonly #scope: string;

    // @fastify/rate-limit constructs the global store with its options, which name no scope.
    constructor(scope?: unknown) {
      this.#scope = typeof scope === 'string' ? scope : 'global';
    }

    incr(client: string, callback: Callback, timeWindow: number): void {
      count(this.#scope, client, timeWindow).then(
        (result) => callback(null, result),
        (err: Error) => callback(err),
      );
    }

    /** A route with its own limit counts separately from every other route. */
    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      const route = (routeOptions as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo;
      return new DatabaseRateLimitStore(`${String(route?.method)} ${String(route?.url)}`);
    }
  }
  return DatabaseRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}
