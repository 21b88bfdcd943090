import { createHash, type Hash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

const FLUSH_BYTES = 1 << 20;

/**
 * An output file written in large synchronous batches while its SHA-256 and size are
 * tracked, so the manifest can describe it without reading it back.
 */
export class FileSink {
  readonly #fd: number;
  readonly #hash: Hash = createHash('sha256');
  #buffered: Buffer[] = [];
  #bufferedBytes = 0;
  #closed: { bytes: number; sha256: string; records: number } | undefined;
  #open = true;
  bytes = 0;
  records = 0;

  constructor(readonly path: string) {
    this.#fd = openSync(path, 'wx', 0o644);
  }

  writeLine(data: Buffer | string): void {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.#push(buf);
    this.#push(NEWLINE);
    this.records++;
  }

  #push(buf: Buffer): void {
    this.#buffered.push(buf);
    this.#bufferedBytes += buf.length;
    if (this.#bufferedBytes >= FLUSH_BYTES) this.flush();
  }

  flush(): void {
    if (this.#bufferedBytes === 0) return;
    const data = Buffer.concat(this.#buffered, this.#bufferedBytes);
    this.#hash.update(data);
    let offset = 0;
    while (offset < data.length) offset += writeSync(this.#fd, data, offset);
    this.bytes += data.length;
    this.#buffered = [];
    this.#bufferedBytes = 0;
  }

  /** Flushes, syncs to disk and closes; returns the file's size and SHA-256. */
  close(): { bytes: number; sha256: string; records: number } {
    if (this.#closed) return this.#closed;
    this.flush();
    fsyncSync(this.#fd);
    closeSync(this.#fd);
    this.#open = false;
    this.#closed = { bytes: this.bytes, sha256: this.#hash.digest('hex'), records: this.records };
    return this.#closed;
  }

  /** Closes without syncing; the caller is discarding the file. */
  abort(): void {
    if (!this.#open) return;
    this.#open = false;
    closeSync(this.#fd);
  }
}

const NEWLINE = Buffer.from('\n');
