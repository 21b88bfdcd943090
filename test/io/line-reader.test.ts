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

describe('readFileLines over a range', () => {
  it('yields, for ranges cut at line starts, exactly the lines the whole file yields there', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ maxLength: 12 }).filter((s) => !s.includes('\n')),
          { maxLength: 20 },
        ),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 4 }),
        (lines, finalNewline, picks) => {
          const text = lines.join('\n') + (finalNewline && lines.length > 0 ? '\n' : '');
          const bytes = Buffer.from(text);
          const file = path.join(dir, 'range.txt');
          writeFileSync(file, bytes);
          const seen = (r?: { start: number; end: number; firstLine: number }) =>
            // Mapped as read: a line's bytes are a view of the reader's reused buffer.
            Array.from(readFileLines(file, 8, undefined, r), (l) => ({
              number: l.number,
              text: l.bytes.toString(),
              tooLong: l.tooLong,
            }));
          // Line starts, and the number of the line each begins.
          const starts = [0];
          for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) starts.push(i + 1);
          const cuts = [...new Set(picks.map((p) => p % starts.length))].sort((a, b) => a - b);
          const bounds = [0, ...cuts.filter((c) => c > 0), starts.length - 1];
          const pieces = [];
          for (let i = 0; i + 1 < bounds.length; i++) {
            const from = bounds[i]!;
            const to = i + 2 === bounds.length ? bytes.length : starts[bounds[i + 1]!]!;
            pieces.push(
              ...seen({
                start: starts[from]!,
                end: Math.max(to, starts[from]!),
                firstLine: from + 1,
              }),
            );
          }
          expect(pieces).toEqual(seen());
        },
      ),
    );
  });
});
