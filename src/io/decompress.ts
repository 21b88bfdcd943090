import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { ObhutError } from '../errors/index.js';
import { createZstdDecoder } from './zstd-decoder.js';

export type Compression = 'gzip' | 'zstd';

/**
 * A decompressed input may be this many times its compressed size, plus FLOOR bytes. Text
 * corpora compress 3–20 times; a decompression bomb (a few KiB of zeros that expand to
 * gigabytes) goes far past it and is stopped before it fills the disk. docs/limits.md says so.
 */
export const MAX_EXPANSION_RATIO = 100;
export const MAX_EXPANSION_FLOOR = 64 * 1024 * 1024;

/** The most a compressed file of `inputBytes` may decompress to (see above). */
export function expansionLimit(inputBytes: number): number {
  return MAX_EXPANSION_FLOOR + MAX_EXPANSION_RATIO * Math.max(0, inputBytes);
}

export interface Decompressed {
  /** Size and SHA-256 of the compressed file as given. */
  readonly bytes: number;
  readonly sha256: string;
  /** Size of what it decompressed to. */
  readonly outBytes: number;
}

/**
 * Whether node:zlib has zstd (Node 22.15 and 23.8 on), which writing `--compress zstd` needs.
 * Reading zstd needs it not: that is fzstd's (see zstd-decoder.ts), on every Node.
 */
export function zstdAvailable(): boolean {
  return typeof (zlib as { createZstdCompress?: unknown }).createZstdCompress === 'function';
}

/**
 * Streams `input` through its decompressor into `target`, so memory stays flat, refusing
 * (INPUT_DECOMPRESSION_LIMIT) past `maxOutBytes`; truncated or corrupt data is INPUT_CORRUPT.
 * A gzip file of several members (as `cat a.gz b.gz` makes) decompresses as their concatenation.
 */
export async function decompressToFile(
  input: string,
  target: string,
  compression: Compression,
  maxOutBytes?: number,
  inputBytes?: number,
): Promise<Decompressed> {
  const digest = createHash('sha256');
  let bytes = 0;
  let outBytes = 0;
  const limit =
    maxOutBytes ?? MAX_EXPANSION_FLOOR + MAX_EXPANSION_RATIO * Math.max(0, inputBytes ?? 0);
  const decoder = decompressor(compression, limit);
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      digest.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const bound = new Transform({
    transform(chunk: Buffer, _enc, done) {
      outBytes += chunk.length;
      if (outBytes > limit) {
        done(
          new ObhutError(
            'INPUT_DECOMPRESSION_LIMIT',
            `${input} decompresses to more than ${limit} bytes (${MAX_EXPANSION_RATIO} times its size plus ${MAX_EXPANSION_FLOOR} bytes): refused as a possible decompression bomb`,
          ),
        );
        return;
      }
      done(null, chunk);
    },
  });
  try {
    await pipeline(
      createReadStream(input),
      tap,
      decoder,
      bound,
      createWriteStream(target, { flags: 'wx', mode: 0o600 }),
    );
  } catch (err) {
    if (err instanceof ObhutError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      throw new ObhutError(
        'INPUT_UNREADABLE',
        `cannot read input ${input}: ${(err as Error).message}`,
        {
          cause: err,
        },
      );
    }
    throw new ObhutError(
      'INPUT_CORRUPT',
      `${input} is not valid ${compression} data (truncated or corrupt): ${(err as Error).message}`,
      { cause: err },
    );
  }
  return { bytes, sha256: digest.digest('hex'), outBytes };
}

function decompressor(compression: Compression, limit: number): Transform {
  return compression === 'gzip' ? zlib.createGunzip() : createZstdDecoder(limit);
}
