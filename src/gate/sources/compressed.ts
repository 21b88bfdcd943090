import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Compression, decompressToFile } from '../../io/decompress.js';
import { type InputSource, inputSize } from './source.js';

/**
 * Compressed JSON lines are streamed, bounded, into a file in staging and read from there like
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
