import { ObhutError } from '../errors/index.js';

// Apart from quarantine.ts because every command reads its settings (runtime/config.ts checks
// OBHUT_QUARANTINE_KEY with this), and quarantine.ts brings the file digests and ciphers along
// (issue 13, start-up).

const KEY_HEX = /^[0-9a-fA-F]{64}$/;

/** Parses a key given as 64 hex digits (OBHUT_QUARANTINE_KEY or the key file). */
export function parseQuarantineKey(text: string, where: string): Buffer {
  const trimmed = text.trim();
  if (!KEY_HEX.test(trimmed)) {
    throw new ObhutError('CONFIG_INVALID', `${where} must be 64 hex digits (a 256-bit key)`);
  }
  return Buffer.from(trimmed, 'hex');
}
