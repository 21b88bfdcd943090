/**
 * A set of record ids held as 64-bit fingerprints in open-addressing tables: about 10 bytes a
 * record instead of a JavaScript string each. Two distinct ids share a fingerprint with
 * probability ~n²/2⁶⁵ (about 3 in a million for ten million records); such a collision would
 * be reported as a duplicate id. The fingerprint is two independently seeded 32-bit FNV-1a
 * hashes: ids are chosen by the data team, not by an adversary, and a cryptographic hash per
 * record cost a fifth of a build.
 *
 * The set is split into 256 partitions that grow one at a time by half, so a build never
 * holds an old and a new copy of the whole table at once (that doubled peak memory on a
 * ten-million-record input).
 */
export class IdFingerprintSet {
  readonly #parts: Partition[] = Array.from({ length: PARTITIONS }, () => new Partition());
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Adds the id; returns false when it (or an id with the same fingerprint) was already there. */
  add(id: string): boolean {
    const { hi, lo } = fingerprintId(id);
    return this.addFingerprint(hi, lo);
  }

  /** Adds a fingerprint from {@link fingerprintId}, computed wherever the id was parsed. */
  addFingerprint(hi: number, lo: number): boolean {
    if (!this.#parts[hi >>> 24]!.add(hi, lo)) return false;
    this.#size++;
    return true;
  }
}

const PARTITIONS = 256;
const MAX_LOAD = 0.85;

class Partition {
  #slots = new Uint32Array(2 * 64);
  #size = 0;

  add(hi: number, lo: number): boolean {
    if (!insert(this.#slots, hi, lo)) return false;
    this.#size++;
    if (this.#size > (this.#slots.length / 2) * MAX_LOAD) this.#grow();
    return true;
  }

  #grow(): void {
    const old = this.#slots;
    const next = new Uint32Array(2 * Math.ceil((old.length / 2) * 1.5));
    for (let at = 0; at < old.length; at += 2) {
      if (old[at + 1] !== 0) insert(next, old[at]!, old[at + 1]!);
    }
    this.#slots = next;
  }
}

// Linear probing from a slot chosen by `lo` (uniform), scaled to the table size without modulo.
function insert(slots: Uint32Array, hi: number, lo: number): boolean {
  const capacity = slots.length / 2;
  let i = Math.floor((lo / 0x1_0000_0000) * capacity);
  for (;;) {
    const at = i * 2;
    if (slots[at + 1] === 0) {
      slots[at] = hi;
      slots[at + 1] = lo;
      return true;
    }
    if (slots[at] === hi && slots[at + 1] === lo) return false;
    i = i + 1 === capacity ? 0 : i + 1;
  }
}

/** The 64-bit fingerprint of an id as two 32-bit halves; `lo` is never zero (zero marks an empty slot). */
export function fingerprintId(id: string): { hi: number; lo: number } {
  return { hi: fnv1a(id, 0x811c9dc5), lo: fnv1a(id, 0x050c5d1f) || 1 };
}

function fnv1a(text: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche (from MurmurHash3's fmix32) so nearby ids spread over the table.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
