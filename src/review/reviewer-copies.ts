// How the reviewer's copies of media are made, and the policy review decides by when none is
// given: one definition for `obhut review enqueue` and `POST /api/review/v1/items`, so a record
// queued by a pipeline is decided, redacted and anonymised exactly as one queued from the CLI.
import { ObhutError } from '../errors/index.js';
import { DEFAULT_POLICY, type Policy } from '../policy/index.js';
import { MCADAMS_RANDOM, prepareReviewAudio } from '../voice/index.js';
import type { PrepareAudio, PrepareImage } from './enqueue.js';

/** The built-in policy, for human review: the same rules as for training. */
export const DEFAULT_REVIEW_POLICY: Policy = Object.freeze({
  ...DEFAULT_POLICY,
  purpose: 'human_review',
});

/**
 * The McAdams alpha range for reviewers' copies, drawn per recording (seeded by `audioSeed`, a
 * keyed hash of the record id): the VoicePrivacy U(0.5, 0.9). In the voice bench (BENCHMARKS.md,
 * Voice) it cuts the speaker ID of an attacker who enrols on anonymised audio from 76% (fixed
 * alpha 0.8) to 39% and keeps sentence ID at 92%; a per-speaker alpha made that attacker better.
 */
export const REVIEW_ALPHA_RANGE = MCADAMS_RANDOM;

// Decoding is bounded: an image for review is a photo, not a decompression bomb.
const MAX_IMAGE_PIXELS = 100_000_000;

/** The reviewer's copy of a recording: anonymised with a per-recording alpha, ranges bleeped. */
export const prepareAudio: PrepareAudio = (wav, ranges, seed) =>
  prepareReviewAudio(wav, ranges, { alpha: { seed, ...REVIEW_ALPHA_RANGE } });

/** The reviewer's copy of an image: re-encoded by sharp, which drops EXIF, GPS and ICC data. */
export const stripImage: PrepareImage = async (image) => {
  // Loaded on the first image, not at start: `obhut serve` loads this module for the review API,
  // and sharp with its native library cost each start ~0.1 CPU-s (issue 13). Outside the try, so
  // a sharp that cannot load is not reported as a bad image.
  const { default: sharp } = await import('sharp');
  try {
    return await sharp(image, { limitInputPixels: MAX_IMAGE_PIXELS }).rotate().toBuffer();
  } catch (err) {
    throw new ObhutError('IMAGE_INVALID', (err as Error).message, { cause: err });
  }
};
