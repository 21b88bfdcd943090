import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRfc3339, isRfc3339Bytes } from '../../src/records/time.js';

// The regular expression and range checks isRfc3339 used before it read characters one by
// one: the two must accept exactly the same strings.
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function reference(value: string): boolean {
  const m = RFC3339.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0)) return false;
  const offset = m[8]!;
  if (offset.length === 6 && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4)) > 59))
    return false;
  return Number(m[4]) <= 23 && Number(m[5]) <= 59 && Number(m[6]) <= 60;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
// Date-times near the valid form: every part drawn from a range a little wider than allowed,
// then sometimes one character replaced, dropped or added.
const nearDateTime = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    t: fc.constantFrom('T', 't', ' ', 'x'),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 61 }),
    second: fc.integer({ min: 0, max: 61 }),
    fraction: fc.option(fc.stringMatching(/^[0-9]{0,11}$/), { nil: undefined }),
    zone: fc.oneof(
      fc.constantFrom('Z', 'z', '', 'Q', '+', '+0000'),
      fc
        .record({
          sign: fc.constantFrom('+', '-'),
          h: fc.integer({ min: 0, max: 25 }),
          m: fc.integer({ min: 0, max: 61 }),
        })
        .map(({ sign, h, m }) => `${sign}${pad(h, 2)}:${pad(m, 2)}`),
    ),
  })
  .map(
    (p) =>
      `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}${p.t}${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}${p.fraction === undefined ? '' : `.${p.fraction}`}${p.zone}`,
  );
const mutated = fc
  .tuple(
    nearDateTime,
    fc.nat(),
    fc.constantFrom('', '0', '9', '-', ':', '.', 'Z', 'a', '١'),
    fc.boolean(),
  )
  .map(([s, at, c, replace]) => {
    const i = at % (s.length + 1);
    return s.slice(0, i) + c + s.slice(replace ? i + 1 : i);
  });

describe('isRfc3339', () => {
  it('accepts exactly what the regular expression and range checks accept', () => {
    fc.assert(
      fc.property(fc.oneof(nearDateTime, mutated, fc.string()), (value) => {
        expect(isRfc3339(value)).toBe(reference(value));
      }),
      { numRuns: 5000 },
    );
  });

  it('accepts the same in the UTF-8 bytes of a string, between any bytes around them (property)', () => {
    // The build's record reader checks a timestamp's bytes inside the line (read-record.ts):
    // the bytes before and after must not count, and a non-ASCII character is never accepted.
    fc.assert(
      fc.property(
        fc.oneof(nearDateTime, mutated, fc.string()),
        fc.string({ maxLength: 3 }),
        fc.constantFrom('', '0', 'Z', '"', ':00', '+01:00'),
        (value, before, after) => {
          const prefix = Buffer.from(before, 'utf8');
          const bytes = Buffer.concat([prefix, Buffer.from(value, 'utf8'), Buffer.from(after)]);
          const end = bytes.length - Buffer.byteLength(after);
          expect(isRfc3339Bytes(bytes, prefix.length, end)).toBe(reference(value));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('rejects what is not a string', () => {
    for (const value of [undefined, null, 20250101, {}, ['2025-01-01T00:00:00Z']]) {
      expect(isRfc3339(value)).toBe(false);
    }
  });
});
