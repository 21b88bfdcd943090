import { createHash, type Hash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { ObhutError } from '../../errors/index.js';
import type { BatchResult, PackedOutcome } from '../../evaluation/evaluate-batch.js';

/**
 * A shard's evaluated batches, as the merge replays them through the build writer: per batch a
 * frame of a 4-byte big-endian header length, the header (JSON: input index, line numbers,
 * outcomes and the sizes of the three blocks), then the admitted lines, their leaf hashes and
 * their pseudonyms. The duplicate-id check, the items files and the subject list are the
 * merge's: they need every earlier shard.
 */
export const RESULTS_FILE = 'results.bin';

interface FrameHeader {
  readonly input_index: number;
  readonly numbers: number[];
  readonly outcomes: PackedOutcome[];
  readonly admitted_bytes: number;
  readonly leaf_hash_bytes: number;
  readonly subject_bytes: number;
}

// A header holds at most one batch's outcomes (2,048 lines); far below this.
const MAX_HEADER_BYTES = 64 * 1024 * 1024;
// A batch's admitted lines: at most its input (about 1 MiB, or one 16 MiB line) plus provenance.
const MAX_BLOCK_BYTES = 256 * 1024 * 1024;

export class ResultsWriter {
  readonly #fd: number;
  readonly #hash: Hash = createHash('sha256');
  bytes = 0;
  batches = 0;

  constructor(readonly path: string) {
    this.#fd = openSync(path, 'wx', 0o644);
  }

  write(result: BatchResult, inputIndex: number): void {
    const header: FrameHeader = {
      input_index: inputIndex,
      numbers: Array.from(result.numbers),
      outcomes: [...result.outcomes],
      admitted_bytes: result.admitted.byteLength,
      leaf_hash_bytes: result.leafHashes.byteLength,
      subject_bytes: result.subjects.byteLength,
    };
    const text = Buffer.from(JSON.stringify(header));
    const length = Buffer.alloc(4);
    length.writeUInt32BE(text.length);
    for (const part of [length, text, result.admitted, result.leafHashes, result.subjects]) {
      this.#write(part);
    }
    this.batches++;
  }

  #write(data: Uint8Array): void {
    this.#hash.update(data);
    let offset = 0;
    while (offset < data.byteLength) {
      offset += writeSync(this.#fd, data, offset, data.byteLength - offset);
    }
    this.bytes += data.byteLength;
  }

  close(): { bytes: number; sha256: string; batches: number } {
    fsyncSync(this.#fd);
    closeSync(this.#fd);
    return { bytes: this.bytes, sha256: this.#hash.digest('hex'), batches: this.batches };
  }

  abort(): void {
    try {
      closeSync(this.#fd);
    } catch {
      // Already closed.
    }
  }
}

/** The batches of a results file, in order, as the evaluator handed them over. */
export function* readResults(file: string): Generator<BatchResult> {
  const fd = openSync(file, 'r');
  let position = 0;
  const read = (length: number, what: string): Buffer => {
    const buf = Buffer.allocUnsafeSlow(length);
    let got = 0;
    while (got < length) {
      const n = readSync(fd, buf, got, length - got, position + got);
      if (n === 0) throw corrupt(file, `it ends inside ${what} at byte ${position + got}`);
      got += n;
    }
    position += length;
    return buf;
  };
  try {
    for (let seq = 0; ; seq++) {
      const probe = Buffer.alloc(4);
      const n = readSync(fd, probe, 0, 4, position);
      if (n === 0) return;
      if (n < 4) throw corrupt(file, `it ends inside a frame length at byte ${position}`);
      position += 4;
      const headerBytes = probe.readUInt32BE(0);
      if (headerBytes > MAX_HEADER_BYTES) throw corrupt(file, `a header of ${headerBytes} bytes`);
      const header = JSON.parse(read(headerBytes, 'a header').toString('utf8')) as FrameHeader;
      for (const size of [header.admitted_bytes, header.leaf_hash_bytes, header.subject_bytes]) {
        if (!Number.isSafeInteger(size) || size < 0 || size > MAX_BLOCK_BYTES) {
          throw corrupt(file, `a block of ${size} bytes`);
        }
      }
      yield {
        seq,
        inputIndex: header.input_index,
        numbers: Uint32Array.from(header.numbers),
        outcomes: header.outcomes,
        admitted: read(header.admitted_bytes, 'admitted lines'),
        leafHashes: read(header.leaf_hash_bytes, 'leaf hashes'),
        subjects: read(header.subject_bytes, 'pseudonyms'),
      };
    }
  } finally {
    closeSync(fd);
  }
}

function corrupt(file: string, detail: string): ObhutError {
  return new ObhutError('SHARD_INVALID', `${file} is not a complete shard result: ${detail}`);
}
