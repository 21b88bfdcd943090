import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxKernels } from '../../src/safety/pdq/box-simd.js';
import { jaroszDownsample64Js } from '../../src/safety/pdq/downscale.js';
import {
  jaroszDownsample64Simd,
  jaroszDownsample64SimdPixels,
  SIMD_MAX_PIXELS,
} from '../../src/safety/pdq/downscale-simd.js';
import {
  decimate64,
  jaroszFilter,
  jaroszWindowSize,
  lumaRow,
  lumaRowSampled,
  nearestIndices,
  type PixelImage,
} from '../../src/safety/pdq/index.js';

/** Luma-like floats: 0..255 ramps plus noise, with the fractions RGB luma has. */
function lumaImage(rows: number, cols: number, seed: number): Float32Array {
  const out = new Float32Array(rows * cols);
  let s = seed | 1;
  for (let i = 0; i < out.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = Math.fround(((i % cols) + (s & 31)) % 256) + Math.fround(0.299 * (s & 7));
  }
  return out;
}

function bytesOf(a: Float32Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/** The 64 × 64 samples by the plain whole-image filter of downscale.ts (the reference's steps). */
function plain(luma: Float32Array, rows: number, cols: number): Float32Array {
  const a = Float32Array.from(luma);
  const b = new Float32Array(a.length);
  jaroszFilter(a, b, rows, cols, jaroszWindowSize(cols), jaroszWindowSize(rows));
  return decimate64(a, rows, cols);
}

describe('the WebAssembly SIMD box filter', () => {
  it('is available on this Node', () => {
    expect(boxKernels()).not.toBeNull();
  });

  it('gives the same 64 × 64 floats as the JavaScript filter, bit for bit', () => {
    const sizeArb = fc.record({
      rows: fc.integer({ min: 5, max: 700 }),
      cols: fc.integer({ min: 5, max: 700 }),
      seed: fc.integer(),
    });
    fc.assert(
      fc.property(sizeArb, ({ rows, cols, seed }) => {
        const luma = lumaImage(rows, cols, seed);
        const source = (r: number, row: Float32Array) =>
          row.set(luma.subarray(r * cols, r * cols + cols));
        const simd = jaroszDownsample64Simd(source, rows, cols, new Float32Array(4096));
        expect(simd).toBeDefined();
        const js = jaroszDownsample64Js(source, rows, cols, new Float32Array(4096));
        expect(bytesOf(simd!).equals(bytesOf(js))).toBe(true);
        expect(bytesOf(simd!).equals(bytesOf(plain(luma, rows, cols)))).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('covers the sizes a build hashes, windows up to 32, and leaves no state behind', () => {
    // 512 × 512 (the reference's resize), long thin images (window 1 one way, large the other),
    // and a large image after a small one and back (the module's memory grows, views renew).
    for (const [rows, cols] of [
      [512, 512],
      [5, 4096],
      [4096, 7],
      [64, 64],
      [2048, 2048],
      [6, 5],
      [513, 511],
    ] as const) {
      expect(rows * cols).toBeLessThanOrEqual(SIMD_MAX_PIXELS);
      const luma = lumaImage(rows, cols, rows * 7919 + cols);
      const source = (r: number, row: Float32Array) =>
        row.set(luma.subarray(r * cols, r * cols + cols));
      const simd = jaroszDownsample64Simd(source, rows, cols, new Float32Array(4096))!;
      expect(bytesOf(simd).equals(bytesOf(plain(luma, rows, cols)))).toBe(true);
    }
  });

  it('computes the luma of 8-bit pixels as luma.ts does, sampled or not, bit for bit', () => {
    const pixelsArb = fc
      .record({
        width: fc.integer({ min: 5, max: 600 }),
        height: fc.integer({ min: 5, max: 600 }),
        channels: fc.constantFrom(1 as const, 3 as const, 4 as const),
        seed: fc.integer(),
        // The size hashed: the image's own, or a nearest-neighbour resize (up or down).
        to: fc.option(
          fc.record({
            rows: fc.integer({ min: 5, max: 600 }),
            cols: fc.integer({ min: 5, max: 600 }),
          }),
        ),
      })
      .map(({ width, height, channels, seed, to }) => {
        const data = new Uint8Array(width * height * channels);
        let s = seed | 1;
        for (let i = 0; i < data.length; i++) {
          s ^= s << 13;
          s ^= s >>> 17;
          s ^= s << 5;
          data[i] = s & 255;
        }
        const pixels: PixelImage = { width, height, channels, data };
        return { pixels, to };
      });
    fc.assert(
      fc.property(pixelsArb, ({ pixels, to }) => {
        const rows = to?.rows ?? pixels.height;
        const cols = to?.cols ?? pixels.width;
        const srcRows = to ? nearestIndices(rows, pixels.height) : undefined;
        const colOffsets = to ? nearestIndices(cols, pixels.width, pixels.channels) : undefined;
        const source =
          srcRows && colOffsets
            ? (r: number, row: Float32Array) => lumaRowSampled(pixels, srcRows[r]!, colOffsets, row)
            : (r: number, row: Float32Array) => lumaRow(pixels, r, row);
        const out = new Float32Array(4096);
        const simd = jaroszDownsample64SimdPixels(pixels, rows, cols, out, srcRows, colOffsets);
        expect(simd).toBeDefined();
        const js = jaroszDownsample64Js(source, rows, cols, new Float32Array(4096));
        expect(bytesOf(simd!).equals(bytesOf(js))).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('leaves images over its limit to the JavaScript filter', () => {
    const source = (_r: number, row: Float32Array) => row.fill(1);
    expect(jaroszDownsample64Simd(source, 2049, 2048, new Float32Array(4096))).toBeUndefined();
  });
});
