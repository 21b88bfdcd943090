import { ObhutError } from '../errors/index.js';
import { type AlphaRange, alphaFor } from './alpha.js';
import { type BleepOptions, bleep, type TimeSpan } from './bleep.js';
import { anonymise, MCADAMS } from './mcadams.js';
import { decodeWav, encodeWav, type WavLimits } from './wav.js';

/** A McAdams alpha drawn from `[min, max]` by `alphaFor(seed)`. */
export interface SeededAlpha extends AlphaRange {
  readonly seed: Uint8Array | string;
}

export interface ReviewAudioOptions {
  readonly limits?: WavLimits;
  /**
   * The McAdams coefficient: a number, or a seed (and range, U(0.5, 0.9) unless given) to draw
   * it from per recording. Without it, the fixed `MCADAMS.alpha` (0.8).
   */
  readonly alpha?: number | SeededAlpha;
  readonly bleep?: BleepOptions;
}

/** The alpha `prepareReviewAudio` uses for these options; throws `AUDIO_INVALID` for a bad one. */
export function reviewAlpha(alpha: ReviewAudioOptions['alpha']): number {
  if (alpha === undefined) return MCADAMS.alpha;
  if (typeof alpha !== 'number') return alphaFor(alpha.seed, alpha);
  if (!(alpha > 0 && alpha <= 2)) {
    throw new ObhutError('AUDIO_INVALID', `McAdams alpha must be in (0, 2], not ${alpha}`);
  }
  return alpha;
}

/**
 * The audio a reviewer hears: the uploaded WAV decoded to mono, anonymised (McAdams), the PII
 * spans (seconds) overwritten, and encoded as a 16-bit WAV with no metadata. Bleeping comes after
 * anonymising so that the served file carries exactly the tone or silence over each padded span;
 * both steps keep the timing, so the spans stay valid. With a seeded alpha the output depends
 * only on the input, the spans and the seed. Throws `AUDIO_INVALID` / `AUDIO_TOO_LARGE`.
 */
export function prepareReviewAudio(
  wav: Uint8Array,
  spans: readonly TimeSpan[],
  options: ReviewAudioOptions = {},
): Buffer {
  const alpha = reviewAlpha(options.alpha);
  const { sampleRate, samples } = decodeWav(wav, options.limits);
  const anonymised = anonymise(samples, sampleRate, { alpha });
  return encodeWav(bleep(anonymised, sampleRate, spans, options.bleep), sampleRate);
}
