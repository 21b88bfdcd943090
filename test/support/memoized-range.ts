import type { RangeHasher } from '../../src/merkle/index.js';

/**
 * `hash` with each range's answer kept. memoryRangeHasher rehashes every leaf under a range on
 * each call; tests that ask for thousands of proofs of one tree ask for the same ranges again
 * and again, and get the same hashes computed once. Callers that change a returned hash must
 * copy it first (the proofs tests do).
 */
export function memoized(hash: RangeHasher): RangeHasher {
  const known = new Map<number, Buffer>();
  return (start, end) => {
    const key = start * 1_048_576 + end;
    let h = known.get(key);
    if (h === undefined) {
      h = hash(start, end);
      known.set(key, h);
    }
    return h;
  };
}
