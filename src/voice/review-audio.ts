import { type BleepOptions, bleep, type TimeSpan } from './bleep.js';
import { anonymise, type McAdamsOptions } from './mcadams.js';
import { decodeWav, encodeWav, type WavLimits } from './wav.js';

export interface ReviewAudioOptions {
  readonly limits?: WavLimits;
  readonly mcadams?: McAdamsOptions;
  readonly bleep?: BleepOptions;
}

/**
 * The audio a reviewer hears: the uploaded WAV decoded to mono, anonymised (McAdams), the PII
 * spans (seconds) overwritten, and encoded as a 16-bit WAV with no metadata. Bleeping comes after
 * anonymising so that the served file carries exactly the tone or silence over each padded span;
 * both steps keep the timing, so the spans stay valid. Throws `AUDIO_INVALID` / `AUDIO_TOO_LARGE`.
 */
export function prepareReviewAudio(
  wav: Uint8Array,
  spans: readonly TimeSpan[],
  options: ReviewAudioOptions = {},
): Buffer {
  const { sampleRate, samples } = decodeWav(wav, options.limits);
  const anonymised = anonymise(samples, sampleRate, options.mcadams);
  return encodeWav(bleep(anonymised, sampleRate, spans, options.bleep), sampleRate);
}
