import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonText, snakeCase, snakeCaseKeys } from '../../src/cli/output.js';

const camelCaseName = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,12}$/);
const anyKey = fc.oneof(camelCaseName, fc.string({ maxLength: 8 }));
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(anyKey, tie('value'), { maxKeys: 4 }),
  ),
})).value;

const keys = (v: unknown): string[] =>
  v !== null && typeof v === 'object'
    ? Object.entries(v).flatMap(([k, x]) => (Array.isArray(v) ? keys(x) : [k, ...keys(x)]))
    : [];

describe('snakeCase', () => {
  it('turns camelCase into snake_case and leaves data-shaped keys alone', () => {
    expect(snakeCase('alreadyPresent')).toBe('already_present');
    expect(snakeCase('flipMinus1')).toBe('flip_minus1');
    expect(snakeCase('rotate90')).toBe('rotate90');
    for (const data of ['RECORD_NOT_JSON', 'PERSON', 'DE', 'blank_lines', 'a-b', 'Ab'])
      expect(snakeCase(data)).toBe(data);
  });

  it('is idempotent and keeps the letters of a camelCase name', () => {
    fc.assert(
      fc.property(camelCaseName, (name) => {
        const snake = snakeCase(name);
        expect(snakeCase(snake)).toBe(snake);
        expect(snake).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(snake.replaceAll('_', '')).toBe(name.toLowerCase());
      }),
    );
  });
});

describe('snakeCaseKeys', () => {
  it('leaves no camelCase key at any depth and keeps every value', () => {
    fc.assert(
      fc.property(json, (value) => {
        const out = snakeCaseKeys(value);
        expect(keys(out).filter((k) => /^[a-z][a-zA-Z0-9]*$/.test(k) && /[A-Z]/.test(k))).toEqual(
          [],
        );
        const leaves = (v: unknown): unknown[] =>
          v !== null && typeof v === 'object' ? Object.values(v).flatMap(leaves) : [v];
        expect(leaves(out)).toEqual(leaves(value));
      }),
    );
  });

  it('prints what JSON.stringify prints for dates, and nests through arrays', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(JSON.parse(jsonText({ foundAt: at, rows: [{ logIndex: 1 }] }))).toEqual({
      found_at: '2026-01-01T00:00:00.000Z',
      rows: [{ log_index: 1 }],
    });
  });
});
