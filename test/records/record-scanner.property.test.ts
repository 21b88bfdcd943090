import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordScanner } from '../../src/records/record-scanner.js';
import { MAX_RECORD_DEPTH, parseStrictJson } from '../../src/records/strict-json.js';

/**
 * The byte scanner against the reference (isUtf8, then the strict parser on the decoded text, as
 * evaluate-line.ts checked every line before): the same lines accepted, the same code for the
 * others, and the same place, counted in characters as the reference counts them.
 */
type Verdict = { ok: true } | { ok: false; code: string; at?: number };

function reference(bytes: Buffer, maxDepth: number): Verdict {
  if (!isUtf8(bytes)) return { ok: false, code: 'RECORD_NOT_UTF8' };
  const text = bytes.toString('utf8');
  const parsed = parseStrictJson(text, { maxDepth });
  if (parsed.ok) return { ok: true };
  const place = /(?:position|at character) (\d+)/.exec(parsed.error);
  return place
    ? { ok: false, code: parsed.code, at: Number(place[1]) }
    : { ok: false, code: parsed.code };
}

function scanned(scanner: RecordScanner, bytes: Buffer): Verdict {
  const failure = scanner.scan(bytes);
  if (!failure) return { ok: true };
  if (failure.code === 'RECORD_NOT_UTF8' || failure.code === 'RECORD_DUPLICATE_KEY') {
    return { ok: false, code: failure.code };
  }
  // The reference counts UTF-16 code units of the decoded line; the scanner counts bytes.
  const at =
    failure.at >= bytes.length
      ? bytes.toString('utf8').length
      : bytes.toString('utf8', 0, failure.at).length;
  return { ok: false, code: failure.code, at };
}

const NAMES = ['id', 'kind', 'text', 'subject', 'a', 'subject.a', 'subject.id', 'a.b'];

const key = fc.constantFrom(
  '"id"',
  '"kind"',
  '"text"',
  '"subject"',
  '"a"',
  '"b"',
  '"\\u0069d"', // "id", escaped
  '"\\u0061"', // "a", escaped
  '"é"',
  '"\\u00e9"', // "é", escaped
  '"a\\""',
  '"\\\\"',
  '"😀"',
  '"\\ud83d\\ude00"', // the same emoji, as a surrogate pair
  '"\\ud800"', // a lone surrogate: valid JSON, decided later by validateItem
  '"\\uDC00x"',
);
const scalar = fc.constantFrom(
  '0',
  '-0',
  '1',
  '-12.5e+3',
  '1E9',
  '0.000',
  '1e400',
  '"x"',
  '""',
  '":"',
  '" :"',
  '"\\\\":',
  '"\\/\\b\\f\\n\\r\\t"',
  '"ünïcödé 😀"',
  '"\\ud83d"',
  '"\\udfff\\ud800"',
  'true',
  'false',
  'null',
);
const space = fc.constantFrom('', ' ', '\n', '\t', '\r\n ', '  ');

const jsonText = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    tie('object'),
    fc
      .array(fc.tuple(space, tie('value'), space), { maxLength: 3 })
      .map((items) => `[${items.map(([a, v, b]) => `${a}${v}${b}`).join(',')}]`),
  ),
  object: fc
    .array(fc.tuple(space, key, space, tie('value'), space), { maxLength: 5 })
    .map((members) => `{${members.map(([a, k, b, v, c]) => `${a}${k}${b}:${v}${c}`).join(',')}}`),
})).object as fc.Arbitrary<string>;

// Bytes that break JSON or UTF-8 in interesting ways, put into a valid text.
const oddByte = fc.constantFrom(
  0x22,
  0x5c,
  0x7b,
  0x7d,
  0x5b,
  0x5d,
  0x2c,
  0x3a,
  0x2d,
  0x2e,
  0x30,
  0x65,
  0x75,
  0x00,
  0x1f,
  0x20,
  0x0a,
  0x80,
  0xbf,
  0xc0,
  0xc3,
  0xe2,
  0xed,
  0xf0,
  0xf4,
  0xf5,
  0xff,
  0x74,
  0x6e,
);
const edit = fc.record({
  kind: fc.constantFrom('insert', 'replace', 'delete', 'truncate'),
  at: fc.nat(),
  byte: oddByte,
});

function applyEdit(bytes: Buffer, e: { kind: string; at: number; byte: number }): Buffer {
  const at = bytes.length === 0 ? 0 : e.at % bytes.length;
  const before = bytes.subarray(0, at);
  const after = bytes.subarray(at);
  if (e.kind === 'insert') return Buffer.concat([before, Buffer.of(e.byte), after]);
  if (e.kind === 'replace') return Buffer.concat([before, Buffer.of(e.byte), after.subarray(1)]);
  if (e.kind === 'delete') return Buffer.concat([before, after.subarray(1)]);
  return Buffer.from(before);
}

const line = fc
  .tuple(space, jsonText, space, fc.array(edit, { maxLength: 2 }))
  .map(([a, text, b, edits]) => edits.reduce(applyEdit, Buffer.from(`${a}${text}${b}`, 'utf8')));

describe('RecordScanner', () => {
  const scanner = new RecordScanner(NAMES);

  it('accepts exactly the lines the strict parser accepts, and rejects the others alike (property)', () => {
    fc.assert(
      fc.property(line, (bytes) => {
        expect(scanned(scanner, bytes)).toEqual(reference(bytes, MAX_RECORD_DEPTH));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the named members as JSON.parse reads them (property)', () => {
    fc.assert(
      fc.property(jsonText, (text) => {
        const bytes = Buffer.from(text, 'utf8');
        if (scanner.scan(bytes) !== undefined) return; // repeated keys
        const whole = JSON.parse(text) as Record<string, unknown>;
        for (const [k, name] of NAMES.entries()) {
          const start = scanner.valueStart(k);
          const [first, second] = name.split('.') as [string, string | undefined];
          let holder: unknown = whole;
          if (second !== undefined) {
            holder = whole[first];
            const isObject =
              typeof holder === 'object' && holder !== null && !Array.isArray(holder);
            if (!isObject) {
              expect(start).toBe(-1);
              continue;
            }
          }
          const key = second ?? first;
          if (!Object.hasOwn(holder as object, key)) {
            expect(start).toBe(-1);
            continue;
          }
          const raw = bytes.toString('utf8', start, scanner.valueEnd(k));
          expect(JSON.parse(raw)).toEqual((holder as Record<string, unknown>)[key]);
          expect(scanner.valueEscaped(k)).toBe(raw.startsWith('"') && raw.includes('\\'));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('bounds nesting at the same place as the strict parser (property)', () => {
    const nested = fc
      .tuple(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.constantFrom('[', '{"a":', '{"a":1,"b":', '{"a":{},"a":'), { maxLength: 10 }),
        scalar,
      )
      .map(([maxDepth, opens, inner]) => {
        const closes = opens
          .map((o) => (o === '[' ? ']' : '}'))
          .reverse()
          .join('');
        return { maxDepth, bytes: Buffer.from(`${opens.join('')}${inner}${closes}`) };
      });
    fc.assert(
      fc.property(nested, ({ maxDepth, bytes }) => {
        expect(scanned(new RecordScanner(NAMES, maxDepth), bytes)).toEqual(
          reference(bytes, maxDepth),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects records nested deeper than 64 levels, and takes 64', () => {
    const deep = (levels: number) => Buffer.from(`${'['.repeat(levels)}${']'.repeat(levels)}`);
    expect(scanner.scan(deep(64))).toBeUndefined();
    expect(scanner.scan(deep(65))).toEqual({ ok: false, code: 'RECORD_TOO_DEEP', at: 64 });
  });

  it('tells a repeated name from the same name escaped, and from names that only look alike', () => {
    expect(scanner.scan(Buffer.from('{"id":1,"\\u0069d":2}'))?.code).toBe('RECORD_DUPLICATE_KEY');
    expect(scanner.scan(Buffer.from('{"a":{"b":1},"b":{"a":1}}'))).toBeUndefined();
    expect(scanner.scan(Buffer.from('{"é":1,"\\u00e9":2}'))?.code).toBe('RECORD_DUPLICATE_KEY');
    const many = Array.from({ length: 40 }, (_, k) => `"k${k}":${k}`).join(',');
    expect(scanner.scan(Buffer.from(`{${many}}`))).toBeUndefined();
    expect(scanner.scan(Buffer.from(`{${many},"k39":0}`))?.code).toBe('RECORD_DUPLICATE_KEY');
  });
});

describe('RecordScanner, line after line (the member-name memo)', () => {
  // Lines of a few shapes that share their names' order, with changes a memo must notice: a
  // member left out, added, moved or repeated, a name escaped, lengthened or cut, spaces, and
  // objects under named and unnamed members. One scanner reads them in turn, as a build does.
  const member = fc.constantFrom(
    '"id":"x1"',
    '"kind":"text"',
    '"text":"hi"',
    '"a":1',
    '"b":2',
    '"ab":3',
    '"i":4',
    '"idd":5',
    '"\\u0069d":6',
    '"subject":{"a":1,"id":"s","b":{"a":2}}',
    '"subject":{"id":"s","a":1}',
    '"subject":{"a":1,"a":2}',
    '"subject":{"a":1,"\\u0061":2}',
    '"a":{"b":1,"c":2}',
    '"a":{"c":2,"b":1}',
    '"a":{"b":1,"b":1}',
    '"c":{"b":1,"id":2}',
    '"c":[{"b":1},{"b":1}]',
    '"id" :"y"',
    '"id"\t: "z"',
    '"id"',
    '"id":',
    '"',
  );
  const shape = fc.array(member, { minLength: 0, maxLength: 6 });
  const lines = fc
    .tuple(fc.array(shape, { minLength: 1, maxLength: 3 }), fc.array(fc.nat(), { maxLength: 20 }))
    .map(([shapes, picks]) =>
      picks.map((p) => Buffer.from(`{${shapes[p % shapes.length]!.join(',')}}`, 'utf8')),
    );

  it('gives every line the verdict and the members a fresh scanner gives it (property)', () => {
    fc.assert(
      fc.property(lines, (sequence) => {
        const reused = new RecordScanner(NAMES);
        for (const bytes of sequence) {
          const fresh = new RecordScanner(NAMES);
          const verdict = scanned(reused, bytes);
          expect(verdict).toEqual(scanned(fresh, bytes));
          expect(verdict).toEqual(reference(bytes, MAX_RECORD_DEPTH));
          if (!verdict.ok) continue;
          for (let k = 0; k < NAMES.length; k++) {
            expect(reused.valueStart(k)).toBe(fresh.valueStart(k));
            // An absent member's end and escape flag are left from earlier lines: not read.
            if (fresh.valueStart(k) < 0) continue;
            expect([reused.valueEnd(k), reused.valueEscaped(k)]).toEqual([
              fresh.valueEnd(k),
              fresh.valueEscaped(k),
            ]);
          }
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('finds a repeated name in a line whose names the last line had, in order', () => {
    const scanner = new RecordScanner(NAMES);
    expect(scanner.scan(Buffer.from('{"id":1,"a":{"b":1,"c":2},"x":3}'))).toBeUndefined();
    expect(scanner.scan(Buffer.from('{"id":1,"a":{"b":1,"c":2},"x":3,"id":4}'))?.code).toBe(
      'RECORD_DUPLICATE_KEY',
    );
    expect(scanner.scan(Buffer.from('{"id":1,"a":{"b":1,"c":2,"b":5}}'))?.code).toBe(
      'RECORD_DUPLICATE_KEY',
    );
    expect(scanner.scan(Buffer.from('{"id":1,"a":{"b":1,"c":2},"x":3,"x":4}'))?.code).toBe(
      'RECORD_DUPLICATE_KEY',
    );
    expect(scanner.scan(Buffer.from('{"id":1,"a":{"b":1,"c":2},"x":3}'))).toBeUndefined();
    expect(scanner.valueStart(NAMES.indexOf('a'))).toBe(12);
    // Off the memo's order (a name too long to remember, then another name), a member whose
    // name the memo has in its place is still checked for a repeat.
    const long = `"${'n'.repeat(40)}"`;
    expect(scanner.scan(Buffer.from('{"id":1,"x":2,"a":3}'))).toBeUndefined();
    expect(scanner.scan(Buffer.from(`{${long}:0,"a":1,"a":2}`))?.code).toBe('RECORD_DUPLICATE_KEY');
    expect(scanner.scan(Buffer.from('{"id":1,"x":2,"a":3}'))).toBeUndefined();
    expect(scanner.scan(Buffer.from('{"\\u0069d":0,"a":1,"a":2}'))?.code).toBe(
      'RECORD_DUPLICATE_KEY',
    );
  });
});

describe('RecordScanner, a string read four bytes at a time', () => {
  // Plain bytes around one byte that is not (or a character of several bytes), at every place
  // of strings of 0–13 bytes: where a block of four would take it and where the byte-by-byte
  // tail would, as a value, as a name, as the whole line, and cut off before the closing quote.
  const specials = [
    '"',
    '\\n',
    '\\u0041',
    '\\x',
    '\\',
    '\u0001',
    '\u001f',
    '\t',
    '\u007f',
    'é',
    '😀',
  ];
  const shapes = [
    (s: string) => `{"text":"${s}"}`,
    (s: string) => `{"${s}":1,"id":2}`,
    (s: string) => `"${s}"`,
    (s: string) => `{"text":"${s}`,
    (s: string) => `["${s}`,
  ];

  it('gives the strict parser’s verdict and place, and the value’s end and escape', () => {
    const scanner = new RecordScanner(NAMES);
    const text = NAMES.indexOf('text');
    let checked = 0;
    for (let length = 0; length <= 13; length++) {
      for (let at = 0; at <= length; at++) {
        for (const special of specials) {
          const s = 'a'.repeat(at) + special + 'b'.repeat(length - at);
          for (const shape of shapes) {
            const line = Buffer.from(shape(s));
            const verdict = scanned(scanner, line);
            expect(verdict, shape(s)).toEqual(reference(line, MAX_RECORD_DEPTH));
            if (verdict.ok && line[0] === 0x7b && line[2] === 0x74) {
              const parsed = JSON.parse(line.toString()) as { text: string };
              const start = scanner.valueStart(text);
              const raw = line.toString('utf8', start, scanner.valueEnd(text));
              expect(JSON.parse(raw)).toBe(parsed.text);
              expect(scanner.valueEscaped(text)).toBe(raw.includes('\\'));
            }
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(105 * specials.length * shapes.length);
  });
});
