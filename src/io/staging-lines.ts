import { closeSync, openSync, writeSync } from 'node:fs';

const WRITE_BYTES = 1 << 20;

/**
 * Buffered lines into a staging file. Unlike the outputs' FileSink it neither hashes nor syncs:
 * the file is read back by this build and removed, and syncing it cost seconds on a busy disk.
 */
export class StagingLines {
  readonly #fd: number;
  #open = true;
  #buf = Buffer.allocUnsafeSlow(WRITE_BYTES);
  #used = 0;

  constructor(file: string) {
    this.#fd = openSync(file, 'wx', 0o600);
  }

  writeLine(data: Buffer | string): void {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    if (this.#used + bytes.length + 1 > this.#buf.length) this.#flush();
    if (bytes.length + 1 > this.#buf.length) {
      this.#write(bytes);
      this.#write(NEWLINE);
      return;
    }
    bytes.copy(this.#buf, this.#used);
    this.#buf[this.#used + bytes.length] = 0x0a;
    this.#used += bytes.length + 1;
  }

  close(): void {
    if (!this.#open) return;
    this.#flush();
    this.#open = false;
    closeSync(this.#fd);
  }

  /**
   * Closes the file without writing what is buffered (it is being discarded). Harmless after
   * `close`: a build that fails after its writer finished aborts it too.
   */
  abort(): void {
    if (!this.#open) return;
    this.#open = false;
    closeSync(this.#fd);
  }

  #flush(): void {
    this.#write(this.#buf.subarray(0, this.#used));
    this.#used = 0;
  }

  #write(bytes: Buffer): void {
    let at = 0;
    while (at < bytes.length) at += writeSync(this.#fd, bytes, at, bytes.length - at);
  }
}

const NEWLINE = Buffer.from('\n');
