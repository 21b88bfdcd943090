import path from 'node:path';
import { MAX_RECORD_BYTES } from '../../evaluation/evaluate-line.js';
import { MAX_MEDIA_BYTES } from '../../evaluation/media.js';
import { unpackShard } from '../../io/webdataset.js';
import type { InputSource } from './source.js';

/** A WebDataset shard is unpacked into staging: one record line per sample, its media beside it. */
export async function webdatasetSource(input: string, workDir: string): Promise<InputSource> {
  const shard = await unpackShard(input, workDir, {
    maxRecordBytes: MAX_RECORD_BYTES,
    maxMediaBytes: MAX_MEDIA_BYTES,
  });
  return {
    read: shard.records,
    dir: shard.dir,
    workDir,
    converted: { bytes: shard.bytes, sha256: shard.sha256 },
  };
}

export function isWebdatasetPath(file: string): boolean {
  return path.extname(file).toLowerCase() === '.tar';
}
