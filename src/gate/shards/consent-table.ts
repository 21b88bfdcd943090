import { createHash } from 'node:crypto';
import { ConsentIndex, type ConsentState, type SharedConsentIndex } from '../../consent/index.js';
import { ObhutError } from '../../errors/index.js';

const KEY_BYTES = 32;
const RECORD = KEY_BYTES + 1;
// The index's own state codes (consent-index.ts); 1 (no decision) is left out of a plan.
const OBJECTED = 2;
const CONSENTED = 3;
const STATE_OF: Record<number, ConsentState> = { [OBJECTED]: 'objected', [CONSENTED]: 'consented' };

/**
 * The decided subjects of a consent index, as a plan carries them: 33-byte records (pseudonym,
 * state code), sorted by pseudonym, so equal registers give equal bytes whatever the table's
 * layout. Subjects whose latest event left no decision read as absent, as they do in the index.
 */
export function packConsentStates(shared: SharedConsentIndex): Buffer {
  const keys = Buffer.from(shared.keys);
  const states = new Uint8Array(shared.states);
  const records: Buffer[] = [];
  for (let slot = 0; slot < states.length; slot++) {
    const code = states[slot]!;
    if (code !== OBJECTED && code !== CONSENTED) continue;
    const record = Buffer.allocUnsafe(RECORD);
    // The index stores each key's bytes as they came (viewed as native words), so they copy back.
    keys.copy(record, 0, slot * KEY_BYTES, (slot + 1) * KEY_BYTES);
    record[KEY_BYTES] = code;
    records.push(record);
  }
  records.sort((a, b) => a.compare(b, 0, KEY_BYTES, 0, KEY_BYTES));
  return Buffer.concat(records);
}

export function consentStatesSha256(packed: Buffer): string {
  return createHash('sha256').update(packed).digest('hex');
}

/** The index a shard evaluates against, from a plan's packed states (checked against their digest). */
export function unpackConsentStates(packed: Buffer, sha256: string): ConsentIndex {
  if (packed.length % RECORD !== 0 || consentStatesSha256(packed) !== sha256) {
    throw new ObhutError('PLAN_INVALID', "the plan's consent states do not match their digest");
  }
  const count = packed.length / RECORD;
  const index = ConsentIndex.create(count);
  for (let i = 0; i < count; i++) {
    const state = STATE_OF[packed[i * RECORD + KEY_BYTES]!];
    if (state === undefined) throw new ObhutError('PLAN_INVALID', 'unknown consent state in plan');
    index.set(packed.subarray(i * RECORD, i * RECORD + KEY_BYTES), state);
  }
  return index;
}
