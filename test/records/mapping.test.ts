import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMapping, parseMapping } from '../../src/records/index.js';

const mapping = (value: unknown) => {
  const parsed = parseMapping(value);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.mapping;
};

describe('item record mapping', () => {
  const social = mapping({
    id: 'post_id',
    kind: { const: 'text' },
    text: 'body',
    'subject.platform': { const: 'instagram' },
    'subject.account': 'author.id',
    'subject.age': { from: 'author.is_minor', values: { true: 'minor', false: 'adult' } },
    visibility: {
      from: 'audience',
      values: { public: 'public', friends: 'private', only_me: 'private' },
    },
    created_at: { from: 'posted_ms', time: 'epoch_ms' },
    'signals.tdm_reserved': { from: 'tdm', default: false },
  });

  it('maps columns, nested paths, constants, value maps, times and defaults', () => {
    const row = {
      post_id: 'p1',
      body: 'hello',
      author: { id: 'u1', is_minor: false },
      audience: 'friends',
      posted_ms: 1_700_000_000_000,
    };
    expect(applyMapping(row, social)).toEqual({
      ok: true,
      record: {
        id: 'p1',
        kind: 'text',
        text: 'hello',
        subject: { platform: 'instagram', account: 'u1', age: 'adult' },
        visibility: 'private',
        created_at: '2023-11-14T22:13:20.000Z',
        signals: { tdm_reserved: false },
      },
    });
  });

  it('a value not in the map and no default rejects the row, naming field and value', () => {
    const result = applyMapping({ post_id: 'p', audience: 'circle' }, social);
    expect(result).toEqual({
      ok: false,
      error: 'field visibility: value "circle" of audience is not in the mapping\'s values',
    });
  });

  it('a field the row lacks (or holds null) is left out, as in an item record', () => {
    expect(applyMapping({ post_id: 'p', body: null }, social)).toEqual({
      ok: true,
      record: {
        id: 'p',
        kind: 'text',
        subject: { platform: 'instagram' },
        signals: { tdm_reserved: false },
      },
    });
  });

  it('numbers match their JSON text; a column with dots in its name is found first', () => {
    const m = mapping({ age: { from: 'a.b', values: { '1': 'minor', '0': 'adult' } } });
    expect(applyMapping({ 'a.b': 1 }, m)).toEqual({ ok: true, record: { age: 'minor' } });
    expect(applyMapping({ a: { b: 0 } }, m)).toEqual({ ok: true, record: { age: 'adult' } });
  });

  it('times: epoch seconds, RFC 3339 with an offset, and a bad time rejects', () => {
    const m = mapping({
      s: { from: 's', time: 'epoch_s' },
      r: { from: 'r', time: 'rfc3339' },
    });
    expect(applyMapping({ s: '86400', r: '2024-01-01T01:00:00+01:00' }, m)).toEqual({
      ok: true,
      record: { s: '1970-01-02T00:00:00.000Z', r: '2024-01-01T00:00:00.000Z' },
    });
    expect(applyMapping({ s: 'yesterday' }, m)).toMatchObject({ ok: false });
  });

  it('malformed mappings are refused with the field named', () => {
    expect(parseMapping({ id: 3 })).toMatchObject({
      ok: false,
      error: expect.stringContaining('id'),
    });
    expect(parseMapping({ t: { from: 'x', time: 'epoch_ns' } })).toMatchObject({ ok: false });
    expect(parseMapping({ t: { from: 'x', time: 'epoch_s', values: {} } })).toMatchObject({
      ok: false,
    });
    expect(parseMapping(['id'])).toMatchObject({ ok: false });
  });

  it('the identity mapping of an item record gives the same record (property)', () => {
    const field = fc.stringMatching(/^[a-z]{1,6}$/);
    fc.assert(
      fc.property(
        fc.dictionary(field, fc.oneof(fc.string(), fc.integer(), fc.boolean()), { minKeys: 1 }),
        (row) => {
          const identity = mapping(Object.fromEntries(Object.keys(row).map((k) => [k, k])));
          expect(applyMapping(row, identity)).toEqual({ ok: true, record: row });
        },
      ),
    );
  });
});
