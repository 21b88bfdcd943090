import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FileSink } from '../../src/io/file-sink.js';

const dir = mkdtempSync(path.join(tmpdir(), 'file-sink-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

describe('FileSink.writeLineAround', () => {
  it('writes what writeLine writes for the line joined, across the buffer’s end (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            head: fc.string({ maxLength: 12 }),
            text: fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string()),
            tail: fc.string({ maxLength: 30 }),
            // Lines of up to ~400 KB, so a few fill the 1 MB buffer and one may not fit.
            pad: fc.constantFrom(0, 0, 0, 100_000, 333_333, 1_048_575),
          }),
          { maxLength: 12 },
        ),
        (lines) => {
          const around = new FileSink(path.join(dir, `a${files}`));
          const joined = new FileSink(path.join(dir, `b${files++}`));
          for (const { head, text, tail, pad } of lines) {
            const long = 'x'.repeat(pad) + text;
            around.writeLineAround(Buffer.from(head), long, Buffer.from(tail));
            joined.writeLine(head + long + tail);
          }
          const a = around.close();
          const b = joined.close();
          expect(a).toEqual(b);
          const bytes = readFileSync(around.path);
          expect(bytes.equals(readFileSync(joined.path))).toBe(true);
          expect(createHash('sha256').update(bytes).digest('hex')).toBe(a.sha256);
          rmSync(around.path);
          rmSync(joined.path);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('flushes before a line that would not fit, however many bytes its characters take', () => {
    // The sink's buffer is 1 MiB. A first line leaves `room` bytes free; the second is 10,000
    // characters of 3 bytes (30,000 bytes), or of 1, 2 and 4, with room just above and below.
    const buffer = 1 << 20;
    for (const unit of ['€', 'x', 'é', '😀']) {
      for (const room of [20_000, 25_000, 30_003, 30_004, 30_005, 40_005, 80_000]) {
        const first = 'a'.repeat(buffer - room - 1);
        const second = unit.repeat(10_000);
        const around = new FileSink(path.join(dir, `c${files}`));
        const joined = new FileSink(path.join(dir, `d${files++}`));
        around.writeLine(first);
        joined.writeLine(first);
        around.writeLineAround(Buffer.from('{'), second, Buffer.from('}'));
        joined.writeLine(`{${second}}`);
        around.writeLineAround(Buffer.from('['), unit, Buffer.from(']'));
        joined.writeLine(`[${unit}]`);
        expect(around.close()).toEqual(joined.close());
        expect(readFileSync(around.path).equals(readFileSync(joined.path))).toBe(true);
        rmSync(around.path);
        rmSync(joined.path);
      }
    }
  });
});
