import { randomBytes } from 'node:crypto';

/**
 * A new revision for a hash bank (see migration 0024): 128 random bits, so no two states of any
 * bank share one, not even those of a bank removed and imported again under its name.
 */
export function newBankRevision(): string {
  return randomBytes(16).toString('hex');
}
