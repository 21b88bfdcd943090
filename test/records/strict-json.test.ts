import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describePath,
  MAX_RECORD_DEPTH,
  parseStrictJson,
  scanStrictJson,
} from '../../src/records/strict-json.js';

function jsonParses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Deep enough for every generated value, so that only syntax and repeats are tested. */
const noRepeats = { maxDepth: 10_000 };

/** A JSON text that may repeat keys, with odd spacing and colons and quotes inside strings. */
const awkwardText = fc
  .letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('1', '1e400', '"x"', '":"', '" :"', '"\\\\":', '"\\":"', 'null'),
      tie('object'),
      fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
    ),
    object: fc
      .array(
        fc.tuple(
          fc.constantFrom('"a"', '"b"', '"\\u0061"', '":"', '"a\\""', '"\\\\"'),
          fc.constantFrom(':', ' :', ':\n', '\t: '),
          tie('value'),
        ),
        { maxLength: 4 },
      )
      .map((members) => `{${members.map(([k, colon, v]) => `${k}${colon}${v}`).join(',')}}`),
  }))
  .value.map(String);

describe('strict JSON', () => {
  it('accepts what JSON.stringify writes and gives JSON.parse’s value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const text = JSON.stringify(value, null, 1);
        const parsed = parseStrictJson(text, noRepeats);
        expect(parsed).toEqual({ ok: true, value: JSON.parse(text) });
      }),
    );
  });

  it('rejects syntax exactly when JSON.parse does', () => {
    const pieces = fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      ' ',
      '"a"',
      '"b"',
      '"\\u00e9"',
      '"\\x"',
      '"\\u12"',
      '"',
      '\\',
      '1',
      '-',
      '0',
      '.5',
      'e3',
      'E-',
      'true',
      'fals',
      'null',
      '\t',
      '\u0001',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const scanned = scanStrictJson(text, noRepeats);
        if (scanned?.code === 'RECORD_DUPLICATE_KEY') return;
        expect(scanned === undefined).toBe(jsonParses(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('rejects syntax like JSON.parse on mutated valid texts', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        fc.nat(),
        fc.constantFrom('', '"', ',', '}', ']', '{', '[', '\\', '0', ':', '-'),
        fc.nat(3),
        (value, at, insert, remove) => {
          const text = JSON.stringify(value);
          const cut = at % (text.length + 1);
          const mutated = text.slice(0, cut) + insert + text.slice(cut + remove);
          const scanned = scanStrictJson(mutated, noRepeats);
          if (scanned?.code === 'RECORD_DUPLICATE_KEY') return;
          expect(scanned === undefined).toBe(jsonParses(mutated));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('decides as the scan does: its fast path never accepts a repeat the scan would reject', () => {
    fc.assert(
      fc.property(awkwardText, (text) => {
        const scanned = scanStrictJson(text);
        const parsed = parseStrictJson(text);
        if (scanned) expect(parsed).toEqual(scanned);
        else expect(parsed).toEqual({ ok: true, value: JSON.parse(text) });
      }),
      { numRuns: 3000 },
    );
  });

  it('rejects a repeated key at any depth with its path', () => {
    expect(parseStrictJson('{"subject":{"account":"OBJ-123","account":"clean-9"}}')).toEqual({
      ok: false,
      code: 'RECORD_DUPLICATE_KEY',
      error: 'key subject.account appears more than once',
    });
    const deep = parseStrictJson('{"t":{"words":[{"x":1},{"text":"a","text":"b"}]}}');
    expect(deep).toMatchObject({ code: 'RECORD_DUPLICATE_KEY' });
    expect(!deep.ok && deep.error).toContain('t.words[1].text');
    // Escapes name the same key: "\u0069d" is "id".
    expect(parseStrictJson('{"id":"a","\\u0069d":"b"}')).toMatchObject({
      code: 'RECORD_DUPLICATE_KEY',
    });
    // The same name in sibling objects is not a repeat.
    expect(parseStrictJson('[{"a":1},{"a":2}]').ok).toBe(true);
    expect(parseStrictJson('{"a":{"a":{"a":1}}}').ok).toBe(true);
  });

  it('finds a repeat in an object with many keys', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 60 }),
        fc.nat(),
        (keys, pick) => {
          const repeated = [...keys, keys[pick % keys.length]!];
          const text = `{${repeated.map((k, i) => `${JSON.stringify(k)}:${i}`).join(',')}}`;
          expect(parseStrictJson(text)).toMatchObject({ code: 'RECORD_DUPLICATE_KEY' });
          const unique = `{${keys.map((k, i) => `${JSON.stringify(k)}:${i}`).join(',')}}`;
          expect(parseStrictJson(unique).ok).toBe(true);
        },
      ),
    );
  });

  it('bounds nesting without recursing, however deep the input', () => {
    const ok = `${'['.repeat(MAX_RECORD_DEPTH)}${']'.repeat(MAX_RECORD_DEPTH)}`;
    expect(parseStrictJson(ok).ok).toBe(true);
    const over = `${'['.repeat(MAX_RECORD_DEPTH + 1)}${']'.repeat(MAX_RECORD_DEPTH + 1)}`;
    expect(parseStrictJson(over)).toMatchObject({ ok: false, code: 'RECORD_TOO_DEEP' });
    // 100,000 levels: ~10× what Node's default stack holds for a recursive descent (a recursive
    // scanner throws RangeError here), so the point stands; a million took ~8 CPU-seconds more.
    const huge = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    expect(scanStrictJson(huge, { maxDepth: 200_000 })).toBeUndefined();
    expect(scanStrictJson(huge)).toMatchObject({ code: 'RECORD_TOO_DEEP' });
  });

  it('reports each value’s path and span', () => {
    const text = '{"text": "hi", "transcript": {"words": [{"text":"a"}]}}';
    const seen: [string, string][] = [];
    scanStrictJson(text, {
      onValue: (path, start, end) => seen.push([describePath(path), text.slice(start, end)]),
    });
    expect(seen).toEqual([
      ['text', '"hi"'],
      ['transcript.words[0].text', '"a"'],
      ['transcript.words[0]', '{"text":"a"}'],
      ['transcript.words', '[{"text":"a"}]'],
      ['transcript', '{"words": [{"text":"a"}]}'],
      ['(the record)', text],
    ]);
  });

  it('says where the text ends too early', () => {
    expect(parseStrictJson('{"a":')).toEqual({
      ok: false,
      code: 'RECORD_NOT_JSON',
      error: 'not valid JSON: the line ends too early (at character 5)',
    });
    expect(parseStrictJson('{"a" 1}')).toMatchObject({
      error: 'not valid JSON: unexpected character at position 5',
    });
  });
});
