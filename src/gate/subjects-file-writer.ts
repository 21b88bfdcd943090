import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { TreeHasher } from '../merkle/index.js';
import { sha256Into } from '../merkle/sha256-into.js';
import type { FileEntry } from './manifest.js';
import { SUBJECT_BYTES } from './subject-bytes.js';

const W = SUBJECT_BYTES;

/** Writes subjects.bin, hashing it and computing the subjects' Merkle root on the way. */
export class SubjectsFileWriter {
  readonly #fd: number;
  readonly #sha = createHash('sha256');
  readonly #tree = new TreeHasher();
  // 0x00 ‖ subject: the RFC 6962 leaf input, hashed in one call per subject.
  readonly #leaf = Buffer.alloc(1 + W);
  readonly #digest = Buffer.alloc(32);
  #bytes = 0;

  constructor(readonly file: string) {
    this.#fd = openSync(file, 'wx', 0o644);
  }

  write(block: Buffer): void {
    this.#sha.update(block);
    let written = 0;
    while (written < block.length) {
      written += writeSync(this.#fd, block, written, block.length - written);
    }
    this.#bytes += block.length;
    for (let at = 0; at < block.length; at += W) {
      block.copy(this.#leaf, 1, at, at + W);
      sha256Into(this.#leaf, this.#digest, 0);
      this.#tree.appendLeafHash(this.#digest);
    }
  }

  close(): { entry: FileEntry; count: number; root: Buffer } {
    fsyncSync(this.#fd);
    closeSync(this.#fd);
    const count = this.#tree.size;
    return {
      entry: {
        path: path.basename(this.file),
        bytes: this.#bytes,
        sha256: this.#sha.digest('hex'),
        records: count,
      },
      count,
      root: this.#tree.root(),
    };
  }

  abort(): void {
    try {
      closeSync(this.#fd);
    } catch {
      // already closed
    }
  }
}
