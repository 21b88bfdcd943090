import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { ObhutError } from '../errors/index.js';

export type DigestAlgorithm = 'sha256' | 'md5';

/** Hex digest of a file's bytes, streamed. */
export async function digestFile(path: string, algorithm: DigestAlgorithm): Promise<string> {
  const hash = createHash(algorithm);
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch (err) {
    throw new ObhutError('INPUT_UNREADABLE', `${path}: ${(err as Error).message}`, { cause: err });
  }
  return hash.digest('hex');
}
