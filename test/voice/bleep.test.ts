import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ObhutError } from '../../src/errors/index.js';
import { bleep } from '../../src/voice/index.js';

const RATE = 8000;

/** Which samples a set of spans covers after padding, as a mask computed sample by sample. */
function coverage(length: number, spans: readonly { start: number; end: number }[], padMs: number) {
  const pad = padMs / 1000;
  const mask = new Uint8Array(length);
  for (let n = 0; n < length; n++) {
    for (const s of spans) {
      // The sample's interval [n, n+1) / rate touches [start - pad, end + pad].
      if (n + 1 > (s.start - pad) * RATE && n < (s.end + pad) * RATE) mask[n] = 1;
    }
  }
  return mask;
}

/** Maximal runs of covered samples: the merged ranges. */
function runs(mask: Uint8Array): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let n = 0; n < mask.length; n++) {
    if (!mask[n]) continue;
    const start = n;
    while (n < mask.length && mask[n]) n++;
    out.push([start, n]);
  }
  return out;
}

function noise(length: number, seed: number): Float32Array {
  const x = new Float32Array(length);
  let s = seed | 1;
  for (let i = 0; i < length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    x[i] = ((s >>> 0) / 2 ** 32) * 1.6 - 0.8;
  }
  return x;
}

const span = fc
  .tuple(fc.integer({ min: -300, max: 2300 }), fc.integer({ min: 0, max: 600 }))
  .map(([startMs, lenMs]) => ({ start: startMs / 1000, end: (startMs + lenMs) / 1000 }));

describe('bleep', () => {
  it('overwrites every padded, merged span and leaves every other sample as it was', () => {
    fc.assert(
      fc.property(
        fc.array(span, { maxLength: 6 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 20 }),
        fc.constantFrom('tone' as const, 'silence' as const),
        fc.integer({ min: 1, max: 2 ** 30 }),
        (spans, padMs, fadeMs, mode, seed) => {
          const input = noise(Math.round(1.5 * RATE), seed);
          const copy = input.slice();
          const out = bleep(input, RATE, spans, { padMs, fadeMs, mode, toneHz: 700 });
          expect(Buffer.from(input.buffer).equals(Buffer.from(copy.buffer))).toBe(true);
          expect(out.length).toBe(input.length);
          const mask = coverage(input.length, spans, padMs);
          // Plain checks collected into one list: an expect per sample would be slow.
          const wrong: string[] = [];
          for (let n = 0; n < input.length; n++) {
            if (!mask[n] && out[n] !== input[n]) wrong.push(`${n} changed outside`);
          }
          for (const [start, end] of runs(mask)) {
            const fade = Math.min(
              Math.round((fadeMs * RATE) / 1000),
              Math.floor((end - start) / 4),
            );
            for (let n = start; n < end; n++) {
              const edge = Math.min(n - start, end - 1 - n);
              const tone =
                mode === 'tone' ? 0.1 * Math.sin((2 * Math.PI * 700 * (n - start)) / RATE) : 0;
              const v = out[n]!;
              if (edge < fade) {
                // The original, faded: same sign, no louder, never the tone added to it.
                if (Math.abs(v) > Math.abs(input[n]!) || v * input[n]! < 0)
                  wrong.push(`${n} fade out`);
              } else if (edge < 2 * fade) {
                if (Math.abs(v) > Math.abs(tone) + 1e-7 || v * tone < -1e-12)
                  wrong.push(`${n} fade in`);
              } else if (Math.abs(v - tone) > 1e-7) {
                wrong.push(`${n}: ${v} is not the tone ${tone}`);
              }
            }
          }
          expect(wrong.slice(0, 5)).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('merges overlapping spans into one continuous tone', () => {
    const input = noise(RATE, 7);
    const out = bleep(
      input,
      RATE,
      [
        { start: 0.3, end: 0.5 },
        { start: 0.45, end: 0.6 },
      ],
      { padMs: 0, fadeMs: 0, toneHz: 1000 },
    );
    // One range 0.3–0.6 s: the tone's phase runs on from 0.3 s through the second span's start.
    for (let n = 2400; n < 4800; n++) {
      expect(out[n]).toBeCloseTo(0.1 * Math.sin((2 * Math.PI * 1000 * (n - 2400)) / RATE), 6);
    }
    expect(out[2399]).toBe(input[2399]);
    expect(out[4800]).toBe(input[4800]);
  });

  it('pads by 150 ms and clamps to the signal by default', () => {
    const input = noise(RATE, 3);
    const out = bleep(input, RATE, [{ start: 0.05, end: 0.9 }], { mode: 'silence', fadeMs: 0 });
    expect(out.every((v) => v === 0)).toBe(true);
    const tail = bleep(input, RATE, [{ start: 0.5, end: 0.6 }], { mode: 'silence', fadeMs: 0 });
    expect(tail.subarray(2800, 6000).every((v) => v === 0)).toBe(true);
    expect(tail[2799]).toBe(input[2799]);
    expect(tail[6000]).toBe(input[6000]);
  });

  it('refuses a span that is not one rather than letting it through', () => {
    for (const bad of [
      { start: 1, end: 0.5 },
      { start: Number.NaN, end: 1 },
    ]) {
      expect(() => bleep(noise(100, 1), RATE, [bad])).toThrow(ObhutError);
    }
  });
});
