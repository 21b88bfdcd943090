// Small, fast, seedable randomness for the synthetic corpus. Math.random cannot be seeded and
// crypto is far too slow for a million records, so the corpus uses mulberry32 for streams and
// a 32-bit integer mixer to derive independent per-line and per-subject seeds.

/** Mixes a 32-bit integer so that nearby inputs give unrelated outputs (lowbias32 finaliser). */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Folds a user seed (any safe integer, negative included) into 32 bits. Both halves count, so
 * seeds that differ only above bit 32 still give different corpora.
 */
export function seedKey(seed: number): number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 0x1_0000_0000) >>> 0;
  return mix32(lo ^ mix32(hi ^ 0x5bd1e995));
}

/** An independent 32-bit value for (key, salt, index): random access without replaying a stream. */
export function hash3(key: number, salt: number, index: number): number {
  return mix32(key ^ mix32(salt ^ mix32(index + 0x9e3779b9)));
}

/** A uniform number in [0, 1) from a 32-bit hash. */
export function unit(h: number): number {
  return h / 0x1_0000_0000;
}

/** mulberry32: one 32-bit state word, good enough statistically and very cheap per draw. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed | 0;
  }

  /** Restarts the stream; the generators reuse one instance per line instead of allocating. */
  reseed(seed: number): this {
    this.state = seed | 0;
    return this;
  }

  /** A uniform number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A uniform integer in [min, max]. */
  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
}

/** A fixed list of values with relative weights, drawn by a linear scan (the lists are short). */
export class Weighted<T> {
  private readonly values: readonly T[];
  private readonly cumulative: Float64Array;

  constructor(entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) throw new RangeError('a weighted list needs at least one entry');
    this.values = entries.map(([value]) => value);
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    this.cumulative = new Float64Array(entries.length);
    let running = 0;
    entries.forEach(([, weight], i) => {
      running += weight;
      this.cumulative[i] = running / total;
    });
  }

  pick(rng: Rng): T {
    return this.at(rng.next());
  }

  /** The value for a uniform draw `u` in [0, 1), for callers that already hold a hash. */
  at(u: number): T {
    const cumulative = this.cumulative;
    for (let i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i]!) return this.values[i]!;
    }
    return this.values[this.values.length - 1]!;
  }
}
