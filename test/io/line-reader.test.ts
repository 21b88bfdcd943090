import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileLines } from '../../src/io/line-reader.js';

const dir = mkdtempSync(path.join(tmpdir(), 'obhut-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readFileLines', () => {
  it('returns every line once, in order, and reports over-long lines without their bytes', () => {
    const arbLine = fc
      .uint8Array({ maxLength: 40 })
      .map((bytes) => Buffer.from(bytes.filter((b) => b !== 0x0a && b !== 0x0d)));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(arbLine, fc.boolean()), { maxLength: 30 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 50 }),
        (lines, finalNewline, maxLineBytes) => {
          const parts = lines.map(([l, crlf], i) =>
            Buffer.concat([
              l,
              i < lines.length - 1 || finalNewline
                ? Buffer.from(crlf ? '\r\n' : '\n')
                : Buffer.alloc(0),
            ]),
          );
          const content = Buffer.concat(parts);
          const file = path.join(dir, 'f.txt');
          writeFileSync(file, content);
          const seen: Buffer[] = [];
          const got: { number: number; tooLong: boolean; text: string }[] = [];
          // Copy each line as it comes: its bytes are a view of a buffer that is reused.
          for (const l of readFileLines(file, maxLineBytes, (c) => seen.push(Buffer.from(c)))) {
            got.push({ number: l.number, tooLong: l.tooLong, text: l.bytes.toString('hex') });
          }
          const expected = lines
            .filter((_, i) => i < lines.length - 1 || finalNewline || lines[i]![0].length > 0)
            .map(([l], i) => ({
              number: i + 1,
              tooLong: l.length > maxLineBytes,
              text: l.length > maxLineBytes ? '' : l.toString('hex'),
            }));
          expect(got).toEqual(expected);
          expect(Buffer.concat(seen).equals(content)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
