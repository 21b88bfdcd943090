// The hash policies apart from the decoder, so that naming one does not load sharp.

/**
 * Which pixels the hash is computed from; recorded with every hash so it can be reproduced.
 * - `reference-512`: the reference CLI. Images over 512 px in either dimension are first
 *   resized to exactly 512×512 by nearest neighbour (aspect ratio not kept).
 * - `full-resolution`: the whole decoded image, aspect ratio kept (what Java and most ports do).
 */
export const HASH_POLICIES = ['reference-512', 'full-resolution'] as const;
export type HashPolicy = (typeof HASH_POLICIES)[number];

/** The policy the `--full-resolution` flag of hash, match and build selects. */
export function hashPolicyOf(fullResolution: boolean | undefined): HashPolicy {
  return fullResolution ? 'full-resolution' : 'reference-512';
}
