/**
 * Letter-trigram and two-letter context counts of a word list, keyed by the UTF-16 units as
 * numbers in an open-addressing table rather than by sliced strings in a `Map`: building the
 * name-likeness model sliced two strings per letter of some 60,000 list words and forms, 100–180 ms
 * CPU in every process that met a word no list knows. The counts are the same integers the
 * string keys gave (a slice of units and its number key name the same units), so every score is
 * the same.
 */
export class TrigramCounts {
  private readonly trigrams = new UnitCounts();
  private readonly contexts = new UnitCounts();

  /**
   * Counts the trigrams of `^^${word}$` from its third unit on, each with the two units before
   * it, without making that string (one per list word and form was most of the garbage).
   */
  addMarked(word: string): void {
    this.addUnits('', word, word.length, '');
  }

  /**
   * As `addMarked(prefix + word.slice(0, length) + suffix)`, without making the form: the list
   * words' regular inflections are counted this way.
   */
  addUnits(prefix: string, word: string, length: number, suffix: string): void {
    const p = prefix.length;
    const n = p + length + suffix.length + 3;
    let a = START;
    let b = START;
    for (let i = 2; i < n; i++) {
      const k = i - 2;
      const c =
        k < p
          ? prefix.charCodeAt(k)
          : k - p < length
            ? word.charCodeAt(k - p)
            : k - p - length < suffix.length
              ? suffix.charCodeAt(k - p - length)
              : END;
      const ctx = a * 0x10000 + b;
      this.trigrams.increment(ctx * 0x10000 + c);
      this.contexts.increment(ctx);
      a = b;
      b = c;
    }
  }

  /** How often the units `w[i-2..i]` occurred as a trigram. */
  trigram(w: string, i: number): number {
    return this.trigrams.get(contextKey(w, i) * 0x10000 + w.charCodeAt(i));
  }

  /** How often the units `w[i-2..i-1]` occurred before a third unit. */
  context(w: string, i: number): number {
    return this.contexts.get(contextKey(w, i));
  }
}

const START = '^'.charCodeAt(0);
const END = '$'.charCodeAt(0);

// Two 16-bit units in 32 bits, three in 48: exact in a double, and distinct per unit sequence.
function contextKey(w: string, i: number): number {
  return w.charCodeAt(i - 2) * 0x10000 + w.charCodeAt(i - 1);
}

/** Counts by integer key below 2^53 (linear probing; a count of 0 marks a free slot). */
class UnitCounts {
  private keys = new Float64Array(1 << 12);
  private counts = new Int32Array(1 << 12);
  private size = 0;

  increment(key: number): void {
    const slot = this.slotOf(key);
    if (this.counts[slot] === 0) {
      this.keys[slot] = key;
      this.size++;
    }
    this.counts[slot]!++;
    // Half full at most: short probe runs.
    if (this.size * 2 > this.keys.length) this.grow();
  }

  get(key: number): number {
    return this.counts[this.slotOf(key)]!;
  }

  /** The key's slot, or the free slot where it would go. */
  private slotOf(key: number): number {
    const mask = this.keys.length - 1;
    const high = Math.floor(key / 0x100000000);
    let h = Math.imul((key >>> 0) ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    let slot = h & mask;
    while (this.counts[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const keys = this.keys;
    const counts = this.counts;
    this.keys = new Float64Array(keys.length * 2);
    this.counts = new Int32Array(keys.length * 2);
    for (let s = 0; s < keys.length; s++) {
      if (counts[s] === 0) continue;
      const slot = this.slotOf(keys[s]!);
      this.keys[slot] = keys[s]!;
      this.counts[slot] = counts[s]!;
    }
  }
}
