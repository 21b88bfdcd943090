import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileBatches } from '../../src/evaluation/file-batches.js';
import { batchLines, LineBatcher } from '../../src/evaluation/line-batch.js';
import { readFileLines } from '../../src/io/line-reader.js';

const dir = mkdtempSync(path.join(tmpdir(), 'obhut-file-batches-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Seen = { number: number; bytes: string; tooLong: boolean };

/** What a build read before: readFileLines, each line added to a batcher. */
function byLines(file: string, max: number, maxLines: number): { lines: Seen[]; read: Buffer } {
  const batcher = new LineBatcher(maxLines);
  const lines: Seen[] = [];
  const chunks: Buffer[] = [];
  const drain = () => {
    const batch = batcher.take(0);
    for (const l of batchLines(batch))
      lines.push({ number: l.number, bytes: l.bytes.toString('hex'), tooLong: l.tooLong });
    batcher.recycle(batch.data);
  };
  for (const line of readFileLines(file, max, (c) => chunks.push(Buffer.from(c)))) {
    batcher.add(line);
    if (batcher.full) drain();
  }
  if (!batcher.empty) drain();
  return { lines, read: Buffer.concat(chunks) };
}

function byBatches(file: string, max: number, maxLines: number): { lines: Seen[]; read: Buffer } {
  const batcher = new LineBatcher(maxLines);
  const lines: Seen[] = [];
  const chunks: Buffer[] = [];
  const drain = (batch: ReturnType<LineBatcher['take']>) => {
    for (const l of batchLines(batch))
      lines.push({ number: l.number, bytes: l.bytes.toString('hex'), tooLong: l.tooLong });
    // Written: the block may be filled again by a later batch.
    batcher.recycle(batch.data);
  };
  for (const batch of readFileBatches(file, max, batcher, 0, (c) => chunks.push(Buffer.from(c))))
    drain(batch);
  if (!batcher.empty) drain(batcher.take(0));
  return { lines, read: Buffer.concat(chunks) };
}

// Lines from a small alphabet with CRs and newlines, so that empty lines, CRLF endings, a last
// line without a newline and lines longer than a small limit all come up.
const content = fc
  .array(fc.constantFrom(0x61, 0x7b, 0x0d, 0x0a, 0x0a, 0xe2), { maxLength: 400 })
  .map((bytes) => Buffer.from(bytes));

describe('readFileBatches', () => {
  it('gives the lines, numbers, too-long flags and read bytes readFileLines gives', () => {
    let run = 0;
    fc.assert(
      fc.property(
        content,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 9 }),
        (bytes, max, maxLines) => {
          const file = path.join(dir, `f${run++}.jsonl`);
          writeFileSync(file, bytes);
          const expected = byLines(file, max, maxLines);
          const got = byBatches(file, max, maxLines);
          expect(got.lines).toEqual(expected.lines);
          expect(got.read.equals(bytes)).toBe(true);
          rmSync(file);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads a file larger than its read buffer, with lines across reads', () => {
    const lines = Array.from(
      { length: 30_000 },
      (_, i) => `{"id":"${i}","text":"${'x'.repeat(i % 700)}"}`,
    );
    const file = path.join(dir, 'large.jsonl');
    writeFileSync(file, `${lines.join('\r\n')}\n`);
    const expected = byLines(file, 16 << 20, 2048);
    const got = byBatches(file, 16 << 20, 2048);
    expect(got.lines.length).toBe(30_000);
    expect(got.lines).toEqual(expected.lines);
  });
});
