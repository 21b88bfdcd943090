/**
 * Media files' bytes as read when their items were described, kept for the steps of a build
 * that need them again: the safety scan hashes them and the writer puts them into the output.
 * Each file is then read once, and the scan and the output see the very bytes its SHA-256 (and
 * so its name in the output) was computed from, even if the file changes meanwhile.
 *
 * Within a budget: bytes that would go over it are not kept, and those steps read the file
 * again. Bytes are kept per batch: a scanned build evaluates the next batch while the last one
 * is being scanned, so it opens a group for each batch (`startBatch`) and drops the oldest once
 * that batch is written (`releaseBatch`). Only for evaluation on the build's own thread: an
 * entry made in a worker thread arrives as a copy, which finds nothing here.
 */
// Keyed by the description object itself (a MediaEntry from media.ts).
export class KeptMedia {
  /** One map per batch, oldest first; new bytes go into the last. */
  readonly #batches: { bytes: Map<object, Buffer>; held: number }[] = [];
  #held = 0;

  constructor(readonly budget: number) {}

  keep(entry: object, bytes: Buffer): void {
    if (this.#held + bytes.length > this.budget) return;
    if (this.#batches.length === 0) this.startBatch();
    const batch = this.#batches[this.#batches.length - 1]!;
    batch.bytes.set(entry, bytes);
    batch.held += bytes.length;
    this.#held += bytes.length;
  }

  /** The bytes of the file this entry describes, if they were kept. */
  get(entry: object): Buffer | undefined {
    for (const batch of this.#batches) {
      const bytes = batch.bytes.get(entry);
      if (bytes) return bytes;
    }
    return undefined;
  }

  /** Bytes kept from now on belong to a new batch, released apart from the earlier ones. */
  startBatch(): void {
    this.#batches.push({ bytes: new Map(), held: 0 });
  }

  /** Drops the bytes of the oldest batch (its items are written). */
  releaseBatch(): void {
    const oldest = this.#batches.shift();
    if (oldest) this.#held -= oldest.held;
  }

  clear(): void {
    this.#batches.length = 0;
    this.#held = 0;
  }
}
