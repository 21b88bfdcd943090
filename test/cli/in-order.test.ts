import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachInOrder } from '../../src/cli/in-order.js';

describe('forEachInOrder', () => {
  it('emits every result in input order, with at most `limit` started and not emitted', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: 5 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 6 }),
        async (delays, limit) => {
          let open = 0;
          let most = 0;
          const emitted: number[] = [];
          await forEachInOrder(
            delays.map((delay, index) => ({ delay, index })),
            limit,
            async ({ delay, index }) => {
              open++;
              most = Math.max(most, open);
              for (let i = 0; i < delay; i++) await Promise.resolve();
              if (index % 7 === 3) throw new Error(`item ${index}`);
              return index;
            },
            async (result, item) => {
              open--;
              emitted.push(await result.catch(() => item.index));
            },
          );
          expect(emitted).toEqual(delays.map((_, i) => i));
          expect(most).toBeLessThanOrEqual(limit);
        },
      ),
    );
  });
});
