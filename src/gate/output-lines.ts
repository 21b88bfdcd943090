import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import type { Readable, Transform } from 'node:stream';
import zlib from 'node:zlib';
import { expansionLimit } from '../io/decompress.js';
import { createZstdDecoder } from '../io/zstd-decoder.js';

/** How a published lines file is stored, by its name: `.jsonl`, `.jsonl.gz` or `.jsonl.zst`. */
export function compressionOf(file: string): 'gzip' | 'zstd' | undefined {
  if (file.endsWith('.gz')) return 'gzip';
  if (file.endsWith('.zst')) return 'zstd';
  return undefined;
}

/** A lines file as read back: its lines (uncompressed, without newline), then its digest. */
export interface ReadBack {
  readonly lines: AsyncGenerator<Buffer>;
  /** Size and SHA-256 of the file as stored (compressed or not); complete once `lines` is done. */
  readonly stored: { bytes: number; sha256: string };
}

/**
 * Streams a published lines file, hashing the stored bytes as they pass and splitting what they
 * decompress to at each newline. A last line without its newline is still a line: the file's
 * digest tells whether it was written so.
 */
export function readOutputLines(file: string): ReadBack {
  const stored = { bytes: 0, sha256: '' };
  const compression = compressionOf(file);
  async function* lines(): AsyncGenerator<Buffer> {
    const digest = createHash('sha256');
    const source = createReadStream(file);
    source.on('data', (chunk) => {
      digest.update(chunk as Buffer);
      stored.bytes += chunk.length;
    });
    const decoded: Readable =
      compression === undefined
        ? source
        : source.pipe(decompressor(compression, expansionLimit(statSync(file).size)));
    source.on('error', (err) => decoded.destroy(err));
    let carry = Buffer.alloc(0);
    for await (const chunk of decoded) {
      let data = carry.length === 0 ? (chunk as Buffer) : Buffer.concat([carry, chunk as Buffer]);
      let start = 0;
      for (let nl = data.indexOf(0x0a); nl !== -1; nl = data.indexOf(0x0a, start)) {
        yield data.subarray(start, nl);
        start = nl + 1;
      }
      data = data.subarray(start);
      carry = Buffer.from(data);
    }
    if (carry.length > 0) yield carry;
    stored.sha256 = digest.digest('hex');
  }
  return { lines: lines(), stored };
}

function decompressor(compression: 'gzip' | 'zstd', limit: number): Transform {
  // fzstd, not node:zlib: it reads zstd on every Node and fails on a truncated file. A file
  // being verified may be hostile: its output is bounded as an input's is.
  return compression === 'gzip' ? zlib.createGunzip() : createZstdDecoder(limit);
}
