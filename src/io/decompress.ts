import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline as pipelineCallback, Transform } from 'node:stream';
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
        done(limitError(input, limit));
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
    throw inputError(input, compression, err);
  }
  return { bytes, sha256: digest.digest('hex'), outBytes };
}

/**
 * The decompressed bytes of `input`, chunk by chunk, for reading its lines without a staging
 * file: as `decompressToFile`, bounded by `expansionLimit(inputBytes)` (INPUT_DECOMPRESSION_LIMIT)
 * and failing on truncated or corrupt data (INPUT_CORRUPT), which the reader meets at the point
 * of the cut, after the chunks before it. `onRead` sees every compressed byte once, in order.
 */
export async function* decompressedChunks(
  input: string,
  compression: Compression,
  inputBytes: number,
  onRead?: (chunk: Buffer) => void,
): AsyncGenerator<Buffer> {
  const limit = expansionLimit(inputBytes);
  const source = createReadStream(input, { highWaterMark: READ_BYTES });
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      onRead?.(chunk);
      done(null, chunk);
    },
  });
  const decoder =
    compression === 'gzip'
      ? zlib.createGunzip({ chunkSize: READ_BYTES })
      : createZstdDecoder(limit);
  // Errors anywhere destroy every stream and reach the loop below through the decoder; a reader
  // that stops early destroys the decoder, and so the file.
  const stream = pipelineCallback(source, tap, decoder, () => {});
  let outBytes = 0;
  try {
    for await (const chunk of stream) {
      outBytes += (chunk as Buffer).length;
      if (outBytes > limit) throw limitError(input, limit);
      yield chunk as Buffer;
    }
  } catch (err) {
    throw inputError(input, compression, err);
  } finally {
    stream.destroy();
  }
}

const READ_BYTES = 1 << 20;

function limitError(input: string, limit: number): ObhutError {
  return new ObhutError(
    'INPUT_DECOMPRESSION_LIMIT',
    `${input} decompresses to more than ${limit} bytes (${MAX_EXPANSION_RATIO} times its size plus ${MAX_EXPANSION_FLOOR} bytes): refused as a possible decompression bomb`,
  );
}

/** A read failure as the error a build reports: unreadable, or not valid compressed data. */
function inputError(input: string, compression: Compression, err: unknown): ObhutError {
  if (err instanceof ObhutError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
    return new ObhutError(
      'INPUT_UNREADABLE',
      `cannot read input ${input}: ${(err as Error).message}`,
      { cause: err },
    );
  }
  return new ObhutError(
    'INPUT_CORRUPT',
    `${input} is not valid ${compression} data (truncated or corrupt): ${(err as Error).message}`,
    { cause: err },
  );
}

function decompressor(compression: Compression, limit: number): Transform {
  return compression === 'gzip' ? zlib.createGunzip() : createZstdDecoder(limit);
}
