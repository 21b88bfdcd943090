import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchLines, LineBatcher } from '../../src/evaluation/line-batch.js';

const line = (number: number, bytes: Uint8Array, tooLong = false) => ({
  number,
  bytes: Buffer.from(bytes),
  tooLong,
});

describe('LineBatcher', () => {
  it('gives every line back, in order, across batches whose blocks are recycled', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.uint8Array({ maxLength: 50 }), fc.boolean()), { maxLength: 200 }),
        fc.integer({ min: 1, max: 7 }),
        (lines, maxLines) => {
          const batcher = new LineBatcher(maxLines);
          const seen: { number: number; bytes: string; tooLong: boolean }[] = [];
          const drain = () => {
            const batch = batcher.take(0);
            for (const l of batchLines(batch))
              seen.push({ number: l.number, bytes: l.bytes.toString('hex'), tooLong: l.tooLong });
            // Written: its block may be filled by the next batch, which must not change what
            // was read from this one (read above) nor mix this batch's bytes into the next.
            batcher.recycle(batch.data);
          };
          lines.forEach(([bytes, tooLong], i) => {
            batcher.add(line(i + 1, bytes, tooLong));
            if (batcher.full) drain();
          });
          if (!batcher.empty) drain();
          expect(seen).toEqual(
            lines.map(([bytes, tooLong], i) => ({
              number: i + 1,
              bytes: Buffer.from(bytes).toString('hex'),
              tooLong,
            })),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('shares a batch block with workers and fills a recycled block again', () => {
    const batcher = new LineBatcher(1);
    batcher.add(line(1, Buffer.from('a')));
    const first = batcher.take(0);
    expect(first.data.buffer).toBeInstanceOf(SharedArrayBuffer);
    batcher.recycle(first.data);
    batcher.add(line(2, Buffer.from('b')));
    const second = batcher.take(0);
    batcher.add(line(3, Buffer.from('c')));
    const third = batcher.take(0);
    // The block taken for the second batch was made before the recycle; the third reuses the first's.
    expect(third.data.buffer).toBe(first.data.buffer);
    expect(second.data.buffer).not.toBe(first.data.buffer);
    expect(Buffer.from(third.data).toString()).toBe('c');
  });
});
