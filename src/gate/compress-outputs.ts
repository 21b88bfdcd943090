import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { ObhutError } from '../errors/index.js';
import type { FileEntry } from './manifest.js';

export type OutputCompression = 'gzip' | 'zstd';

const SUFFIX: Record<OutputCompression, string> = { gzip: '.gz', zstd: '.zst' };

/** Throws unless this Node can write the compression (zstd needs Node 22.15 or 23.8). */
export function checkOutputCompression(compression: OutputCompression): void {
  if (compression === 'zstd' && !zstdCompressor()) {
    throw new ObhutError(
      'USAGE',
      `--compress zstd needs Node 22.15, 23.8 or later (this is ${process.version}, whose node:zlib has no zstd); use --compress gzip`,
    );
  }
}

/**
 * Replaces each items file in the staging folder by its compressed form (`items-00000.jsonl.gz`
 * or `.zst`), described by the size and SHA-256 of the compressed file. Lines and their count
 * are unchanged, so `items_root` (over the uncompressed lines) is too. Other outputs stay plain.
 */
export async function compressItemFiles(
  dir: string,
  outputs: readonly FileEntry[],
  compression: OutputCompression,
): Promise<FileEntry[]> {
  const result: FileEntry[] = [];
  for (const entry of outputs) {
    if (!/^items-\d{5}\.jsonl$/.test(entry.path)) {
      result.push(entry);
      continue;
    }
    const name = `${entry.path}${SUFFIX[compression]}`;
    const digest = createHash('sha256');
    let bytes = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        digest.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    await pipeline(
      createReadStream(path.join(dir, entry.path)),
      compressor(compression),
      tap,
      createWriteStream(path.join(dir, name), { flags: 'wx', mode: 0o644 }),
    );
    await rm(path.join(dir, entry.path));
    result.push({
      path: name,
      bytes,
      sha256: digest.digest('hex'),
      ...(entry.records === undefined ? {} : { records: entry.records }),
    });
  }
  return result.sort((a, b) => (a.path < b.path ? -1 : 1));
}

function compressor(compression: OutputCompression): Transform {
  if (compression === 'gzip') return zlib.createGzip({ level: 6 });
  const zstd = zstdCompressor();
  if (!zstd) throw new ObhutError('USAGE', '--compress zstd needs Node 22.15, 23.8 or later');
  return zstd();
}

function zstdCompressor(): (() => Transform) | undefined {
  return (zlib as { createZstdCompress?: () => Transform }).createZstdCompress;
}
