import { createHash } from 'node:crypto';

/**
 * A set of record ids held as 64-bit fingerprints in an open-addressing table, so checking a
 * multi-gigabyte input for duplicate ids costs ~16 bytes per record instead of a JavaScript
 * string each. Two distinct ids share a fingerprint with probability ~n²/2⁶⁵ (about 3 in a
 * million for ten million records); such a collision would be reported as a duplicate id.
 */
export class IdFingerprintSet {
  #slots: Uint32Array;
  #size = 0;

  constructor(initialCapacity = 1 << 16) {
    let capacity = 1;
    while (capacity < initialCapacity) capacity *= 2;
    this.#slots = new Uint32Array(capacity * 2);
  }

  get size(): number {
    return this.#size;
  }

  /** Adds the id; returns false when it (or an id with the same fingerprint) was already there. */
  add(id: string): boolean {
    const digest = createHash('sha1').update(id).digest();
    // Zero marks an empty slot, so a zero fingerprint is nudged to one.
    const hi = digest.readUInt32LE(0);
    const lo = digest.readUInt32LE(4) || 1;
    if (!this.#insert(this.#slots, hi, lo)) return false;
    this.#size++;
    if (this.#size * 4 > (this.#slots.length / 2) * 3) this.#grow();
    return true;
  }

  #insert(slots: Uint32Array, hi: number, lo: number): boolean {
    const mask = slots.length / 2 - 1;
    let i = (hi ^ lo) & mask;
    for (;;) {
      const at = i * 2;
      if (slots[at + 1] === 0) {
        slots[at] = hi;
        slots[at + 1] = lo;
        return true;
      }
      if (slots[at] === hi && slots[at + 1] === lo) return false;
      i = (i + 1) & mask;
    }
  }

  #grow(): void {
    const old = this.#slots;
    const next = new Uint32Array(old.length * 2);
    for (let at = 0; at < old.length; at += 2) {
      if (old[at + 1] !== 0) this.#insert(next, old[at]!, old[at + 1]!);
    }
    this.#slots = next;
  }
}
