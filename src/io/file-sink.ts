import { createHash, type Hash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

const BUFFER_BYTES = 1 << 20;
const NEWLINE = 0x0a;
const EMPTY = Buffer.alloc(0);

export interface ClosedFile {
  readonly bytes: number;
  readonly sha256: string;
  readonly records: number;
}

/**
 * An output file of lines, written through one reused buffer (no garbage per line) while
 * its SHA-256 and size are tracked, so the manifest can describe it without reading it back.
 */
export class FileSink {
  readonly #fd: number;
  readonly #hash: Hash = createHash('sha256');
  #buf = Buffer.allocUnsafeSlow(BUFFER_BYTES);
  #used = 0;
  #open = true;
  #closed: ClosedFile | undefined;
  bytes = 0;
  records = 0;

  constructor(readonly path: string) {
    this.#fd = openSync(path, 'wx', 0o644);
  }

  writeLine(data: Buffer | string): void {
    const length = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    if (this.#used + length + 1 > BUFFER_BYTES) this.flush();
    if (length + 1 > BUFFER_BYTES) {
      this.#write(typeof data === 'string' ? Buffer.from(data) : data);
    } else if (typeof data === 'string') {
      this.#used += this.#buf.write(data, this.#used);
    } else {
      data.copy(this.#buf, this.#used);
      this.#used += length;
    }
    if (this.#used + 1 > BUFFER_BYTES) this.flush();
    if (length + 1 > BUFFER_BYTES) this.#write(Buffer.from([NEWLINE]));
    else this.#buf[this.#used++] = NEWLINE;
    this.records++;
  }

  /** Writes `data[start, end)` as a line, without a view of it. */
  writeLineOf(data: Buffer, start: number, end: number): void {
    const length = end - start;
    if (length + 1 > BUFFER_BYTES) {
      this.writeLine(data.subarray(start, end));
      return;
    }
    if (this.#used + length + 1 > BUFFER_BYTES) this.flush();
    data.copy(this.#buf, this.#used, start, end);
    this.#used += length;
    this.#buf[this.#used++] = NEWLINE;
    this.records++;
  }

  flush(): void {
    if (this.#used === 0) return;
    this.#write(this.#buf.subarray(0, this.#used));
    this.#used = 0;
  }

  #write(data: Buffer): void {
    this.#hash.update(data);
    let offset = 0;
    while (offset < data.length) offset += writeSync(this.#fd, data, offset);
    this.bytes += data.length;
  }

  /** Flushes, syncs to disk and closes; returns the file's size and SHA-256. */
  close(): ClosedFile {
    if (this.#closed) return this.#closed;
    this.flush();
    fsyncSync(this.#fd);
    closeSync(this.#fd);
    this.#open = false;
    // Let the buffer go now: a build keeps its closed shards' sinks until it ends, and one
    // megabyte each added up to most of a large build's memory growth.
    this.#buf = EMPTY;
    this.#closed = { bytes: this.bytes, sha256: this.#hash.digest('hex'), records: this.records };
    return this.#closed;
  }

  /** Closes without syncing; the caller is discarding the file. */
  abort(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#buf = EMPTY;
    closeSync(this.#fd);
  }
}
