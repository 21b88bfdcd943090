import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pseudonymise } from '../../src/consent/index.js';
import { ObhutError } from '../../src/errors/index.js';

describe('pseudonymise', () => {
  const secret = randomBytes(32);

  it('refuses a NUL in the platform, where ("a\\0b", "c") and ("a", "b\\0c") would meet', () => {
    const attempt = () => pseudonymise(secret, { platform: 'a\0b', account: 'c' });
    expect(attempt).toThrow(ObhutError);
    expect(attempt).toThrow(/NUL/);
    // The account comes last, so a NUL there cannot move the split between the two parts.
    expect(pseudonymise(secret, { platform: 'a', account: 'b\0c' })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps ("ab", "c") and ("a", "bc") apart', () => {
    expect(pseudonymise(secret, { platform: 'ab', account: 'c' })).not.toBe(
      pseudonymise(secret, { platform: 'a', account: 'bc' }),
    );
  });
});
