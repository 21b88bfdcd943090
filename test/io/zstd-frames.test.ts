import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createZstdDecoder } from '../../src/io/zstd-decoder.js';
import { MAX_ZSTD_WINDOW, ZstdFrameWatch } from '../../src/io/zstd-frames.js';

// zstd frames written by hand from RFC 8878: raw and RLE blocks need no entropy coder, so any
// content and window can be expressed, and fzstd decodes them as any zstd decoder would.
const MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

function u24(n: number): number[] {
  return [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff];
}

type Block = { kind: 'raw'; bytes: number[] } | { kind: 'rle'; byte: number; count: number };

/** A frame with a window descriptor (not single-segment), no dictionary, no content size. */
function frame(windowDescriptor: number, blocks: Block[], checksum = false): number[] {
  const out = [...MAGIC, checksum ? 0x04 : 0x00, windowDescriptor];
  blocks.forEach((b, i) => {
    const last = i === blocks.length - 1 ? 1 : 0;
    if (b.kind === 'raw') out.push(...u24(last | (0 << 1) | (b.bytes.length << 3)), ...b.bytes);
    else out.push(...u24(last | (1 << 1) | (b.count << 3)), b.byte);
  });
  // The checksum's value is not checked by the watch; fzstd does not verify it either.
  if (checksum) out.push(0, 0, 0, 0);
  return out;
}

function skippable(data: number[]): number[] {
  return [0x50, 0x2a, 0x4d, 0x18, data.length & 0xff, (data.length >> 8) & 0xff, 0, 0, ...data];
}

function content(blocks: Block[]): number[] {
  return blocks.flatMap((b) => (b.kind === 'raw' ? b.bytes : Array(b.count).fill(b.byte)));
}

async function decode(bytes: number[], cut: number[], maxOut?: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let from = 0;
  for (const at of [...cut.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b)) {
    chunks.push(Buffer.from(bytes.slice(from, at)));
    from = at;
  }
  chunks.push(Buffer.from(bytes.slice(from)));
  const out: Buffer[] = [];
  await pipeline(Readable.from(chunks), createZstdDecoder(maxOut), async (source) => {
    for await (const c of source) out.push(c as Buffer);
  });
  return Buffer.concat(out);
}

const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({
    kind: fc.constant('raw' as const),
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 0, maxLength: 40 }),
  }),
  fc.record({
    kind: fc.constant('rle' as const),
    byte: fc.integer({ min: 0, max: 255 }),
    count: fc.integer({ min: 1, max: 300 }),
  }),
);

describe('zstd frame watch', () => {
  it('lets every frame within the limit through, in any chunking, with skippable frames between', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            blocks: fc.array(block, { minLength: 1, maxLength: 4 }),
            checksum: fc.boolean(),
            skip: fc.option(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 20 })),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        fc.array(fc.nat(400), { maxLength: 8 }),
        async (frames, cut) => {
          // Window descriptor 0x00: 1 KiB, enough for these blocks (each ≤ 300 bytes).
          const bytes = frames.flatMap((f) => [
            ...(f.skip ? skippable(f.skip) : []),
            ...frame(0x00, f.blocks, f.checksum),
          ]);
          const expected = frames.flatMap((f) => content(f.blocks));
          expect([...(await decode(bytes, cut))]).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses a frame asking for a window over 128 MiB before the decoder allocates it', async () => {
    // Exponent 18, mantissa 0: 2^28 = 256 MiB; exponent 17, mantissa 0: exactly 128 MiB.
    const big = frame(18 << 3, [{ kind: 'raw', bytes: [104, 105] }]);
    await expect(decode(big, [])).rejects.toMatchObject({ code: 'INPUT_DECOMPRESSION_LIMIT' });
    // Also when it is the second frame, and when the header arrives a byte at a time.
    const second = [...frame(0x00, [{ kind: 'raw', bytes: [1] }]), ...big];
    await expect(
      decode(
        second,
        Array.from({ length: second.length }, (_, i) => i),
      ),
    ).rejects.toMatchObject({
      code: 'INPUT_DECOMPRESSION_LIMIT',
    });
    expect([...(await decode(frame(17 << 3, [{ kind: 'raw', bytes: [104, 105] }]), []))]).toEqual([
      104, 105,
    ]);
  });

  it('stops an RLE bomb inside one chunk at the output limit, and refuses blocks over 128 KiB', async () => {
    // 2 MiB window; 4,000 RLE blocks of 128 KiB in 16,000 bytes: 500 MiB if nothing stopped it.
    const rle = (size: number, last = 0) => [...u24(last | (1 << 1) | (size << 3)), 0x41];
    const bomb = [...MAGIC, 0x00, 11 << 3];
    for (let i = 0; i < 4000; i++) bomb.push(...rle(128 * 1024, i === 3999 ? 1 : 0));
    await expect(decode(bomb, [], 4 * 1024 * 1024)).rejects.toMatchObject({
      code: 'INPUT_DECOMPRESSION_LIMIT',
    });
    // fzstd alone would take an RLE block of 2 MiB − 1; the format allows 128 KiB.
    const oversized = [...MAGIC, 0x00, 11 << 3, ...rle(128 * 1024 + 1, 1)];
    await expect(decode(oversized, [])).rejects.toMatchObject({ code: 'INPUT_CORRUPT' });
    expect((await decode([...MAGIC, 0x00, 11 << 3, ...rle(128 * 1024, 1)], [])).length).toBe(
      128 * 1024,
    );
  });

  it("reads a single-segment frame's window from its content size", () => {
    const watch = new ZstdFrameWatch();
    // Descriptor: single segment, content size field of 4 bytes (flag 2), then 2^27 + 1.
    const size = MAX_ZSTD_WINDOW + 1;
    const header = [
      ...MAGIC,
      0xa0,
      size & 0xff,
      (size >> 8) & 0xff,
      (size >> 16) & 0xff,
      (size >>> 24) & 0xff,
    ];
    expect(() => watch.push(Uint8Array.from(header))).toThrow(/window/);
    const ok = new ZstdFrameWatch();
    ok.push(Uint8Array.from([...MAGIC, 0x20, 5, ...u24(1 | (5 << 3)), 1, 2, 3, 4, 5]));
  });

  it('leaves data that is not zstd to the decoder, watching nothing more', () => {
    const watch = new ZstdFrameWatch();
    watch.push(Uint8Array.from([1, 2, 3, 4, ...Array(1000).fill(0xff)]));
  });
});
