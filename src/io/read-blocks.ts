import { closeSync, openSync, readSync } from 'node:fs';

/** A file's bytes in 1 MiB blocks, each valid until the next is read. */
export function* readBlocks(file: string): Generator<Buffer> {
  const fd = openSync(file, 'r');
  try {
    const block = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = readSync(fd, block, 0, block.length, null);
      if (n === 0) return;
      yield block.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}
