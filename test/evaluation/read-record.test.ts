import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { policyFieldScanner, readRecordFields } from '../../src/evaluation/read-record.js';
import { SAMPLE_ERROR_FIELD } from '../../src/io/webdataset.js';
import { MAPPING_ERROR_FIELD, validateItem } from '../../src/records/index.js';
import { parseStrictJson } from '../../src/records/strict-json.js';
import { WARC_ERROR_FIELD } from '../../src/warc/index.js';

// What evaluate-line.ts reads of a record: the error fields, validateItem's verdict, the id.
function decisionInput(value: unknown) {
  const record = value as Record<string, unknown> | null;
  return {
    sample: record?.[SAMPLE_ERROR_FIELD],
    warc: record?.[WARC_ERROR_FIELD],
    mapping: record?.[MAPPING_ERROR_FIELD],
    id: record?.id,
    valid: validateItem(value),
  };
}

const text = fc.constantFrom(
  '"x"',
  '""',
  '"a\\u00e9\\n"',
  '"\\ud800"',
  '"é😀"',
  '1',
  'null',
  '{}',
  '[]',
  'true',
);
const maybe = (value: fc.Arbitrary<string>) => fc.option(value, { nil: undefined });
const object = (members: Record<string, fc.Arbitrary<string | undefined>>) =>
  fc.record(members).map((m) => {
    const parts = Object.entries(m).flatMap(([k, v]) => (v === undefined ? [] : [`"${k}":${v}`]));
    return `{${parts.join(',')}}`;
  });
const subject = fc.oneof(
  object({
    platform: maybe(fc.constantFrom('"facebook"', '""', '"\\u0066b"', '"\\udc00"', '1')),
    account: maybe(fc.constantFrom('"42"', '""', '"a\\"b"', '"\\ud83d\\ude00"', 'null')),
    age: maybe(fc.constantFrom('"adult"', '"minor"', '"old"', '1')),
    region: maybe(fc.constantFrom('"DE"', '"de"', '"XX"', '5')),
    other: maybe(text),
  }),
  text,
);
const source = fc.oneof(
  object({
    url: maybe(text),
    collector: maybe(text),
    dataset: maybe(text),
    license: maybe(text),
    collected_at: maybe(
      fc.constantFrom(
        '"2025-01-01T00:00:00Z"',
        '"2025-01-01"',
        '3',
        '"2025-01-01T00:00:00\\u005a"',
        '"2025-02-29T00:00:00Z"',
        '"2024-02-29T23:59:60.5-01:30"',
        '"2025-01-01T00:00:00Zé"',
      ),
    ),
    legal_basis: maybe(fc.constantFrom('"consent"', '"contract"', '"none"', 'false')),
  }),
  text,
);
const record = object({
  id: maybe(
    fc.constantFrom('"a"', '""', '"\\u0069d"', '"x\\ud800"', '"😀"', '7', `"${'i'.repeat(513)}"`),
  ),
  kind: maybe(fc.constantFrom('"text"', '"image"', '"audio"', '"video"', 'null')),
  text: maybe(text),
  media: maybe(fc.constantFrom('"a.jpg"', '""', '2')),
  subject: maybe(subject),
  visibility: maybe(fc.constantFrom('"public"', '"private"', '"secret"')),
  created_at: maybe(
    fc.constantFrom(
      '"2024-03-16T10:01:00Z"',
      '"2024-03-16T10:01:00"',
      'null',
      '"2024-03-16t10:01:00+01:00"',
      '"2024-03-16T10:01:00\\u002B01:00"',
      '"2024-13-16T10:01:00Z"',
      '"２024-03-16T10:01:00Z"',
    ),
  ),
  source: maybe(source),
  signals: maybe(
    fc.oneof(object({ tdm_reserved: maybe(fc.constantFrom('true', 'false', '"yes"')) }), text),
  ),
  _obhut: maybe(fc.constantFrom('{}', 'null')),
  [SAMPLE_ERROR_FIELD]: maybe(fc.constantFrom('"broken"', '1')),
  [WARC_ERROR_FIELD]: maybe(fc.constantFrom('"truncated"')),
  [MAPPING_ERROR_FIELD]: maybe(fc.constantFrom('"no such value"', 'null')),
  lang: maybe(text),
});

describe('readRecordFields', () => {
  const scanner = policyFieldScanner();

  it('gives the decision the same input as the whole record parsed (property)', () => {
    fc.assert(
      fc.property(record, (line) => {
        const read = readRecordFields(Buffer.from(line, 'utf8'), scanner);
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        expect(decisionInput(read.value)).toEqual(decisionInput(JSON.parse(line)));
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects as the strict parser does, with its message', () => {
    for (const line of [
      '{"id":"a","id":"b"}',
      '{"id":',
      '[1,]',
      `${'['.repeat(65)}${']'.repeat(65)}`,
    ]) {
      const reference = parseStrictJson(line);
      const read = readRecordFields(Buffer.from(line), scanner);
      expect(reference.ok).toBe(false);
      expect(read).toEqual(reference);
    }
    expect(readRecordFields(Buffer.from([0x7b, 0xff, 0x7d]), scanner)).toEqual({
      ok: false,
      code: 'RECORD_NOT_UTF8',
      error: 'line is not valid UTF-8',
    });
  });

  it('reads a record that is not an object as JSON.parse does', () => {
    expect(readRecordFields(Buffer.from(' ["id"] '), scanner)).toEqual({ ok: true, value: ['id'] });
  });
});
