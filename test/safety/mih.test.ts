import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type HashHit,
  linearScan,
  MihIndex,
  packHashes,
  probeMasks,
  slotRadii,
} from '../../src/safety/mih.js';
import { type Hash256, hammingDistance } from '../../src/safety/pdq/index.js';

const hashArb = fc.uint32Array({ minLength: 8, maxLength: 8 });

/** A copy of `hash` with `bits` distinct bits flipped, chosen by `seed`. */
function flipBits(hash: Hash256, bits: number, seed: number): Hash256 {
  const out = Uint32Array.from(hash);
  const order = Array.from({ length: 256 }, (_, k) => k);
  let s = seed >>> 0 || 1;
  for (let k = 255; k > 0; k--) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const j = (s >>> 0) % (k + 1);
    [order[k], order[j]] = [order[j]!, order[k]!];
  }
  for (const bit of order.slice(0, bits)) out[bit >> 5]! ^= 1 << (bit & 31);
  return out;
}

/**
 * Banks of random hashes plus clusters of near-duplicates (so buckets hold several hits), and
 * queries a few bits either side of the threshold from a bank hash.
 */
const caseArb = fc
  .record({
    base: fc.array(hashArb, { minLength: 1, maxLength: 60 }),
    cluster: fc.array(
      fc.record({ from: fc.nat(), bits: fc.integer({ min: 0, max: 70 }), seed: fc.nat() }),
      {
        maxLength: 60,
      },
    ),
    threshold: fc.integer({ min: 0, max: 64 }),
    near: fc.nat(),
    delta: fc.integer({ min: -4, max: 4 }),
    seed: fc.nat(),
  })
  .map(({ base, cluster, threshold, near, delta, seed }) => {
    const bank: Hash256[] = [...base];
    for (const c of cluster) bank.push(flipBits(bank[c.from % bank.length]!, c.bits, c.seed));
    const flips = Math.max(0, Math.min(256, threshold + delta));
    const query = flipBits(bank[near % bank.length]!, flips, seed);
    return { bank, threshold, query };
  });

function bruteForce(bank: Hash256[], query: Hash256, threshold: number): HashHit[] {
  return bank
    .map((h, index) => ({ index, distance: hammingDistance(h, query) }))
    .filter((h) => h.distance <= threshold);
}

describe('slotRadii', () => {
  it('gives Σ(rᵢ + 1) = d + 1 and r = 1 in all 16 slots at the default threshold 31', () => {
    for (let d = 0; d <= 256; d++) {
      const sum = [...slotRadii(d)].reduce((n, r) => n + r + 1, 0);
      expect(sum).toBe(d + 1);
    }
    expect([...slotRadii(31)]).toEqual(Array(16).fill(1));
  });
});

describe('probeMasks', () => {
  it('lists every 16-bit value of each popcount 0..16 once, ascending', () => {
    const popcount = (m: number) => m.toString(2).replaceAll('0', '').length;
    for (let w = 0; w <= 16; w++) {
      const expected: number[] = [];
      for (let m = 0; m < 1 << 16; m++) if (popcount(m) === w) expected.push(m);
      expect([...probeMasks(w)]).toEqual(expected);
    }
  });
});

describe('MihIndex', () => {
  it('returns exactly the linear scan (and brute force) for thresholds 0..64', () => {
    fc.assert(
      fc.property(caseArb, ({ bank, threshold, query }) => {
        const packed = packHashes(bank);
        const index = MihIndex.build(packed);
        const expected = bruteForce(bank, query, threshold);
        expect(linearScan(packed, query, threshold)).toEqual(expected);
        expect(index.search(query, threshold, 'mih')).toEqual(expected);
        expect(index.search(query, threshold)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('is exact at high thresholds too (radius up to 16 per slot)', () => {
    const bank = Array.from({ length: 40 }, (_, k) => flipBits(new Uint32Array(8), k * 6, k + 1));
    const index = MihIndex.build(packHashes(bank));
    for (const threshold of [100, 128, 200, 255, 256]) {
      const query = flipBits(bank[3]!, threshold - 10, threshold);
      expect(index.search(query, threshold, 'mih')).toEqual(bruteForce(bank, query, threshold));
    }
  });

  it('handles an empty bank and rejects thresholds outside 0..256', () => {
    const index = MihIndex.build(new Uint32Array(0));
    expect(index.search(new Uint32Array(8), 31, 'mih')).toEqual([]);
    expect(() => index.search(new Uint32Array(8), 257)).toThrow(RangeError);
    expect(() => linearScan(new Uint32Array(0), new Uint32Array(8), -1)).toThrow(RangeError);
  });

  it('holds 64 bytes per hash plus 4 MiB of bucket offsets', () => {
    const index = MihIndex.build(new Uint32Array(8 * 1000));
    expect(index.indexBytes).toBe(16 * (65537 * 4 + 1000 * 4));
  });
});
