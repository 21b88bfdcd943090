// Route schemas compile at first use (src/server/lazy-schemas.ts): every schema of the full
// server still compiles, a bad schema is still caught, and requests and answers come out as
// Fastify's default (eager) compilers give them.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachLazySchemas,
  compileAllSchemas,
  lazySchemas,
} from '../../src/server/lazy-schemas.js';
import { type Harness, harness } from './harness.js';

describe('the full server', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
    await h.app.ready();
  });
  afterAll(async () => {
    await h.close();
  });

  it('compiles every route schema it has (what an eager start compiled)', () => {
    // Bodies, query strings, params and responses of the ~60 routes: well over a hundred.
    expect(compileAllSchemas(h.app)).toBeGreaterThan(100);
  });
});

const itemSchema = {
  body: {
    type: 'object',
    required: ['name', 'count'],
    additionalProperties: false,
    properties: { name: { type: 'string', minLength: 2 }, count: { type: 'integer' } },
  },
  querystring: {
    type: 'object',
    properties: { limit: { type: 'string', pattern: '^[1-9][0-9]*$' } },
  },
  response: {
    200: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        count: { type: 'integer' },
        limit: { type: 'string' },
      },
    },
  },
};

/** One route with body, query and response schemas, on lazy or on Fastify's eager compilers. */
async function server(lazy: boolean): Promise<FastifyInstance> {
  const schemas = lazySchemas();
  const app = Fastify({
    ...(lazy ? { schemaController: schemas.schemaController } : {}),
    ajv: { customOptions: { allErrors: true, coerceTypes: false, removeAdditional: false } },
  });
  if (lazy) attachLazySchemas(app, schemas);
  app.post('/items', { schema: itemSchema }, async (req) => ({
    ...(req.body as object),
    limit: (req.query as { limit?: string }).limit,
    secret: 'not in the response schema',
  }));
  await app.ready();
  return app;
}

describe('lazy compilers', () => {
  const requests = [
    { url: '/items', payload: { name: 'ab', count: 3 } },
    { url: '/items?limit=5', payload: { name: 'ab', count: 3 } },
    { url: '/items?limit=0', payload: { name: 'ab', count: 3 } },
    { url: '/items?limit=x', payload: { name: 'ab', count: 3 } },
    { url: '/items', payload: { name: 'a', count: 1.5, extra: true } },
    { url: '/items', payload: { count: '3' } },
    { url: '/items', payload: [] },
  ];

  it('answer every request as the default compilers do', async () => {
    const eager = await server(false);
    const lazy = await server(true);
    try {
      for (const r of requests) {
        const [a, b] = await Promise.all(
          [eager, lazy].map((app) => app.inject({ method: 'POST', ...r })),
        );
        expect({ url: r.url, status: b!.statusCode, body: b!.body }).toEqual({
          url: r.url,
          status: a!.statusCode,
          body: a!.body,
        });
      }
      // The answer is serialised by the response schema (the extra property is dropped), and
      // failed checks report Ajv's errors (what `validate.errors` carries).
      const ok = await lazy.inject({ method: 'POST', ...requests[1]! });
      expect(ok.json()).toEqual({ name: 'ab', count: 3, limit: '5' });
      const bad = await lazy.inject({ method: 'POST', ...requests[4]! });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toMatch(/must NOT have fewer than 2 characters/);
    } finally {
      await eager.close();
      await lazy.close();
    }
  });

  it('start with a schema that does not compile, and compileAll finds it', async () => {
    const schemas = lazySchemas();
    const app = Fastify({ schemaController: schemas.schemaController });
    attachLazySchemas(app, schemas);
    app.get('/broken', { schema: { response: { 200: { type: 'strnig' } } } }, async () => 'x');
    try {
      await app.ready();
      expect(() => compileAllSchemas(app)).toThrow(/schema is invalid: data\/type/);
    } finally {
      await app.close();
    }
  });

  it('refuse a request headers schema with upper-case names (Fastify would not lower-case it)', async () => {
    const schemas = lazySchemas();
    const app = Fastify({ schemaController: schemas.schemaController });
    app.get(
      '/h',
      { schema: { headers: { type: 'object', properties: { 'X-Token': { type: 'string' } } } } },
      async () => 'x',
    );
    try {
      await expect(app.ready()).rejects.toThrow(/X-Token/);
    } finally {
      await app.close();
    }
  });
});
