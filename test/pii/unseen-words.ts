// For the tests of the development sets that hold their own names and places (dev-reach,
// dev-reach2): the words of those names, and which of them the detector could already know —
// from the tagger's training and dev pools or from the gazetteer's lists. A set measures reach
// only while that list is empty.
import { namePools } from '../../bench/pii-train/names.js';
import { gazetteer } from '../../src/pii/gazetteer.js';

/** The lower-case words of `names`, split at spaces and hyphens, less the particles in `parts`. */
export function nameWords(names: readonly string[], parts: ReadonlySet<string>): Set<string> {
  return new Set(
    names.flatMap((n) => n.toLowerCase().split(/[\s-]+/)).filter((w) => !parts.has(w)),
  );
}

/** The words of `words` that a training pool or a gazetteer list holds. */
export function knownWords(words: ReadonlySet<string>): string[] {
  const { train, dev } = namePools();
  const pools = nameWords(
    [...train.first, ...train.last, ...train.places, ...dev.first, ...dev.last, ...dev.places],
    new Set(),
  );
  const g = gazetteer();
  return [...words].filter(
    (w) => pools.has(w) || g.firstNames.has(w) || g.surnames.has(w) || g.places.has(w),
  );
}
