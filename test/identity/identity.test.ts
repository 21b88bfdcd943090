import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkPlatformToken,
  EmailCodes,
  MAX_TOKEN_LIFETIME_S,
  mintPlatformToken,
  type PlatformKey,
  PortalSessions,
  SessionTokens,
} from '../../src/identity/index.js';
import { workspace } from '../support/fixtures.js';

const hmac: PlatformKey = { kind: 'hmac', secret: randomBytes(32) };
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const ed: PlatformKey = { kind: 'ed25519', publicKey, privateKey };
const keys = (name: string) => (name === 'p' ? hmac : name === 'e' ? ed : undefined);

describe('platform link tokens of the v1 format (accepted until the next version)', () => {
  it('are distinct, with distinct ids, even when minted for one account in the same millisecond', () => {
    // A token is exchanged once (its id is kept); a second link minted at the same moment must
    // still work, so minting adds a random jti.
    const now = Date.now();
    const a = mintPlatformToken({ platform: 'p', account: 'bob', now }, hmac);
    const b = mintPlatformToken({ platform: 'p', account: 'bob', now }, hmac);
    expect(a).not.toBe(b);
    const [ca, cb] = [checkPlatformToken(a, keys, now), checkPlatformToken(b, keys, now)];
    expect(ca.ok && cb.ok).toBe(true);
    if (ca.ok && cb.ok) expect(ca.claims.id).not.toBe(cb.claims.id);
  });

  it('carry platform and account, signed by HMAC or Ed25519, and any changed character breaks them', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('p', 'e'),
        fc.string({ minLength: 1, maxLength: 60 }),
        fc.nat(),
        (platform, account, at) => {
          const token = mintPlatformToken({ platform, account }, keys(platform)!);
          const check = checkPlatformToken(token, keys);
          expect(check).toMatchObject({ ok: true, claims: { platform, account } });
          const i = at % token.length;
          const flipped = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
          if (flipped !== token) {
            const forged = checkPlatformToken(flipped, keys);
            // A changed character may still decode to the same bytes (base64url padding bits).
            if (forged.ok) expect(forged.claims).toEqual(check.ok && check.claims);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('expire, refuse long lifetimes and unknown platforms, and never accept another platform key', () => {
    const now = Date.now();
    const old = mintPlatformToken({ platform: 'p', account: 'a', now: now - 2 * 3600_000 }, hmac);
    expect(checkPlatformToken(old, keys, now)).toMatchObject({ ok: false, reason: 'expired' });
    const capped = mintPlatformToken({ platform: 'p', account: 'a', ttlSeconds: 86_400 }, hmac);
    const claims = checkPlatformToken(capped, keys);
    expect(claims.ok && claims.claims.exp - claims.claims.iat).toBe(MAX_TOKEN_LIFETIME_S);
    const foreign = mintPlatformToken({ platform: 'x', account: 'a' }, hmac);
    expect(checkPlatformToken(foreign, keys)).toMatchObject({
      ok: false,
      reason: 'unknown platform',
    });
    // Signed with platform p's key but claiming platform e.
    const crossed = mintPlatformToken({ platform: 'e', account: 'a' }, hmac);
    expect(checkPlatformToken(crossed, keys)).toMatchObject({ ok: false, reason: 'bad signature' });
  });

  it('may carry an e-mail address the platform verified; unverified or malformed ones link nothing', () => {
    for (const key of ['p', 'e']) {
      const token = mintPlatformToken(
        { platform: key, account: 'a', email: ' Ada@Example.ORG' },
        keys(key)!,
      );
      expect(checkPlatformToken(token, keys)).toMatchObject({
        ok: true,
        claims: { email: 'ada@example.org' },
      });
    }
    const sign = (payload: object) => {
      const body = `v1.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
      return `${body}.${createHmac('sha256', (hmac as { secret: Buffer }).secret)
        .update(body)
        .digest('base64url')}`;
    };
    const iat = Math.floor(Date.now() / 1000);
    const base = { v: 1, plt: 'p', acc: 'a', iat, exp: iat + 60 };
    const unverified = checkPlatformToken(sign({ ...base, email: 'a@b.org' }), keys);
    expect(unverified.ok && 'email' in unverified.claims).toBe(false);
    const notTrue = checkPlatformToken(
      sign({ ...base, email: 'a@b.org', email_verified: 'true' }),
      keys,
    );
    expect(notTrue.ok && 'email' in notTrue.claims).toBe(false);
    expect(
      checkPlatformToken(sign({ ...base, email: 'not an address', email_verified: true }), keys),
    ).toMatchObject({ ok: false, reason: 'email is not an address' });
  });
});

describe('portal sessions', () => {
  it('name only the pseudonym, expire, and stop working once revoked', async () => {
    const ws = await workspace();
    try {
      const tokens = new SessionTokens(randomBytes(32));
      const sessions = new PortalSessions(tokens, ws.store);
      const sub = 'ab'.repeat(32);
      const { token } = sessions.mint(sub, 'platform');
      const claims = await sessions.check(token);
      expect(claims).toMatchObject({ sub, via: 'platform' });
      expect(tokens.verify(token)).toEqual(claims);
      expect(await sessions.check(token, Date.now() + 31 * 60_000)).toBeUndefined();
      expect(new SessionTokens(randomBytes(32)).verify(token)).toBeUndefined();
      await sessions.revoke(claims!);
      expect(await sessions.check(token)).toBeUndefined();
      // The signature still holds: only the denylist tells a signed-out token from a live one.
      expect(tokens.verify(token)).toEqual(claims);
      expect(await sessions.check(sessions.mint(sub, 'email').token)).toMatchObject({
        via: 'email',
      });
    } finally {
      await ws.close();
    }
  });
});

describe('e-mail one-time codes', () => {
  it('work once, for the address they were sent to, within ten minutes and five tries', async () => {
    const ws = await workspace();
    try {
      const codes = new EmailCodes(randomBytes(32), ws.store);
      const code = await codes.issue('a@example.org');
      expect(await codes.redeem('b@example.org', code)).toBe(false);
      expect(await codes.redeem('a@example.org', code)).toBe(true);
      expect(await codes.redeem('a@example.org', code)).toBe(false);

      const late = await codes.issue('c@example.org', 0);
      expect(await codes.redeem('c@example.org', late, 11 * 60_000)).toBe(false);

      const guessed = await codes.issue('d@example.org');
      const wrong = guessed === '000000' ? '000001' : '000000';
      for (let i = 0; i < 5; i++) expect(await codes.redeem('d@example.org', wrong)).toBe(false);
      expect(await codes.redeem('d@example.org', guessed)).toBe(false);

      // A new code replaces the old one and its count of tries.
      const first = await codes.issue('e@example.org');
      const second = await codes.issue('e@example.org');
      if (first !== second) expect(await codes.redeem('e@example.org', first)).toBe(false);
      expect(await codes.redeem('e@example.org', second)).toBe(true);
    } finally {
      await ws.close();
    }
  });

  it('are shared by two server processes on one database (two EmailCodes, one store)', async () => {
    const ws = await workspace();
    try {
      const secret = randomBytes(32);
      const here = new EmailCodes(secret, ws.store);
      const there = new EmailCodes(secret, ws.store);
      const code = await here.issue('f@example.org');
      expect(await there.redeem('f@example.org', code)).toBe(true);
      expect(await here.redeem('f@example.org', code)).toBe(false);
    } finally {
      await ws.close();
    }
  });
});
