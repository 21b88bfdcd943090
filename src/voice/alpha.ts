import { createHash } from 'node:crypto';
import { ObhutError } from '../errors/index.js';

/** A range for the McAdams coefficient; both ends are included. */
export interface AlphaRange {
  readonly min?: number;
  readonly max?: number;
}

/**
 * The randomised VoicePrivacy B2 range (2022/2024 challenge configs `mc_coeff_min`,
 * `mc_coeff_max`): alpha ~ U(0.5, 0.9).
 */
export const MCADAMS_RANDOM = { min: 0.5, max: 0.9 } as const;

/**
 * A McAdams alpha drawn from `range` (U(0.5, 0.9) by default) by a seed: the first 53 bits of
 * SHA-256(seed), a string hashed as UTF-8, as a fraction in [0, 1). The same seed always gives the
 * same alpha, so remaking a reviewer copy gives the same audio; different seeds spread uniformly
 * over the range. Seed with something an attacker cannot compute (a keyed hash, not a record id)
 * if the alpha itself is to stay secret: knowing it lets one undo most of the warp.
 */
export function alphaFor(seed: Uint8Array | string, range: AlphaRange = {}): number {
  const min = range.min ?? MCADAMS_RANDOM.min;
  const max = range.max ?? MCADAMS_RANDOM.max;
  if (!(min > 0 && min <= max && max <= 2)) {
    throw new ObhutError('AUDIO_INVALID', `McAdams alpha range [${min}, ${max}] is not in (0, 2]`);
  }
  const digest = createHash('sha256').update(seed).digest();
  // 32 + 21 bits: exact in a double, uniform over [0, 1) in steps of 2^-53.
  const u = (digest.readUInt32BE(0) * 2 ** 21 + (digest.readUInt32BE(4) >>> 11)) / 2 ** 53;
  return Math.min(max, min + (max - min) * u);
}
