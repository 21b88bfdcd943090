import zlib from 'node:zlib';

/**
 * `data` as zstd: node:zlib's compressor where this Node has one (22.15+), else one frame of raw
 * blocks (RFC 8878, 3.1.1: magic, a single-segment header with an 8-byte content size, blocks
 * of at most 128 KiB stored as they are). Both are zstd streams any decoder reads, so tests of
 * reading zstd run on Node 20 too.
 */
export function zstdCompress(data: Buffer): Buffer {
  const native = (zlib as { zstdCompressSync?: (b: Buffer) => Buffer }).zstdCompressSync;
  if (native) return native(data);
  const header = Buffer.alloc(13);
  header.writeUInt32LE(0xfd2fb528, 0);
  header[4] = 0xe0; // content size in 8 bytes, single segment
  header.writeBigUInt64LE(BigInt(data.length), 5);
  const parts: Buffer[] = [header];
  const MAX_BLOCK = 128 * 1024;
  let at = 0;
  do {
    const size = Math.min(MAX_BLOCK, data.length - at);
    const last = at + size >= data.length ? 1 : 0;
    const block = Buffer.alloc(3);
    block.writeUIntLE((size << 3) | last, 0, 3); // block type 0: raw
    parts.push(block, data.subarray(at, at + size));
    at += size;
  } while (at < data.length);
  return Buffer.concat(parts);
}
