// Exact Hamming-radius search over 256-bit PDQ hashes: a multi-index-hashing (MIH) index and
// the linear scan it must agree with. Pure; hashes are packed 8 words each into one Uint32Array.
import { HASH256_WORDS, type Hash256, popcount32 } from './pdq/index.js';

/** One hit: the hash's position in the packed array and its Hamming distance to the query. */
export interface HashHit {
  readonly index: number;
  readonly distance: number;
}

export const MAX_PDQ_DISTANCE = 256;
export const MIH_SLOTS = 16;
/**
 * The version of how `build` lays hashes out in slots and buckets and of packHashes' word order.
 * Index files kept between builds (bank-index-file.ts) name it and are not used under another:
 * change it with either, or a kept index would answer differently from the bank's hashes.
 */
export const MIH_LAYOUT = 1;
export const MIH_BUCKETS = 1 << 16;
const SLOTS = MIH_SLOTS;
const BUCKETS = MIH_BUCKETS;

/** Packs hashes into one word array, 8 words per hash (the layout both searches read). */
export function packHashes(hashes: readonly Hash256[]): Uint32Array {
  const packed = new Uint32Array(hashes.length * HASH256_WORDS);
  for (let i = 0; i < hashes.length; i++) packed.set(hashes[i]!, i * HASH256_WORDS);
  return packed;
}

function checkThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 0 || threshold > MAX_PDQ_DISTANCE) {
    throw new RangeError(`threshold must be an integer 0..${MAX_PDQ_DISTANCE}, not ${threshold}`);
  }
}

/**
 * Distance of hash `i` to the query words, or threshold + 1 as soon as it is known to exceed
 * the threshold (after the first half; random hashes are ~64 bits apart there already).
 */
function boundedDistance(h: Uint32Array, i: number, q: Uint32Array, threshold: number): number {
  const b = i * HASH256_WORDS;
  let d =
    popcount32(h[b]! ^ q[0]!) +
    popcount32(h[b + 1]! ^ q[1]!) +
    popcount32(h[b + 2]! ^ q[2]!) +
    popcount32(h[b + 3]! ^ q[3]!);
  if (d > threshold) return threshold + 1;
  d +=
    popcount32(h[b + 4]! ^ q[4]!) +
    popcount32(h[b + 5]! ^ q[5]!) +
    popcount32(h[b + 6]! ^ q[6]!) +
    popcount32(h[b + 7]! ^ q[7]!);
  return d;
}

/** Every hash within `threshold` bits of the query (inclusive), in index order. */
export function linearScan(packed: Uint32Array, query: Hash256, threshold: number): HashHit[] {
  checkThreshold(threshold);
  const hits: HashHit[] = [];
  const n = packed.length / HASH256_WORDS;
  for (let i = 0; i < n; i++) {
    const d = boundedDistance(packed, i, query, threshold);
    if (d <= threshold) hits.push({ index: i, distance: d });
  }
  return hits;
}

/** C(16, w) for w = 0..16: how many 16-bit values have popcount w. */
const VALUES_OF_WEIGHT: readonly number[] = (() => {
  const counts = [1];
  for (let w = 0; w < 16; w++) counts.push((counts[w]! * (16 - w)) / (w + 1));
  return counts;
})();
/** PROBES_UP_TO[r] = number of 16-bit values within r bits of a key. */
const PROBES_UP_TO: readonly number[] = (() => {
  let total = 0;
  return VALUES_OF_WEIGHT.map((n) => {
    total += n;
    return total;
  });
})();

const masksByWeight: (Uint16Array | undefined)[] = [];

/**
 * The 16-bit values of popcount `w` in ascending order: the probes at exactly that distance from
 * a key. Made on first use, and only for the weights a search reaches (0 and 1 at threshold 31),
 * by stepping from one value to the next of the same popcount (Gosper's hack): listing all
 * 65,536 values at module load cost ~24 ms of CPU in every process that loads this module
 * (BENCHMARKS.md, "Per-item profile").
 */
export function probeMasks(w: number): Uint16Array {
  let masks = masksByWeight[w];
  if (masks === undefined) {
    masks = new Uint16Array(VALUES_OF_WEIGHT[w]!);
    let x = (1 << w) - 1;
    for (let k = 0; k < masks.length; k++) {
      masks[k] = x;
      if (x === 0) break;
      const lowest = x & -x;
      const carried = x + lowest;
      x = (((carried ^ x) >>> 2) / lowest) | carried;
    }
    masksByWeight[w] = masks;
  }
  return masks;
}

/**
 * Per-slot search radii (−1 = skip the slot) for a threshold, by the generalised pigeonhole
 * principle: if Σ (rᵢ + 1) > d, a hash within d bits is within rᵢ bits in some slot i. So
 * d − 16⌊d/16⌋ + 1 slots get ⌊d/16⌋ and the others one less; at d = 31 all 16 get 1.
 */
export function slotRadii(threshold: number): Int8Array {
  const q = Math.floor(threshold / SLOTS);
  const wide = threshold - SLOTS * q + 1;
  const radii = new Int8Array(SLOTS);
  for (let s = 0; s < SLOTS; s++) radii[s] = s < wide ? q : q - 1;
  return radii;
}

export type SearchStrategy = 'auto' | 'mih' | 'linear';

/**
 * Multi-index hashing (Norouzi et al.) with 16 slots of 16 bits: slot s is bits 16s..16s+15,
 * i.e. half s & 1 of word s >> 1. Each slot is a bucketed list of hash indices (CSR: 65,537
 * offsets and n indices), so the index costs 64 bytes per hash plus 4 MiB, with no per-hash
 * objects. Candidates from the probed buckets are verified with the full distance, so results
 * equal linearScan's at every threshold.
 */
export class MihIndex {
  readonly size: number;
  private readonly offsets: Uint32Array[];
  private readonly ids: Uint32Array[];
  /** Keeps the touching loads observable, so they are not optimised away. */
  private sink = 0;

  private constructor(
    readonly packed: Uint32Array,
    offsets: Uint32Array[],
    ids: Uint32Array[],
  ) {
    this.size = packed.length / HASH256_WORDS;
    this.offsets = offsets;
    this.ids = ids;
  }

  /** Indexes packed hashes (see packHashes); the array is kept, not copied. */
  static build(packed: Uint32Array): MihIndex {
    if (packed.length % HASH256_WORDS !== 0)
      throw new RangeError('packed length not a multiple of 8');
    const n = packed.length / HASH256_WORDS;
    const offsets: Uint32Array[] = [];
    const ids: Uint32Array[] = [];
    for (let s = 0; s < SLOTS; s++) {
      const word = s >> 1;
      const shift = (s & 1) * 16;
      const start = new Uint32Array(BUCKETS + 1);
      for (let i = 0; i < n; i++) start[((packed[i * 8 + word]! >>> shift) & 0xffff) + 1]!++;
      for (let b = 0; b < BUCKETS; b++) start[b + 1]! += start[b]!;
      const fill = start.slice(0, BUCKETS);
      const list = new Uint32Array(n);
      for (let i = 0; i < n; i++) list[fill[(packed[i * 8 + word]! >>> shift) & 0xffff]!++] = i;
      offsets.push(start);
      ids.push(list);
    }
    return new MihIndex(packed, offsets, ids);
  }

  /**
   * An index from the arrays `parts()` gave for the same packed hashes (a stored copy of an
   * index). Only their sizes are checked here: whoever stored them must vouch for the content.
   */
  static fromParts(
    packed: Uint32Array,
    parts: { readonly offsets: readonly Uint32Array[]; readonly ids: readonly Uint32Array[] },
  ): MihIndex {
    const n = packed.length / HASH256_WORDS;
    const fits =
      Number.isInteger(n) &&
      parts.offsets.length === SLOTS &&
      parts.ids.length === SLOTS &&
      parts.offsets.every((o) => o.length === BUCKETS + 1 && o[BUCKETS] === n) &&
      parts.ids.every((l) => l.length === n);
    if (!fits) throw new RangeError('index parts do not fit the packed hashes');
    return new MihIndex(packed, [...parts.offsets], [...parts.ids]);
  }

  /** The index's arrays (not copies): per slot, the bucket offsets and the hash indices. */
  parts(): { readonly offsets: readonly Uint32Array[]; readonly ids: readonly Uint32Array[] } {
    return { offsets: this.offsets, ids: this.ids };
  }

  /** Bytes held by the index itself (not the packed hashes it verifies against). */
  get indexBytes(): number {
    return (
      this.offsets.reduce((n, o) => n + o.byteLength, 0) +
      this.ids.reduce((n, l) => n + l.byteLength, 0)
    );
  }

  /**
   * Every hash within `threshold` bits of the query, in index order — the same as linearScan.
   * `auto` scans linearly when the probes would touch a large share of the index anyway
   * (high thresholds); `mih` and `linear` force one method.
   */
  search(query: Hash256, threshold: number, strategy: SearchStrategy = 'auto'): HashHit[] {
    checkThreshold(threshold);
    const radii = slotRadii(threshold);
    if (strategy === 'linear' || (strategy === 'auto' && this.preferLinear(radii))) {
      return linearScan(this.packed, query, threshold);
    }
    const hits: HashHit[] = [];
    const packed = this.packed;
    let touched = 0;
    let unsorted = false;
    for (let s = 0; s < SLOTS; s++) {
      const radius = radii[s]!;
      if (radius < 0) continue;
      const key = (query[s >> 1]! >>> ((s & 1) * 16)) & 0xffff;
      const start = this.offsets[s]!;
      const list = this.ids[s]!;
      for (let w = 0; w <= radius; w++) {
        const masks = probeMasks(w);
        for (let m = 0; m < masks.length; m++) {
          const bucket = key ^ masks[m]!;
          const begin = start[bucket]!;
          const end = start[bucket + 1]!;
          // Touch every candidate first: independent loads overlap their cache misses, which
          // are most of the cost at a million hashes; the checks below then hit the cache.
          for (let k = begin; k < end; k++) touched ^= packed[list[k]! * 8]!;
          for (let k = begin; k < end; k++) {
            const i = list[k]!;
            const d = boundedDistance(packed, i, query, threshold);
            if (d <= threshold) {
              hits.push({ index: i, distance: d });
              unsorted ||= hits.length > 1;
            }
          }
        }
      }
    }
    this.sink ^= touched;
    // Hits come in slot order, and a hash close in several slots is found once per slot.
    return unsorted ? sortUnique(hits) : hits;
  }

  private preferLinear(radii: Int8Array): boolean {
    let probes = 0;
    for (const r of radii) if (r >= 0) probes += PROBES_UP_TO[r]!;
    const candidates = (probes * this.size) / BUCKETS;
    return probes + 2 * candidates > this.size;
  }
}

function sortUnique(hits: HashHit[]): HashHit[] {
  hits.sort((a, b) => a.index - b.index);
  return hits.filter((h, k) => k === 0 || hits[k - 1]!.index !== h.index);
}
