import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Compression, decompressToFile } from '../../io/decompress.js';
import { type InputSource, inputSize } from './source.js';

/**
 * Compressed JSON lines the build reads as they decompress (`readSourceLines`), without a copy
 * in staging: line numbers are those of the decompressed stream, media paths are relative to the
 * folder of the compressed input, and the build hashes the compressed bytes as it reads them for
 * the manifest. Truncated data fails the build where it is met, before anything is published.
 */
export function streamedSource(input: string, compression: Compression): InputSource {
  inputSize(input);
  return { read: input, dir: path.dirname(path.resolve(input)), compression };
}

/**
 * For readers that need a file (a mapping, which keeps the rows; review and pii): compressed
 * JSON lines are streamed, bounded, into a file in staging and read from there like
 * any JSONL; line numbers are those of the decompressed file, media paths stay relative to the
 * folder of the compressed input, and the manifest names the compressed file as given.
 */
export async function compressedSource(
  input: string,
  workDir: string,
  compression: Compression,
): Promise<InputSource> {
  const size = inputSize(input);
  await mkdir(workDir, { recursive: true, mode: 0o700 });
  const records = path.join(workDir, 'records.jsonl');
  const out = await decompressToFile(input, records, compression, undefined, size);
  return {
    read: records,
    dir: path.dirname(path.resolve(input)),
    converted: { bytes: out.bytes, sha256: out.sha256 },
    workDir,
  };
}
