import { describe, expect, it } from 'vitest';
import { ObhutError } from '../../src/errors/index.js';
import {
  alphaFor,
  anonymise,
  decodeWav,
  encodeWav,
  prepareReviewAudio,
  reviewAlpha,
} from '../../src/voice/index.js';
import { expectSameBytes, sameBytes } from '../support/same-bytes.js';
import { buildWav, chunkIds } from './wav-builder.js';

const RATE = 22050;
const IDENTIFIERS = ['Anna Schmidt', 'anna@example.org', 'iPhone 15 Pro', '2024-05-01T10:00'];

function speechLike(seconds: number): number[][] {
  const frames: number[][] = [];
  for (let i = 0; i < seconds * RATE; i++) {
    const t = i / RATE;
    const v = 0.4 * Math.sin(2 * Math.PI * 140 * t) * (0.6 + 0.4 * Math.sin(2 * Math.PI * 3 * t));
    const w = 0.2 * Math.sin(2 * Math.PI * 900 * t + Math.sin(2 * Math.PI * 5 * t));
    frames.push([Math.round((v + w) * 8388607), Math.round((v - w) * 8388607)]);
  }
  return frames;
}

describe('prepareReviewAudio', () => {
  const info = new TextEncoder().encode(`INFOIART${IDENTIFIERS.join('\0')}\0`);
  const upload = buildWav({
    encoding: 'pcm',
    bits: 24,
    sampleRate: RATE,
    frames: speechLike(2),
    extensible: true,
    before: [{ id: 'LIST', body: info }],
    after: [{ id: 'id3 ', body: new TextEncoder().encode(`ID3${IDENTIFIERS[2]}`) }],
  });

  it('serves a 16-bit mono WAV of the same length with only fmt and data, no identifiers', () => {
    const out = prepareReviewAudio(upload, []);
    expect(chunkIds(out)).toEqual(['fmt ', 'data']);
    const text = out.toString('latin1');
    for (const id of IDENTIFIERS) expect(text).not.toContain(id);
    const decoded = decodeWav(out);
    expect(decoded.sampleRate).toBe(RATE);
    expect(decoded.samples.length).toBe(2 * RATE);
    expect(decoded.samples.some((v) => v !== 0)).toBe(true);
  });

  it('anonymises, then overwrites the spans so the served file holds only silence there', () => {
    const out = decodeWav(
      prepareReviewAudio(upload, [{ start: 0.8, end: 1.1 }], {
        bleep: { mode: 'silence', fadeMs: 0 },
      }),
    ).samples;
    // Padded by 150 ms: 0.65–1.25 s.
    const from = Math.floor(0.65 * RATE);
    const to = Math.ceil(1.25 * RATE);
    expect(out.subarray(from, to).every((v) => v === 0)).toBe(true);
    expect(out[from - 1]).not.toBe(0);
    const plain = decodeWav(upload).samples;
    let diff = 0;
    for (let i = 0; i < from; i++) diff += Math.abs(out[i]! - plain[i]!);
    expect(diff / from).toBeGreaterThan(0.01);
  });

  it('passes decoding errors through with their code', () => {
    try {
      prepareReviewAudio(upload.subarray(0, 1000), []);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ObhutError);
      expect((err as ObhutError).code).toBe('AUDIO_INVALID');
    }
    expect(() => prepareReviewAudio(upload, [], { limits: { maxSeconds: 1 } })).toThrow(
      expect.objectContaining({ code: 'AUDIO_TOO_LARGE' }),
    );
  });

  it('takes alpha as a number or draws it from a seed, the same audio for the same seed', () => {
    const plain = decodeWav(upload);
    const byNumber = (alpha: number) =>
      encodeWav(anonymise(plain.samples, plain.sampleRate, { alpha }), plain.sampleRate);
    expectSameBytes(prepareReviewAudio(upload, []), byNumber(0.8));
    expectSameBytes(prepareReviewAudio(upload, [], { alpha: 0.6 }), byNumber(0.6));
    const seeded = { seed: 'ri_a', min: 0.7, max: 0.9 };
    const alpha = alphaFor('ri_a', { min: 0.7, max: 0.9 });
    expect(reviewAlpha(seeded)).toBe(alpha);
    expect(reviewAlpha(undefined)).toBe(0.8);
    const once = prepareReviewAudio(upload, [], { alpha: seeded });
    expectSameBytes(prepareReviewAudio(upload, [], { alpha: seeded }), once);
    expectSameBytes(once, byNumber(alpha));
    const other = { seed: 'ri_b', min: 0.7, max: 0.9 };
    expect(reviewAlpha(other)).not.toBe(alpha);
    expect(sameBytes(prepareReviewAudio(upload, [], { alpha: other }), once)).toBe(false);
    // The default range is U(0.5, 0.9); a range pinned at 1 leaves the audio as decoded.
    expect(reviewAlpha({ seed: 'ri_a' })).toBe(alphaFor('ri_a'));
    const identity = decodeWav(
      prepareReviewAudio(upload, [], { alpha: { seed: 'ri_a', min: 1, max: 1 } }),
    ).samples;
    const rounded = decodeWav(encodeWav(plain.samples, plain.sampleRate)).samples;
    // Within one 16-bit step: alpha 1 is the identity up to rounding (the largest difference,
    // asserted once: an assertion per sample cost more than the audio; issue 13).
    expect(identity.length).toBe(rounded.length);
    let worst = 0;
    for (let i = 0; i < rounded.length; i++)
      worst = Math.max(worst, Math.abs(identity[i]! - rounded[i]!));
    expect(worst).toBeLessThanOrEqual(1 / 32768);
  });

  it('rejects a bad alpha or range before decoding', () => {
    for (const alpha of [0, 2.5, { seed: 'x', min: 0.9, max: 0.5 }]) {
      expect(() => prepareReviewAudio(new Uint8Array(4), [], { alpha })).toThrow(
        expect.objectContaining({ code: 'AUDIO_INVALID', message: expect.stringMatching(/alpha/) }),
      );
    }
  });
});
