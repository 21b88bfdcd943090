export { type AlphaRange, alphaFor, MCADAMS_RANDOM } from './alpha.js';
export {
  type BleepOptions,
  bleep,
  bleepSampleRanges,
  DEFAULT_BLEEP,
  type TimeSpan,
} from './bleep.js';
export { anonymise, MCADAMS, type McAdamsOptions } from './mcadams.js';
export {
  prepareReviewAudio,
  type ReviewAudioOptions,
  reviewAlpha,
  type SeededAlpha,
} from './review-audio.js';
export {
  DEFAULT_WAV_LIMITS,
  type DecodedAudio,
  decodeWav,
  encodeWav,
  type WavLimits,
} from './wav.js';
