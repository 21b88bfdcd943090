// sortSmall (small-sort.ts) stands in for Array.prototype.sort on a text's findings: for the
// same comparator it must give the same order, ties kept in their order (both are stable).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortSmall } from '../../src/pii/small-sort.js';

interface Item {
  readonly start: number;
  readonly end: number;
  readonly score: number;
  readonly id: number;
}

// The orders the detector sorts by (resolve.ts, name-joins.ts): ties are common.
const ORDERS: ((a: Item, b: Item) => number)[] = [
  (a, b) => a.start - b.start,
  (a, b) => a.start - b.start || b.end - a.end,
  (a, b) => a.start - b.start || b.end - a.end || b.score - a.score,
  (a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start,
];

const items = fc
  .array(
    fc.record({
      start: fc.nat({ max: 6 }),
      len: fc.nat({ max: 3 }),
      score: fc.constantFrom(0.5, 0.7, 0.85, 1),
    }),
    { maxLength: 40 },
  )
  .map((xs) => xs.map((x, id) => ({ start: x.start, end: x.start + x.len, score: x.score, id })));

describe('sortSmall', () => {
  it('orders as Array.prototype.sort, ties in place (property)', () => {
    fc.assert(
      fc.property(items, fc.nat({ max: ORDERS.length - 1 }), (xs, k) => {
        const order = ORDERS[k]!;
        const expected = [...xs].sort(order).map((x) => x.id);
        const copy = [...xs];
        const sorted = sortSmall(copy, order);
        expect(sorted).toBe(copy);
        expect(sorted.map((x) => x.id)).toEqual(expected);
      }),
      { numRuns: 3000, seed: 8 },
    );
  });

  it('keeps equal elements in their order', () => {
    const xs = [3, 1, 3, 2, 1].map((start, id) => ({ start, end: start, score: 1, id }));
    expect(sortSmall(xs, (a, b) => a.start - b.start).map((x) => x.id)).toEqual([1, 4, 3, 0, 2]);
  });
});
