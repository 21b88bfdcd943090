import { closeSync, openSync, readSync } from 'node:fs';

/** One line of input, without its line ending. `tooLong` lines carry no bytes. */
export interface Line {
  /** 1-based line number within the file. */
  readonly number: number;
  /** Valid only until the generator is resumed: it is a view of a reused read buffer. */
  readonly bytes: Buffer;
  readonly tooLong: boolean;
}

/**
 * Part of a file that starts at a line start: bytes [start, end), whose first line is number
 * `firstLine` of the file. Its lines are those the whole file's reading yields there.
 */
export interface LineRange {
  readonly start: number;
  readonly end: number;
  readonly firstLine: number;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const READ_BYTES = 4 * 1024 * 1024;

/**
 * Reads a file line by line through one reused buffer. Works on bytes rather than decoded
 * text so invalid UTF-8 can be reported per line; bounds each line so one enormous line
 * cannot exhaust memory (its bytes are skipped and it is reported as too long); and, by
 * reusing its buffer, leaves no per-chunk garbage, which kept memory flat on large inputs.
 * `onRead` sees every byte of the file once, in order (for a running digest and progress).
 */
export function* readFileLines(
  file: string,
  maxLineBytes: number,
  onRead?: (chunk: Buffer) => void,
  range?: LineRange,
): Generator<Line> {
  const fd = openSync(file, 'r');
  // Without a range, the whole file from its first line.
  let position = range?.start ?? 0;
  const stop = range?.end ?? Number.POSITIVE_INFINITY;
  try {
    // Room for the longest allowed line plus its CR, so the limit applies to the content alone.
    const limit = maxLineBytes + 1;
    let buf = Buffer.allocUnsafeSlow(Math.min(READ_BYTES, limit + 1));
    let view = buf.subarray(0, 0);
    let start = 0;
    let scanFrom = 0;
    let lineNumber = (range?.firstLine ?? 1) - 1;
    let skipping = false;
    let eof = false;
    for (;;) {
      const newline = view.indexOf(NEWLINE, scanFrom);
      if (newline !== -1) {
        lineNumber++;
        if (skipping) {
          skipping = false;
          yield { number: lineNumber, bytes: EMPTY, tooLong: true };
        } else {
          yield line(lineNumber, view.subarray(start, newline), maxLineBytes);
        }
        start = newline + 1;
        scanFrom = start;
        continue;
      }
      if (eof) {
        if (skipping || start < view.length) {
          yield skipping
            ? { number: lineNumber + 1, bytes: EMPTY, tooLong: true }
            : line(lineNumber + 1, view.subarray(start), maxLineBytes);
        }
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
      const n = readSync(fd, buf, end, Math.min(buf.length - end, stop - position), position);
      position += n;
      if (n === 0) eof = true;
      else onRead?.(buf.subarray(end, end + n));
      view = buf.subarray(0, end + n);
      start = 0;
      scanFrom = end;
    }
  } finally {
    closeSync(fd);
  }
}

/** A line's bytes without its newline: its CR dropped, too long past `maxLineBytes`. */
export function line(number: number, bytes: Buffer, maxLineBytes: number): Line {
  const end =
    bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN
      ? bytes.length - 1
      : bytes.length;
  if (end > maxLineBytes) return { number, bytes: EMPTY, tooLong: true };
  return { number, bytes: end === bytes.length ? bytes : bytes.subarray(0, end), tooLong: false };
}

export const EMPTY = Buffer.alloc(0);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** A line's bytes without the UTF-8 byte order mark an editor may put at the start of a file. */
export function lineContent(line: Line): Buffer {
  return line.number === 1 && line.bytes.subarray(0, 3).equals(UTF8_BOM)
    ? line.bytes.subarray(3)
    : line.bytes;
}

/** Index of the last byte that is not JSON whitespace, or -1 for a blank line. */
export function lastNonSpace(bytes: Buffer): number {
  let i = bytes.length - 1;
  while (i >= 0) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0a) break;
    i--;
  }
  return i;
}
