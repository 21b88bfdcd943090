/**
 * The tagger's word-pair weights (`w-2w-1=a b`, `w+1w+2=a b`) by the two words' ids: one
 * open-addressing table of integer keys instead of a `Map` per word. The tagger looks a pair up
 * twice for every token; most pairs are in neither list, and the `Map` probes (hashing the key,
 * walking a bucket chain, a call out of optimised code) were about half of summing a token's
 * context weights. Same offsets, so the same sums.
 */
export class PairTable {
  /** Three numbers per slot: key + 1 (0: empty), the `w-2w-1` offset, the `w+1w+2` offset (-1: none). */
  private slots: Int32Array;
  private mask: number;
  private size = 0;

  /** `stride`: more than any id given to `set` (ids are 0 … stride - 1); the key is `a * stride + b`. */
  constructor(private readonly stride: number) {
    if (!(Number.isInteger(stride) && stride > 0 && stride * stride < 2 ** 31 - 1))
      throw new RangeError(`pair table stride ${stride} out of range`);
    this.slots = emptySlots(1024);
    this.mask = 1023;
  }

  /** Sets the offset of pair (a, b) on one side: 0 for `w-2w-1`, 1 for `w+1w+2`. */
  set(a: number, b: number, side: 0 | 1, offset: number): void {
    this.check(a);
    this.check(b);
    // Half full at most: short probe runs for the absent pairs, most look-ups.
    if (2 * (this.size + 1) > this.mask + 1) this.grow();
    const key = a * this.stride + b;
    const at = 3 * this.find(key);
    if (this.slots[at] === 0) {
      this.slots[at] = key + 1;
      this.size++;
    }
    this.slots[at + 1 + side] = offset;
  }

  /**
   * The offset of pair (a, b) on one side, -1 where the model has none. An id outside
   * 0 … stride - 1 (-1: a word no context feature names) is in no pair.
   */
  get(a: number, b: number, side: 0 | 1): number {
    if (a < 0 || b < 0 || a >= this.stride || b >= this.stride) return -1;
    const at = 3 * this.find(a * this.stride + b);
    return this.slots[at] === 0 ? -1 : this.slots[at + 1 + side]!;
  }

  /** The slot holding `key`, or the empty slot where it would go. */
  private find(key: number): number {
    const slots = this.slots;
    const mask = this.mask;
    const h = Math.imul(key, 0x9e3779b1);
    let slot = (h ^ (h >>> 16)) & mask;
    for (;;) {
      const k = slots[3 * slot]!;
      if (k === 0 || k === key + 1) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = emptySlots(2 * (this.mask + 1));
    this.mask = 2 * this.mask + 1;
    for (let s = 0; s < old.length; s += 3) {
      const k = old[s]!;
      if (k === 0) continue;
      const at = 3 * this.find(k - 1);
      this.slots[at] = k;
      this.slots[at + 1] = old[s + 1]!;
      this.slots[at + 2] = old[s + 2]!;
    }
  }

  private check(id: number): void {
    if (!(Number.isInteger(id) && id >= 0 && id < this.stride))
      throw new RangeError(`pair table id ${id} outside 0 … ${this.stride - 1}`);
  }
}

function emptySlots(count: number): Int32Array {
  const slots = new Int32Array(3 * count).fill(-1);
  for (let s = 0; s < slots.length; s += 3) slots[s] = 0;
  return slots;
}
