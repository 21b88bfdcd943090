import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  MAX_PASSWORD_BYTES,
  needsRehash,
  passwordProblem,
  verifyPassword,
} from '../../src/staff/index.js';

// Cheap parameters keep the suite fast; the defaults are exercised once below.
const FAST = { logN: 10, r: 8, p: 1 };

describe('staff passwords', () => {
  it('verifies the right password and refuses a wrong one, with a fresh salt each time', async () => {
    const a = await hashPassword('correct horse battery', FAST);
    const b = await hashPassword('correct horse battery', FAST);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterz', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('hashes with the default parameters, stored in the hash', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash.startsWith('$scrypt$ln=15,r=8,p=3$')).toBe(true);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(needsRehash(hash)).toBe(false);
  });

  it('asks for a rehash when the stored parameters are weaker or the hash unreadable', async () => {
    expect(needsRehash(await hashPassword('correct horse battery', FAST))).toBe(true);
    expect(needsRehash('plain')).toBe(true);
  });

  it('refuses malformed hashes and out-of-range parameters instead of running them', async () => {
    const good = await hashPassword('correct horse battery', FAST);
    expect(await verifyPassword('correct horse battery', 'not a hash')).toBe(false);
    expect(await verifyPassword('correct horse battery', good.replace('ln=10', 'ln=30'))).toBe(
      false,
    );
    expect(await verifyPassword('correct horse battery', good.replace('ln=10', 'ln=9'))).toBe(
      false,
    );
  });

  it('bounds password length on both ends', async () => {
    expect(passwordProblem('short')).toMatch(/at least/);
    expect(passwordProblem('a'.repeat(12))).toBeUndefined();
    expect(passwordProblem('a'.repeat(MAX_PASSWORD_BYTES + 1))).toMatch(/at most/);
    const hash = await hashPassword('correct horse battery', FAST);
    expect(await verifyPassword('a'.repeat(MAX_PASSWORD_BYTES + 1), hash)).toBe(false);
    await expect(hashPassword('a'.repeat(MAX_PASSWORD_BYTES + 1), FAST)).rejects.toThrow();
  });
});
