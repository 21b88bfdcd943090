import { EMPTY, type Line, line } from './line-reader.js';

const NEWLINE = 0x0a;

/**
 * The lines of a stream of chunks (a decompressor's output), numbered and bounded exactly as
 * `readFileLines` reads the same bytes from a file: split at each newline, a trailing CR dropped,
 * a line longer than `maxLineBytes` reported as too long without its bytes (and not held: past
 * the limit its bytes are dropped as they arrive), a last line without newline still a line.
 * Yields the lines of each chunk together; they are views of the chunk (and of a copy for a line
 * that spans chunks), valid until the generator is resumed. The chunks must not be reused by
 * their producer (zlib's and the zstd decoder's are fresh buffers).
 */
export async function* readStreamLines(
  chunks: AsyncIterable<Buffer>,
  maxLineBytes: number,
): AsyncGenerator<Line[]> {
  // As readFileLines: room for the longest allowed line plus its CR.
  const limit = maxLineBytes + 1;
  let carry: Buffer[] = [];
  let carryBytes = 0;
  let skipping = false;
  let number = 0;
  for await (const chunk of chunks) {
    const lines: Line[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
      number++;
      if (skipping) {
        skipping = false;
        lines.push({ number, bytes: EMPTY, tooLong: true });
      } else if (carryBytes > 0) {
        carry.push(chunk.subarray(start, nl));
        lines.push(line(number, Buffer.concat(carry), maxLineBytes));
        carry = [];
        carryBytes = 0;
      } else {
        lines.push(line(number, chunk.subarray(start, nl), maxLineBytes));
      }
      start = nl + 1;
    }
    if (start < chunk.length && !skipping) {
      carryBytes += chunk.length - start;
      if (carryBytes > limit) {
        skipping = true;
        carry = [];
        carryBytes = 0;
      } else {
        carry.push(chunk.subarray(start));
      }
    }
    if (lines.length > 0) yield lines;
  }
  if (skipping) yield [{ number: number + 1, bytes: EMPTY, tooLong: true }];
  else if (carryBytes > 0) yield [line(number + 1, Buffer.concat(carry), maxLineBytes)];
}
