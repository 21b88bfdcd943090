import { createConfig, lintFromString } from '@redocly/openapi-core';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_ID, registerOpenApi } from '../../src/server/openapi.js';
import { errorSchema } from '../../src/server/schemas.js';
import { type Harness, harness } from './harness.js';

/** Every property name an object schema in `schema` declares or requires, with where it is. */
function propertyNames(schema: unknown, where = ''): string[] {
  if (Array.isArray(schema)) return schema.flatMap((s, i) => propertyNames(s, `${where}/${i}`));
  if (schema === null || typeof schema !== 'object') return [];
  return Object.entries(schema).flatMap(([key, value]) => [
    ...(key === 'properties' && value !== null && typeof value === 'object'
      ? Object.keys(value).map((name) => `${where} ${name}`)
      : []),
    ...(key === 'required' && Array.isArray(value)
      ? value.map((name) => `${where} ${String(name)}`)
      : []),
    ...(key === 'parameters' && Array.isArray(value)
      ? value.map((p: { name?: string }) => `${where} ${String(p.name)}`)
      : []),
    ...propertyNames(value, `${where}/${key}`),
  ]);
}

interface Operation {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly operationId?: string;
  readonly security?: Record<string, string[]>[];
  readonly responses: Record<string, unknown>;
}

interface ApiDocument {
  readonly paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;
  readonly components: { readonly securitySchemes: Record<string, unknown> };
}

function operationsOf(doc: ApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      ...op,
      method: method.toUpperCase() as Operation['method'],
      path,
    })),
  );
}

/** A path with every `{param}` filled in; the value need not exist, the caller is refused first. */
const concrete = (path: string) =>
  path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');

describe('the API document', () => {
  let h: Harness;
  let doc: ApiDocument;
  beforeAll(async () => {
    h = await harness();
    doc = (await h.app.inject({ url: '/api/openapi.json' })).json();
  });
  afterAll(async () => {
    await h.close();
  });

  // Responses are serialised through these schemas, so a body cannot carry a key they lack.
  it('names every body, query and parameter field in snake_case, as the CLI and manifest do', async () => {
    const names = propertyNames(doc);
    expect(names.length).toBeGreaterThan(100);
    expect(names.filter((n) => /[a-z][A-Z]/.test(n.split(' ').at(-1)!))).toEqual([]);
  });

  it("passes Redocly's recommended ruleset without an error or a warning", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(doc),
      absoluteRef: 'openapi.json',
      config,
    });
    expect(
      problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`),
    ).toEqual([]);
  });

  it('gives every operation a unique lowerCamelCase operationId', () => {
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(50);
    const ids = operations.map((op) => op.operationId ?? `(none: ${op.method} ${op.path})`);
    expect(ids.filter((id) => !OPERATION_ID.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('declares security on every operation, naming only declared schemes', () => {
    const schemes = Object.keys(doc.components.securitySchemes);
    for (const op of operationsOf(doc)) {
      expect(op.security, `${op.method} ${op.path}`).toBeDefined();
      for (const requirement of op.security!) {
        expect(schemes, `${op.method} ${op.path}`).toEqual(
          expect.arrayContaining(Object.keys(requirement)),
        );
      }
    }
  });

  // The declared security must be what the route enforces: an operation that does not list
  // the empty requirement `{}` refuses a caller without a credential, before reading the body.
  it('refuses a caller without a valid credential on every operation that declares one', async () => {
    // `security: []` or a `{}` among the requirements: anyone may call it.
    const guarded = operationsOf(doc).filter(
      (op) => op.security!.length > 0 && !op.security!.some((r) => Object.keys(r).length === 0),
    );
    expect(guarded.length).toBeGreaterThan(40);
    const answers: string[] = [];
    for (const op of guarded) {
      for (const headers of [{}, { authorization: 'Bearer not-a-token' }]) {
        const res = await h.app.inject({
          method: op.method,
          url: concrete(op.path),
          headers,
        });
        answers.push(`${op.method} ${op.path} ${res.statusCode}`);
      }
    }
    expect(answers.filter((a) => !a.endsWith(' 401'))).toEqual([]);
  });
});

describe('registering a route', () => {
  const plain = async () => 'ok';
  /** A bare server with the document, as buildServer sets it up (every route answers 429 too). */
  async function bare(): Promise<FastifyInstance> {
    const app = Fastify();
    app.addSchema(errorSchema);
    await registerOpenApi(app);
    return app;
  }

  it('fails without an operationId, so a new route cannot forget it', async () => {
    const app = await bare();
    await expect(
      app.register(async (scope) => {
        scope.get('/api/v1/forgotten', { schema: { summary: 'no operationId' } }, plain);
      }),
    ).rejects.toThrow(/GET \/api\/v1\/forgotten needs a lowerCamelCase operationId/);
    await app.close();
  });

  it('fails without a schema at all, and with an operationId that is not lowerCamelCase', async () => {
    for (const schema of [undefined, { operationId: 'get-thing' }, { operationId: 'GetThing' }]) {
      const app = await bare();
      await expect(
        app.register(async (scope) => {
          scope.get('/api/v1/thing', schema ? { schema } : {}, plain);
        }),
      ).rejects.toThrow(/operationId/);
      await app.close();
    }
  });

  it('accepts a route with an operationId, and a hidden one without', async () => {
    const app = await bare();
    await app.register(async (scope) => {
      scope.get('/api/v1/thing', { schema: { operationId: 'getThing', security: [] } }, plain);
      scope.get('/internal', { schema: { hide: true } }, plain);
    });
    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as ApiDocument;
    expect(operationsOf(doc).map((op) => op.operationId)).toEqual(['getThing']);
    await app.close();
  });
});
