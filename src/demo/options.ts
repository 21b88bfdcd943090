import { seedKey } from './random.js';
import { type PoolLayout, poolLayout } from './subjects.js';

export interface CorpusOptions {
  /** Same seed + options => identical output, byte for byte. Any safe integer. */
  seed: number;
  /** Number of item lines, bad lines included. */
  items: number;
  /** Size of the subject pool; default items / 5, at least 1. */
  subjects?: number;
  /** Subjects whose ai_training state is `objected` once all (2025-dated) events apply. */
  objections?: number;
  /** Subjects whose ai_training state is `consented` once all (2025-dated) events apply. */
  consents?: number;
  /** Fraction of item lines that are deliberately bad; default 0. */
  badLineRate?: number;
  /** Fraction of items of kind image with a media file; default 0. */
  imageRate?: number;
}

/** Options with defaults applied and checked, plus values derived once per corpus. */
export interface ResolvedOptions {
  readonly key: number;
  readonly items: number;
  readonly subjects: number;
  readonly objections: number;
  readonly consents: number;
  readonly badLineRate: number;
  readonly imageRate: number;
  readonly layout: PoolLayout;
}

// Account ids are a bijection on [0, 2^31); a larger pool could repeat one.
const MAX_SUBJECTS = 2 ** 31;

export function resolveOptions(opts: CorpusOptions): ResolvedOptions {
  const items = count('items', opts.items);
  const subjects = count('subjects', opts.subjects ?? Math.max(1, Math.round(items / 5)));
  if (subjects < 1 || subjects > MAX_SUBJECTS) {
    throw new RangeError(`subjects must be between 1 and ${MAX_SUBJECTS}, got ${subjects}`);
  }
  const objections = count('objections', opts.objections ?? 0);
  const consents = count('consents', opts.consents ?? 0);
  // Objecting and consenting subjects are distinct people, so both must fit into the pool.
  if (objections + consents > subjects) {
    throw new RangeError(
      `objections + consents (${objections + consents}) exceed the subject pool (${subjects})`,
    );
  }
  return {
    key: seedKey(opts.seed),
    items,
    subjects,
    objections,
    consents,
    badLineRate: rate('badLineRate', opts.badLineRate ?? 0),
    imageRate: rate('imageRate', opts.imageRate ?? 0),
    layout: poolLayout(subjects),
  };
}

/**
 * A shape close to a real crawl export, for the build benchmark (1,000,000 records, ~500 MB):
 * `objections` subjects objected (default 5 % of the pool), a twentieth as many consented.
 */
export function benchmarkCorpusOptions(
  items = 1_000_000,
  seed = 42,
  objections?: number,
): CorpusOptions {
  const objecting = objections ?? Math.round(Math.max(1, Math.round(items / 5)) * 0.05);
  const subjects = Math.max(1, Math.round(items / 5), objecting * 2);
  return {
    seed,
    items,
    subjects,
    objections: objecting,
    consents: Math.round(objecting / 20),
    badLineRate: 0.001,
    imageRate: 0,
  };
}

/** A corpus for `obhut demo`: every kind, every bad-line kind, and visible exclusions. */
export function demoCorpusOptions(seed = 2025, items = 3000): CorpusOptions {
  const subjects = Math.max(10, Math.round(items / 5));
  return {
    seed,
    items,
    subjects,
    objections: Math.round(subjects * 0.05),
    consents: Math.round(subjects * 0.025),
    badLineRate: 0.01,
    imageRate: 0.08,
  };
}

function count(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
  return value;
}

function rate(name: string, value: number): number {
  if (!(value >= 0 && value <= 1))
    throw new RangeError(`${name} must be between 0 and 1, got ${value}`);
  return value;
}
