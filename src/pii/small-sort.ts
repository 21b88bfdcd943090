/**
 * A stable sort for the short arrays the detector sorts once or more per text (a text's
 * findings, its persons): insertion sort in place. V8's `Array.prototype.sort` sets up its
 * TimSort state on every call (a work array and a table of pending runs, some 700 bytes), which
 * made the sorts of `resolveOverlaps` alone a seventh of all the bytes a bench pass allocates.
 * Both sorts are stable, so for a comparator that orders consistently (every one here subtracts
 * numbers) the result is the same array order. Longer arrays go to the built-in sort.
 */
export function sortSmall<T>(xs: T[], compare: (a: T, b: T) => number): T[] {
  const n = xs.length;
  if (n > SMALL) return xs.sort(compare);
  for (let i = 1; i < n; i++) {
    const x = xs[i]!;
    let j = i - 1;
    // Strictly greater only: an equal element stays before x (stability).
    while (j >= 0 && compare(xs[j]!, x) > 0) {
      xs[j + 1] = xs[j]!;
      j--;
    }
    xs[j + 1] = x;
  }
  return xs;
}

// Up to this many elements insertion sort's n²/4 moves cost less than the built-in's set-up.
const SMALL = 24;
