import { closeSync, openSync, readSync } from 'node:fs';
import type { LineBatch, LineBatcher } from './line-batch.js';

const NEWLINE = 0x0a;
const READ_BYTES = 4 * 1024 * 1024;

/**
 * A JSON lines file's lines, straight into `batcher`'s batches: yields each batch as it fills
 * (the caller takes the last, partly filled one). The lines, their numbers and the too-long
 * ones are those `readFileLines` (io/line-reader.ts) yields, and `onRead` sees every byte once,
 * in order; but no object, view or copy is made per line (see LineBatcher.addLines). A line
 * longer than the read buffer grows it, up to `maxLineBytes` and its CR; past that its bytes
 * are skipped and it is added as too long.
 */
export function* readFileBatches(
  file: string,
  maxLineBytes: number,
  batcher: LineBatcher,
  inputIndex: number,
  onRead?: (chunk: Buffer) => void,
): Generator<LineBatch> {
  const fd = openSync(file, 'r');
  try {
    const limit = maxLineBytes + 1;
    let buf = Buffer.allocUnsafeSlow(Math.min(READ_BYTES, limit + 1));
    let view = buf.subarray(0, 0);
    let start = 0;
    let number = 0;
    // Whether the bytes before `view` began a line too long to keep, not yet ended.
    let skipping = false;
    let eof = false;
    for (;;) {
      if (skipping) {
        const newline = view.indexOf(NEWLINE);
        if (newline !== -1) {
          batcher.addTooLong(++number);
          skipping = false;
          start = newline + 1;
          if (batcher.full) yield batcher.take(inputIndex);
        }
      }
      if (!skipping) {
        for (;;) {
          start = batcher.addLines(view, start, number + 1, maxLineBytes);
          number += batcher.linesAdded;
          if (!batcher.full) break;
          yield batcher.take(inputIndex);
        }
      }
      if (eof) {
        // The last line, without a newline.
        if (skipping) batcher.addTooLong(++number);
        else if (start < view.length) lastLine(batcher, view, start, ++number, maxLineBytes);
        return;
      }
      // No complete line left in the buffer: keep the partial line, then read more.
      let end = view.length - start;
      if (skipping || end > limit) {
        skipping = true;
        end = 0;
      } else if (start > 0) {
        buf.copy(buf, 0, start, view.length);
      } else if (end === buf.length) {
        const bigger = Buffer.allocUnsafeSlow(Math.min(buf.length * 2, limit + 1));
        buf.copy(bigger, 0, 0, end);
        buf = bigger;
      }
      const n = readSync(fd, buf, end, buf.length - end, null);
      if (n === 0) eof = true;
      else onRead?.(buf.subarray(end, end + n));
      view = buf.subarray(0, end + n);
      start = 0;
    }
  } finally {
    closeSync(fd);
  }
}

/** Adds the file's last line, which has no newline: as if it had one. */
function lastLine(
  batcher: LineBatcher,
  view: Buffer,
  start: number,
  number: number,
  maxLineBytes: number,
): void {
  const withNewline = Buffer.allocUnsafe(view.length - start + 1);
  view.copy(withNewline, 0, start);
  withNewline[withNewline.length - 1] = NEWLINE;
  batcher.addLines(withNewline, 0, number, maxLineBytes);
}
