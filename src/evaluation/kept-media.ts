/**
 * Media files' bytes as read when their items were described, kept for the steps of a build
 * that need them again: the safety scan hashes them and the writer puts them into the output.
 * Each file is then read once, and the scan and the output see the very bytes its SHA-256 (and
 * so its name in the output) was computed from, even if the file changes meanwhile.
 *
 * Within a budget: bytes that would go over it are not kept, and those steps read the file
 * again. The build empties it after writing each batch. Only for evaluation on the build's own
 * thread: an entry made in a worker thread arrives as a copy, which finds nothing here.
 */
// Keyed by the description object itself (a MediaEntry from media.ts).
export class KeptMedia {
  readonly #bytes = new Map<object, Buffer>();
  #held = 0;

  constructor(readonly budget: number) {}

  keep(entry: object, bytes: Buffer): void {
    if (this.#held + bytes.length > this.budget) return;
    this.#bytes.set(entry, bytes);
    this.#held += bytes.length;
  }

  /** The bytes of the file this entry describes, if they were kept. */
  get(entry: object): Buffer | undefined {
    return this.#bytes.get(entry);
  }

  clear(): void {
    this.#bytes.clear();
    this.#held = 0;
  }
}
