// The tagger's pair table (pair-table.ts) must answer as the per-word maps it replaced: every pair
// set gives its offset on its side, every other pair and side -1, through the table's growth.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PairTable } from '../../src/pii/pair-table.js';

describe('pair table', () => {
  it('answers as a map of (a, b, side) would (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean(), fc.nat({ max: 1e6 })), {
          maxLength: 2500,
          size: 'large',
        }),
        fc.array(fc.tuple(fc.integer({ min: -2, max: 3100 }), fc.integer({ min: -2, max: 3100 })), {
          maxLength: 200,
        }),
        (stride, sets, probes) => {
          const table = new PairTable(stride);
          const map = new Map<string, number>();
          for (const [x, y, after, offset] of sets) {
            const a = x % stride;
            const b = y % stride;
            const side = after ? 1 : 0;
            table.set(a, b, side, offset);
            map.set(`${a} ${b} ${side}`, offset);
          }
          const asked: [number, number][] = [
            ...sets.map(([x, y]) => [x % stride, y % stride] as [number, number]),
            ...sets.map(([x, y]) => [y % stride, x % stride] as [number, number]),
            ...probes,
          ];
          for (const [a, b] of asked)
            for (const side of [0, 1] as const)
              expect(table.get(a, b, side)).toBe(map.get(`${a} ${b} ${side}`) ?? -1);
        },
      ),
      { numRuns: 40, endOnFailure: true },
    );
  });

  it('keeps every pair through growth, and ids past the stride find none', () => {
    // The committed model has about 4,500 context words and 9,500 pairs; more here.
    const stride = 4600;
    const table = new PairTable(stride);
    const map = new Map<number, number>();
    let x = 12345;
    const next = (): number => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      return x >>> 8;
    };
    for (let k = 0; k < 20_000; k++) {
      const a = next() % stride;
      const b = next() % stride;
      const side = (next() & 1) as 0 | 1;
      table.set(a, b, side, k);
      map.set(((a * stride + b) << 1) | side, k);
    }
    for (let a = 0; a < stride; a += 31)
      for (let b = 0; b < stride; b += 37)
        for (const side of [0, 1] as const)
          expect(table.get(a, b, side)).toBe(map.get(((a * stride + b) << 1) | side) ?? -1);
    for (const [key, offset] of map) {
      const side = (key & 1) as 0 | 1;
      const ab = key >>> 1;
      const a = Math.floor(ab / stride);
      const b = ab % stride;
      expect(table.get(a, b, side)).toBe(offset);
      // The same key read with b past the stride (a - 1, b + stride) is no pair.
      if (a > 0) expect(table.get(a - 1, b + stride, side)).toBe(-1);
    }
  });

  it('keeps pairs whose keys collide in the low bits apart', () => {
    const table = new PairTable(4096);
    for (let a = 0; a < 4096; a += 64) table.set(a, 0, 0, a);
    for (let a = 0; a < 4096; a++) expect(table.get(a, 0, 0)).toBe(a % 64 === 0 ? a : -1);
    expect(table.get(0, 0, 1)).toBe(-1);
  });

  it('refuses ids it could not key', () => {
    const table = new PairTable(10);
    expect(() => table.set(10, 0, 0, 1)).toThrow(RangeError);
    expect(() => table.set(0, -1, 0, 1)).toThrow(RangeError);
    expect(() => new PairTable(50_000)).toThrow(RangeError);
    expect(table.get(-1, 3, 0)).toBe(-1);
  });
});
