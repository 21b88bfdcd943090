/** One line of input, without its line ending. `tooLong` lines carry no bytes. */
export interface Line {
  /** 1-based line number within the file. */
  readonly number: number;
  readonly bytes: Buffer;
  readonly tooLong: boolean;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Splits a byte stream into lines, a chunk's worth at a time. Works on bytes rather than
 * decoded text so invalid UTF-8 can be reported per line, and bounds each line so one
 * enormous line cannot exhaust memory: its bytes are dropped and it is reported as too long.
 */
export async function* readLines(
  chunks: AsyncIterable<Buffer>,
  maxLineBytes: number,
): AsyncGenerator<Line[]> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overflowing = false;
  let lineNumber = 0;

  const finish = (tail: Buffer): Line => {
    lineNumber++;
    if (overflowing || pendingBytes + tail.length > maxLineBytes) {
      pending = [];
      pendingBytes = 0;
      overflowing = false;
      return { number: lineNumber, bytes: EMPTY, tooLong: true };
    }
    let bytes = pending.length === 0 ? tail : Buffer.concat([...pending, tail]);
    pending = [];
    pendingBytes = 0;
    if (bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN)
      bytes = bytes.subarray(0, -1);
    return { number: lineNumber, bytes, tooLong: false };
  };

  for await (const chunk of chunks) {
    const lines: Line[] = [];
    let start = 0;
    for (;;) {
      const end = chunk.indexOf(NEWLINE, start);
      if (end === -1) break;
      lines.push(finish(chunk.subarray(start, end)));
      start = end + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      if (overflowing || pendingBytes + rest.length > maxLineBytes) {
        overflowing = true;
        pending = [];
        pendingBytes = 0;
      } else {
        pending.push(rest);
        pendingBytes += rest.length;
      }
    }
    if (lines.length > 0) yield lines;
  }
  if (pendingBytes > 0 || overflowing) yield [finish(EMPTY)];
}

const EMPTY = Buffer.alloc(0);

/** Passes chunks through unchanged while feeding them to `observe` (e.g. a running hash). */
export async function* tap(
  chunks: AsyncIterable<Buffer>,
  observe: (chunk: Buffer) => void,
): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    observe(chunk);
    yield chunk;
  }
}
