import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('the API document', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(async () => {
    await h.close();
  });

  // Responses are serialised through these schemas, so a body cannot carry a key they lack.
  it('names every body, query and parameter field in snake_case, as the CLI and manifest do', async () => {
    const doc = (await h.app.inject({ url: '/api/openapi.json' })).json();
    const names = propertyNames(doc);
    expect(names.length).toBeGreaterThan(100);
    expect(names.filter((n) => /[a-z][A-Z]/.test(n.split(' ').at(-1)!))).toEqual([]);
  });
});
