import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pdqHashFile } from '../../src/safety/hash-image.js';
import { resizeNearest } from '../../src/safety/image-input.js';
import {
  DCT_MATRIX,
  DIHEDRAL_VARIANTS,
  type DihedralVariant,
  dct64To16,
  dctToHash,
  decimate64,
  hammingDistance,
  hash256FromHex,
  hash256ToHex,
  jaroszFilter,
  jaroszWindowSize,
  type LumaImage,
  lumaFromPixels,
  type PixelImage,
  pdqDihedralHashes,
  pdqHash,
  pdqHashPixels,
  pdqQuality,
  transformDct,
} from '../../src/safety/pdq/index.js';
import { readCsv, vectorPath } from './vectors.js';

const DIH_COLUMNS: Record<DihedralVariant, string> = {
  original: 'dih_original',
  rotate90: 'dih_rotate90',
  rotate180: 'dih_rotate180',
  rotate270: 'dih_rotate270',
  flipX: 'dih_flipx',
  flipY: 'dih_flipy',
  flipPlus1: 'dih_flip_plus1',
  flipMinus1: 'dih_flip_minus1',
};

const SETS = [
  { csv: 'generated/cpp-reference-png-vectors.csv', dir: 'generated/png/' },
  { csv: 'generated/cpp-reference-upstream-images.csv', dir: 'upstream/' },
] as const;

describe('PDQ against the C++ reference (test/vectors/pdq)', () => {
  for (const set of SETS) {
    describe(set.csv, () => {
      for (const row of readCsv(set.csv)) {
        it(`${row.file}: CLI hash, quality and 8 dihedral hashes; full-resolution hash`, async () => {
          const path = vectorPath(set.dir + row.file!);
          const cli = await pdqHashFile(path, { dihedral: true });
          expect(hash256ToHex(cli.hash)).toBe(row.cli_pdq);
          expect(cli.quality).toBe(Number(row.cli_quality));
          for (const variant of DIHEDRAL_VARIANTS) {
            expect(hash256ToHex(cli.dihedral![variant]), variant).toBe(row[DIH_COLUMNS[variant]]);
          }
          const full = await pdqHashFile(path, { policy: 'full-resolution' });
          expect(full.quality).toBe(Number(row.fullres_quality));
          // The reference's full-resolution column was decoded in-process by libpng, which
          // returns this grey-valued RGB PNG as RGB; we keep the CLI's grey path in both policies.
          const expected = row.file === 'gradient-64x256.png' ? row.cli_pdq : row.fullres_pdq;
          expect(hash256ToHex(full.hash)).toBe(expected);
        });
      }
    });
  }

  describe('upstream-expected-hashes.csv (other implementations and decoders)', () => {
    for (const row of readCsv('upstream-expected-hashes.csv')) {
      const file = row.image_path_relative_to_pdq_data!.replace(
        'misc-images/b.jpg',
        'bridge-mods/aaa-orig.jpg',
      );
      const wasm = row.implementation_and_notes!.startsWith('cpp compiled to wasm');
      // The WASM build is today's C++ and matches it, except on sharpen-a-lot.jpg, where it is
      // 2 bits from the native reference (pdq-hma.md), which we match exactly. The rest decode
      // or resize differently; upstream's own Python test allows 16 bits.
      const limit = wasm ? (file.endsWith('sharpen-a-lot.jpg') ? 2 : 0) : 16;
      it(`${row.source_in_repo} ${file}: within ${limit} bits`, async () => {
        const ours = await pdqHashFile(vectorPath(`upstream/${file}`));
        const distance = hammingDistance(ours.hash, hash256FromHex(row.pdq_hex!)!);
        expect(distance).toBeLessThanOrEqual(limit);
        const exact = limit === 0;
        if (exact && row.quality) expect(ours.quality).toBe(Number(row.quality));
      });
    }
  });

  it('has the reference DCT matrix bit for bit', () => {
    const text = readFileSync(vectorPath('generated/intermediates/dct-matrix-16x64.txt'), 'utf8');
    const bits = new Uint32Array(DCT_MATRIX.buffer, DCT_MATRIX.byteOffset, DCT_MATRIX.length);
    let checked = 0;
    for (const line of text.split('\n')) {
      const m = /^(\d+) (\d+) ([0-9a-f]{8}) /.exec(line);
      if (!m) continue;
      expect(bits[Number(m[1]) * 64 + Number(m[2])]!.toString(16).padStart(8, '0')).toBe(m[3]);
      checked++;
    }
    expect(checked).toBe(16 * 64);
  });
});

const hashArb = fc
  .uint32Array({ minLength: 8, maxLength: 8 })
  .map((words) => Uint32Array.from(words));

/** A small random RGB image as a luma image. */
const imageArb = fc
  .record({ width: fc.integer({ min: 5, max: 40 }), height: fc.integer({ min: 5, max: 40 }) })
  .chain(({ width, height }) =>
    fc
      .uint8Array({ minLength: width * height * 3, maxLength: width * height * 3 })
      .map((data) => lumaFromPixels({ width, height, channels: 3, data })),
  );

describe('PDQ properties', () => {
  it('Hamming distance is symmetric, zero on itself, and the triangle inequality holds', () => {
    fc.assert(
      fc.property(hashArb, hashArb, hashArb, (a, b, c) => {
        expect(hammingDistance(a, b)).toBe(hammingDistance(b, a));
        expect(hammingDistance(a, a)).toBe(0);
        expect(hammingDistance(a, c)).toBeLessThanOrEqual(
          hammingDistance(a, b) + hammingDistance(b, c),
        );
      }),
    );
  });

  it('hex round-trips', () => {
    fc.assert(
      fc.property(hashArb, (a) => {
        const hex = hash256ToHex(a);
        expect(hex).toMatch(/^[0-9a-f]{64}$/);
        expect(hash256FromHex(hex)).toEqual(a);
      }),
    );
  });

  it('the dihedral set is closed: variants of a transformed DCT are a permutation of the originals', () => {
    fc.assert(
      fc.property(imageArb, fc.constantFrom(...DIHEDRAL_VARIANTS), (luma, g) => {
        const { hashes } = pdqDihedralHashes(luma);
        const base = new Set(Object.values(hashes).map(hash256ToHex));
        // Transform the DCT once more by g: the 8 results must be the same 8 hashes.
        const original = dctOf(luma);
        const moved = transformDct(original, g);
        const again = new Set(
          DIHEDRAL_VARIANTS.map((v) => hash256ToHex(dctToHash(transformDct(moved, v)))),
        );
        expect(again).toEqual(base);
        expect(hash256ToHex(hashes.original)).toBe(hash256ToHex(dctToHash(original)));
      }),
      { numRuns: 30 },
    );
  });

  it('the fused pixel path equals luma → jaroszFilter → decimate64 → DCT, bit for bit', () => {
    const pixelsArb = fc
      .record({
        width: fc.integer({ min: 5, max: 400 }),
        height: fc.integer({ min: 5, max: 400 }),
        channels: fc.constantFrom(1 as const, 3 as const, 4 as const),
        seed: fc.integer(),
      })
      .map(({ width, height, channels, seed }): PixelImage => {
        const data = new Uint8Array(width * height * channels);
        let s = seed | 1;
        for (let i = 0; i < data.length; i++) {
          s ^= s << 13;
          s ^= s >>> 17;
          s ^= s << 5;
          // Smooth ramps plus noise, so the medians are not degenerate.
          data[i] = ((i % (width * channels)) + (s & 15)) & 255;
        }
        return { width, height, channels, data };
      });
    fc.assert(
      fc.property(pixelsArb, (pixels) => {
        const luma = lumaFromPixels(pixels);
        const b = dctOf(luma);
        const fused = pdqHashPixels(pixels, true);
        const expected = dctToHash(b);
        expect(hash256ToHex(fused.hash)).toBe(hash256ToHex(expected));
        expect(fused.quality).toBe(pdqQuality(downsampledOf(luma)));
        for (const v of DIHEDRAL_VARIANTS) {
          expect(hash256ToHex(fused.dihedral![v])).toBe(
            hash256ToHex(dctToHash(transformDct(b, v))),
          );
        }
        expect(pdqHash(luma)).toEqual({ hash: fused.hash, quality: fused.quality });
        // Sampling on the fly equals hashing the nearest-neighbour resized copy.
        for (const size of [
          { width: 64, height: 64 },
          { width: 37, height: 120 },
        ]) {
          const copy = pdqHashPixels(resizeNearest(pixels, size.width, size.height), true);
          expect(pdqHashPixels(pixels, true, size)).toEqual(copy);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('images under 5 pixels in either dimension hash to zero with quality 0', () => {
    const luma = lumaFromPixels({ width: 4, height: 9, channels: 1, data: new Uint8Array(36) });
    expect(pdqHash(luma)).toEqual({ hash: new Uint32Array(8), quality: 0 });
  });
});

function dctOf(luma: LumaImage): Float32Array {
  return dct64To16(downsampledOf(luma));
}

function downsampledOf(luma: LumaImage): Float32Array {
  const b1 = Float32Array.from(luma.data);
  const b2 = new Float32Array(b1.length);
  jaroszFilter(
    b1,
    b2,
    luma.height,
    luma.width,
    jaroszWindowSize(luma.width),
    jaroszWindowSize(luma.height),
  );
  return decimate64(b1, luma.height, luma.width);
}
