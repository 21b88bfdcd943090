import { randomBytes } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseRateLimitStore } from '../../src/server/rate-limit-store.js';
import type { Store } from '../../src/store/index.js';
import { type Workspace, workspace } from '../support/fixtures.js';

/** A Fastify app with the database store: a global limit, and /own with a limit of its own. */
async function app(store: Store, secret: Buffer, now: () => number) {
  const server = Fastify();
  await server.register(rateLimit, {
    max: 3,
    timeWindow: '1 minute',
    store: databaseRateLimitStore(store, secret, now),
  });
  server.get('/a', async () => 'a');
  server.get('/b', async () => 'b');
  server.get('/own', { config: { rateLimit: { max: 1, timeWindow: '1 minute' } } }, async () => '');
  return server;
}

describe('the database rate-limit store', () => {
  let ws: Workspace;
  beforeEach(async () => {
    ws = await workspace();
  });
  afterEach(() => ws.close());

  it('counts requests at two apps on one database into one window per client', async () => {
    const secret = randomBytes(32);
    let clock = 1_000_000;
    const now = () => clock;
    const one = await app(ws.store, secret, now);
    const two = await app(ws.store, secret, now);
    try {
      const get = (server: typeof one, url: string, ip = '192.0.2.1') =>
        server.inject({ method: 'GET', url, remoteAddress: ip });
      const first = await get(one, '/a');
      expect(first.statusCode).toBe(200);
      expect(first.headers['x-ratelimit-remaining']).toBe('2');
      // The global limit counts every route without its own limit, at either app.
      expect((await get(two, '/b')).headers['x-ratelimit-remaining']).toBe('1');
      expect((await get(one, '/a')).statusCode).toBe(200);
      const refused = await get(two, '/b');
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBe('60');
      // Another address has its own count; a route with its own limit counts apart.
      expect((await get(two, '/a', '192.0.2.2')).statusCode).toBe(200);
      expect((await get(one, '/own')).statusCode).toBe(200);
      expect((await get(two, '/own')).statusCode).toBe(429);
      // A minute later the window has ended: counting starts again, and ended windows are purged.
      clock += 60_000;
      expect((await get(two, '/a')).headers['x-ratelimit-remaining']).toBe('2');
      // Three counters were in the database; the purge before this hit deleted all of them but
      // the one it then opened: a single purge now finds nothing else that ended.
      expect(await ws.store.purgeRateCounters(clock)).toBe(0);
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('keeps no client key in the clear', async () => {
    const server = await app(ws.store, randomBytes(32), () => 5_000);
    try {
      await server.inject({ method: 'GET', url: '/a', remoteAddress: '198.51.100.7' });
      // The key is an HMAC: counting the address itself finds a fresh counter.
      expect(await ws.store.countHit('198.51.100.7', 60_000, 5_000)).toEqual({
        hits: 1,
        windowEndsMs: 65_000,
      });
    } finally {
      await server.close();
    }
  });
});
