// Our CSV reading (src/consent/csv-events.ts) against a reference parser, csv-parse (MIT, a dev
// dependency only): the events a consent tool's export holds must be read the same way, and a
// file the reference refuses must not be read as events by us.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvEvents } from '../../src/consent/csv-events.js';
import { readFileLines } from '../../src/io/line-reader.js';

const HEADER = ['platform', 'account', 'purpose', 'action', 'at', 'channel', 'reference'];

/** Cells with everything that needs quoting: commas, quotes, CR, LF, CRLF, non-ASCII. */
const value = fc
  .array(fc.constantFrom('a', 'Z', '1', ' ', ',', '"', '\n', '\r', '\r\n', 'é', '€', '😀'), {
    maxLength: 8,
  })
  .map((parts) => parts.join(''));

/** Quoted when it must be, and sometimes when it need not be (tools differ). */
const cell = fc
  .tuple(value, fc.boolean())
  .map(([v, quoteAnyway]) =>
    quoteAnyway || /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v,
  );

const file = fc.record({
  rows: fc.array(fc.array(cell, { minLength: 7, maxLength: 7 }), { minLength: 1, maxLength: 6 }),
  eol: fc.constantFrom('\n', '\r\n'),
  finalEol: fc.boolean(),
});

describe('CSV consent events against csv-parse', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'obhut-csv-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const ours = async (text: string) => {
    const name = path.join(dir, 'events.csv');
    await writeFile(name, text);
    return [...csvEvents(name, readFileLines(name, 1 << 20))];
  };

  it('reads every record of a valid export as the reference does', async () => {
    await fc.assert(
      fc.asyncProperty(file, async ({ rows, eol, finalEol }) => {
        const text =
          [HEADER.join(','), ...rows.map((r) => r.join(','))].join(eol) + (finalEol ? eol : '');
        const reference = parse(text, {
          columns: true,
          skip_empty_lines: true,
          info: true,
        }) as { record: Record<string, string>; info: { lines: number } }[];
        const read = await ours(text);
        // A record whose cells are all empty and unquoted is an empty line to both readers.
        expect(read.map((r) => ('value' in r ? r.value : r))).toEqual(
          reference.map(({ record }) =>
            Object.fromEntries(
              Object.entries(record)
                .filter(([, v]) => v !== '')
                // Documented: a line break inside a quoted field is read as LF, CRLF or not.
                .map(([k, v]) => [k, v.replaceAll('\r\n', '\n')]),
            ),
          ),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('refuses what the reference refuses: a stray quote, an unclosed quote, a wrong field count', async () => {
    const broken = ['a,b"c,d,e,f,g,h', 'a,"b"c,d,e,f,g,h', 'a,"b,c,d,e,f,g,h', 'a,b,c'];
    for (const row of broken) {
      const text = `${HEADER.join(',')}\n${row}\n`;
      expect(() => parse(text, { columns: true })).toThrow();
      const read = await ours(text);
      expect(read.every((r) => 'error' in r)).toBe(true);
    }
  });
});
