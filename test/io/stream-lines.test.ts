import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileLines } from '../../src/io/line-reader.js';
import { readStreamLines } from '../../src/io/stream-lines.js';

const dir = mkdtempSync(path.join(tmpdir(), 'obhut-stream-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Seen = { number: number; tooLong: boolean; hex: string };
const seen = (l: { number: number; tooLong: boolean; bytes: Buffer }): Seen => ({
  number: l.number,
  tooLong: l.tooLong,
  hex: l.bytes.toString('hex'),
});

async function* chunksOf(bytes: Buffer, cuts: number[]): AsyncGenerator<Buffer> {
  let at = 0;
  for (const cut of [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)) {
    // Fresh buffers, as a decompressor hands them over.
    yield Buffer.from(bytes.subarray(at, cut));
    at = cut;
  }
  yield Buffer.from(bytes.subarray(at));
}

describe('readStreamLines', () => {
  it('gives, however the bytes are cut into chunks, exactly the lines readFileLines gives for the file', async () => {
    // Lines of newlines, CRs and other bytes, some longer than the limit, with or without a
    // last newline: the byte alphabet is small so that CR LF, lone CRs and blank lines occur.
    const bytes = fc
      .array(fc.constantFrom(0x0a, 0x0d, 0x61, 0x62, 0x7b, 0xff), { maxLength: 300 })
      .map((b) => Buffer.from(b));
    await fc.assert(
      fc.asyncProperty(
        bytes,
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.integer({ min: 0, max: 40 }),
        async (content, cuts, maxLineBytes) => {
          const file = path.join(dir, 'f.txt');
          writeFileSync(file, content);
          // Each line copied as it comes: its bytes are a view of a buffer that is reused.
          const expected: Seen[] = [];
          for (const l of readFileLines(file, maxLineBytes)) expected.push(seen(l));
          const got: Seen[] = [];
          for await (const group of readStreamLines(chunksOf(content, cuts), maxLineBytes)) {
            got.push(...group.map(seen));
          }
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
