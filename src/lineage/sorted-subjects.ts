const W = 32;

/**
 * A build's subject list as stored: distinct 32-byte pseudonyms, sorted bytewise and packed.
 * Membership is a binary search over the bytes, so a build of millions of subjects needs no
 * set of its own.
 */
export class SortedSubjects {
  readonly #bytes: Buffer;

  constructor(bytes: Buffer) {
    if (bytes.length % W !== 0) throw new RangeError('a subject list is a multiple of 32 bytes');
    this.#bytes = bytes;
  }

  get size(): number {
    return this.#bytes.length / W;
  }

  /** Whether the hex pseudonym is in the list. */
  has(subject: string): boolean {
    const key = Buffer.from(subject, 'hex');
    if (key.length !== W) return false;
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.#bytes.compare(key, 0, W, mid * W, mid * W + W);
      if (c === 0) return true;
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    return false;
  }
}
