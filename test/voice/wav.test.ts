import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ObhutError } from '../../src/errors/index.js';
import { decodeWav, encodeWav } from '../../src/voice/index.js';
import { buildWav, chunkIds } from './wav-builder.js';

const text = (s: string) => new TextEncoder().encode(s);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof ObhutError) return err.code;
    throw err;
  }
  return undefined;
}

describe('decodeWav', () => {
  // Each format holds +½, -¼, 0 and full-scale values written as raw integers, so the expected
  // floats follow from the format definition, not from the decoder.
  const cases = [
    { encoding: 'pcm', bits: 8, raw: [192, 96, 128, 0], want: [0.5, -0.25, 0, -1] },
    { encoding: 'pcm', bits: 16, raw: [16384, -8192, 0, -32768], want: [0.5, -0.25, 0, -1] },
    { encoding: 'pcm', bits: 24, raw: [4194304, -2097152, 0, -8388608], want: [0.5, -0.25, 0, -1] },
    {
      encoding: 'pcm',
      bits: 32,
      raw: [2 ** 30, -(2 ** 29), 0, -(2 ** 31)],
      want: [0.5, -0.25, 0, -1],
    },
    { encoding: 'float', bits: 32, raw: [0.5, -0.25, 0, -1], want: [0.5, -0.25, 0, -1] },
    { encoding: 'float', bits: 64, raw: [0.5, -0.25, 0, -1], want: [0.5, -0.25, 0, -1] },
  ] as const;

  for (const c of cases) {
    for (const extensible of [false, true]) {
      it(`reads ${c.encoding} ${c.bits}-bit${extensible ? ' (WAVE_FORMAT_EXTENSIBLE)' : ''}`, () => {
        const wav = buildWav({
          encoding: c.encoding,
          bits: c.bits,
          sampleRate: 22050,
          frames: c.raw.map((v) => [v]),
          extensible,
        });
        const out = decodeWav(wav);
        expect(out.sampleRate).toBe(22050);
        expect(Array.from(out.samples)).toEqual(c.want);
      });
    }
  }

  it('mixes any number of channels down to their mean', () => {
    const stereo = buildWav({
      encoding: 'pcm',
      bits: 16,
      sampleRate: 8000,
      frames: [
        [16384, -8192],
        [-32768, 0],
      ],
    });
    expect(Array.from(decodeWav(stereo).samples)).toEqual([0.125, -0.5]);
    const six = buildWav({
      encoding: 'float',
      bits: 32,
      sampleRate: 48000,
      frames: [[0.5, 0.5, 0.5, -0.5, 0.25, 0.25]],
      extensible: true,
    });
    expect(Array.from(decodeWav(six).samples)).toEqual([0.25]);
  });

  it('skips LIST/INFO, id3 and odd-sized chunks before and after the audio', () => {
    const wav = buildWav({
      encoding: 'pcm',
      bits: 16,
      sampleRate: 16000,
      frames: [[16384], [-16384]],
      before: [{ id: 'LIST', body: text('INFOINAM\x05\0\0\0Anna\0\0') }],
      after: [
        { id: 'id3 ', body: text('ID3 odd') },
        { id: 'bext', body: new Uint8Array(3) },
      ],
    });
    expect(Array.from(decodeWav(wav).samples)).toEqual([0.5, -0.5]);
  });

  it('clips out-of-range float samples and turns NaN and infinities into 0', () => {
    const wav = buildWav({
      encoding: 'float',
      bits: 32,
      sampleRate: 16000,
      frames: [[1.5], [-3], [Number.NaN], [Number.POSITIVE_INFINITY]],
    });
    expect(Array.from(decodeWav(wav).samples)).toEqual([1, -1, 0, 0]);
  });

  describe('when the file is not one it can read', () => {
    const good = buildWav({
      encoding: 'pcm',
      bits: 16,
      sampleRate: 16000,
      frames: Array.from({ length: 50 }, (_, i) => [i * 100]),
      after: [{ id: 'LIST', body: text('INFO') }],
    });

    it('rejects every truncation with AUDIO_INVALID', () => {
      for (let cut = 0; cut < good.length; cut++) {
        expect(codeOf(() => decodeWav(good.subarray(0, cut)))).toBe('AUDIO_INVALID');
      }
    });

    it('rejects a data chunk that claims more bytes than there are', () => {
      const bad = good.slice();
      new DataView(bad.buffer).setUint32(40, 1000, true);
      expect(codeOf(() => decodeWav(bad))).toBe('AUDIO_INVALID');
    });

    it('rejects other containers and encodings with AUDIO_INVALID', () => {
      expect(codeOf(() => decodeWav(text('OggS\0\0\0\0\0\0\0\0\0\0\0\0')))).toBe('AUDIO_INVALID');
      const alaw = good.slice();
      new DataView(alaw.buffer).setUint16(20, 6, true);
      expect(codeOf(() => decodeWav(alaw))).toBe('AUDIO_INVALID');
      const twelveBit = buildWav({ encoding: 'pcm', bits: 16, sampleRate: 16000, frames: [[0]] });
      new DataView(twelveBit.buffer).setUint16(34, 12, true);
      expect(codeOf(() => decodeWav(twelveBit))).toBe('AUDIO_INVALID');
      const noFmt = text('RIFF\x0c\0\0\0WAVEdata\0\0\0\0');
      expect(codeOf(() => decodeWav(noFmt))).toBe('AUDIO_INVALID');
    });

    it('rejects files over the byte or duration limit with AUDIO_TOO_LARGE', () => {
      expect(codeOf(() => decodeWav(good, { maxBytes: good.length - 1 }))).toBe('AUDIO_TOO_LARGE');
      expect(codeOf(() => decodeWav(good, { maxBytes: good.length }))).toBeUndefined();
      // 50 frames at 16 kHz = 3.125 ms.
      expect(codeOf(() => decodeWav(good, { maxSeconds: 0.003 }))).toBe('AUDIO_TOO_LARGE');
      expect(codeOf(() => decodeWav(good, { maxSeconds: 0.004 }))).toBeUndefined();
    });

    it('never throws anything but an AUDIO_* ObhutError on arbitrary bytes', () => {
      const header = good.subarray(0, 44);
      fc.assert(
        fc.property(
          fc.uint8Array({ maxLength: 200 }),
          fc.boolean(),
          (bytes: Uint8Array, withHeader: boolean) => {
            const input = withHeader ? new Uint8Array([...header, ...bytes]) : bytes;
            if (withHeader) new DataView(input.buffer).setUint32(4, input.length - 8, true);
            const code = codeOf(() => decodeWav(input));
            expect([undefined, 'AUDIO_INVALID', 'AUDIO_TOO_LARGE']).toContain(code);
          },
        ),
      );
    });
  });
});

describe('encodeWav', () => {
  it('writes exactly a fmt and a data chunk: 16-bit PCM mono, nothing else', () => {
    const out = encodeWav(new Float32Array([0.5, -0.5, 0]), 16000);
    expect(chunkIds(out)).toEqual(['fmt ', 'data']);
    expect(out.length).toBe(44 + 6);
    const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
    expect(out.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(view.getUint32(4, true)).toBe(out.length - 8);
    expect(view.getUint16(20, true)).toBe(1);
    expect(view.getUint16(22, true)).toBe(1);
    expect(view.getUint32(24, true)).toBe(16000);
    expect(view.getUint16(34, true)).toBe(16);
    expect([view.getInt16(44, true), view.getInt16(46, true), view.getInt16(48, true)]).toEqual([
      16384, -16384, 0,
    ]);
  });

  it('clips out-of-range samples and writes NaN as 0', () => {
    const out = encodeWav(new Float32Array([2, -2, Number.NaN]), 8000);
    const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
    expect([view.getInt16(44, true), view.getInt16(46, true), view.getInt16(48, true)]).toEqual([
      32767, -32768, 0,
    ]);
  });

  it('round-trips through decodeWav within one 16-bit step, and 16-bit audio exactly', () => {
    fc.assert(
      fc.property(
        fc.float32Array({ min: -1, max: 1, noNaN: true, maxLength: 500 }),
        fc.integer({ min: 1000, max: 384000 }),
        (samples: Float32Array, rate: number) => {
          const first = encodeWav(samples, rate);
          const decoded = decodeWav(first);
          expect(decoded.sampleRate).toBe(rate);
          expect(decoded.samples.length).toBe(samples.length);
          for (let i = 0; i < samples.length; i++) {
            expect(Math.abs(decoded.samples[i]! - samples[i]!)).toBeLessThanOrEqual(1 / 32768);
          }
          expect(encodeWav(decoded.samples, rate).equals(first)).toBe(true);
        },
      ),
    );
  });
});
