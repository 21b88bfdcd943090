import { decompressedChunks } from '../../io/decompress.js';
import { type Line, readFileLines } from '../../io/line-reader.js';
import { readStreamLines } from '../../io/stream-lines.js';
import { type InputSource, inputSize } from './source.js';

/**
 * An input's item-record lines, in groups: a file's lines as one group read synchronously
 * (`readFileLines`, no promise per line), a compressed input's lines chunk by chunk as they
 * decompress. `onRead` sees every byte of `source.read` once, in order: the compressed bytes
 * for a compressed input, so its digest is the file's as given.
 */
export async function* readSourceLines(
  source: InputSource,
  maxLineBytes: number,
  onRead: (chunk: Buffer) => void,
): AsyncGenerator<Iterable<Line>> {
  if (source.compression === undefined) {
    yield readFileLines(source.read, maxLineBytes, onRead);
    return;
  }
  const chunks = decompressedChunks(
    source.read,
    source.compression,
    inputSize(source.read),
    onRead,
  );
  yield* readStreamLines(chunks, maxLineBytes);
}
