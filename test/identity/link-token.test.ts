import { generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  checkLinkToken,
  type LinkTokenCheck,
  mintLinkToken,
  mintPlatformToken,
  type PlatformKey,
} from '../../src/identity/index.js';

const hmacSecret = randomBytes(32);
const hmac: PlatformKey = { kind: 'hmac', secret: hmacSecret };
const pair = generateKeyPairSync('ed25519');
// Obhut holds only the public key of an EdDSA platform.
const ed: PlatformKey = { kind: 'ed25519', publicKey: pair.publicKey };
const keys = (name: string) => (name === 'shop' ? hmac : name === 'social' ? ed : undefined);
const nowS = () => Math.floor(Date.now() / 1000);

/** A token as a platform signs it with its own JOSE library, not with Obhut's minting code. */
function platformJwt(
  claims: Record<string, unknown>,
  options: {
    alg: string;
    key: Uint8Array | KeyObject;
    sub?: string;
    jti?: string | null;
    iat?: number;
    exp?: number;
  },
) {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: options.alg, typ: 'JWT' });
  if (options.sub !== undefined) jwt.setSubject(options.sub);
  if (options.jti !== null) jwt.setJti(options.jti ?? randomBytes(8).toString('hex'));
  jwt.setIssuedAt(options.iat ?? nowS()).setExpirationTime(options.exp ?? nowS() + 300);
  return jwt.sign(options.key);
}

function refused(check: LinkTokenCheck) {
  return check.ok ? 'accepted' : check.code;
}

describe('link tokens as JWTs', () => {
  it('accepts an HS256 token signed by the platform, with sub as the account', async () => {
    const token = await platformJwt(
      { platform: 'shop', email: 'Ann@Example.org', email_verified: true },
      { alg: 'HS256', key: new Uint8Array(hmacSecret), sub: 'ann-1' },
    );
    const check = await checkLinkToken(token, keys);
    expect(check).toMatchObject({
      ok: true,
      legacy: false,
      claims: { platform: 'shop', account: 'ann-1', email: 'ann@example.org' },
    });
  });

  it('accepts an EdDSA token checked against the public key only', async () => {
    const token = await platformJwt(
      { platform: 'social' },
      { alg: 'EdDSA', key: pair.privateKey, sub: 'bob' },
    );
    expect(await checkLinkToken(token, keys)).toMatchObject({
      ok: true,
      claims: { platform: 'social', account: 'bob' },
    });
  });

  it('refuses an algorithm other than the platform key’s, with LINK_TOKEN_INVALID', async () => {
    // HS256 "signed" with the EdDSA platform's public key bytes: the classic confusion attack.
    const raw =
      ed.kind === 'ed25519'
        ? ed.publicKey.export({ format: 'der', type: 'spki' })
        : Buffer.alloc(0);
    const confused = await platformJwt(
      { platform: 'social' },
      { alg: 'HS256', key: new Uint8Array(raw), sub: 'x' },
    );
    const check = await checkLinkToken(confused, keys);
    expect(check).toMatchObject({
      ok: false,
      code: 'LINK_TOKEN_INVALID',
      reason: 'algorithm not allowed for this platform',
    });
    // EdDSA for a platform that shares an HMAC key.
    const edForHmac = await platformJwt(
      { platform: 'shop' },
      { alg: 'EdDSA', key: pair.privateKey, sub: 'x' },
    );
    expect(refused(await checkLinkToken(edForHmac, keys))).toBe('LINK_TOKEN_INVALID');
    // alg "none".
    const none = new UnsecuredJWT({
      platform: 'shop',
      sub: 'x',
      jti: 'j',
      exp: nowS() + 60,
    }).encode();
    expect(refused(await checkLinkToken(none, keys))).toBe('LINK_TOKEN_INVALID');
  });

  it('refuses a token signed with another key, an unknown platform, and a missing jti or sub', async () => {
    const otherKey = await platformJwt(
      { platform: 'shop' },
      { alg: 'HS256', key: new Uint8Array(randomBytes(32)), sub: 'x' },
    );
    expect(await checkLinkToken(otherKey, keys)).toMatchObject({
      ok: false,
      code: 'LINK_TOKEN_INVALID',
      reason: 'bad signature',
    });
    const otherPair = generateKeyPairSync('ed25519');
    const otherEd = await platformJwt(
      { platform: 'social' },
      { alg: 'EdDSA', key: otherPair.privateKey, sub: 'x' },
    );
    expect(refused(await checkLinkToken(otherEd, keys))).toBe('LINK_TOKEN_INVALID');
    const unknown = await platformJwt(
      { platform: 'nowhere' },
      { alg: 'HS256', key: new Uint8Array(hmacSecret), sub: 'x' },
    );
    expect(await checkLinkToken(unknown, keys)).toMatchObject({ reason: 'unknown platform' });
    const noJti = await platformJwt(
      { platform: 'shop' },
      { alg: 'HS256', key: new Uint8Array(hmacSecret), sub: 'x', jti: null },
    );
    expect(refused(await checkLinkToken(noJti, keys))).toBe('LINK_TOKEN_INVALID');
    const noSub = await platformJwt(
      { platform: 'shop' },
      { alg: 'HS256', key: new Uint8Array(hmacSecret) },
    );
    expect(refused(await checkLinkToken(noSub, keys))).toBe('LINK_TOKEN_INVALID');
    expect(refused(await checkLinkToken('garbage', keys))).toBe('LINK_TOKEN_INVALID');
  });

  it('refuses an expired token with LINK_TOKEN_EXPIRED, and one that lives longer than 15 minutes', async () => {
    const key = new Uint8Array(hmacSecret);
    const expired = await platformJwt(
      { platform: 'shop' },
      { alg: 'HS256', key, sub: 'x', iat: nowS() - 900, exp: nowS() - 120 },
    );
    expect(refused(await checkLinkToken(expired, keys))).toBe('LINK_TOKEN_EXPIRED');
    // Inside the clock allowance (60 s by default) it still counts.
    const justLate = await platformJwt(
      { platform: 'shop' },
      { alg: 'HS256', key, sub: 'x', iat: nowS() - 300, exp: nowS() - 10 },
    );
    expect(refused(await checkLinkToken(justLate, keys))).toBe('accepted');
    const long = await platformJwt(
      { platform: 'shop' },
      { alg: 'HS256', key, sub: 'x', exp: nowS() + 3600 },
    );
    expect(await checkLinkToken(long, keys)).toMatchObject({
      ok: false,
      reason: 'lifetime too long',
    });
    const future = await platformJwt(
      { platform: 'shop' },
      { alg: 'HS256', key, sub: 'x', iat: nowS() + 600, exp: nowS() + 900 },
    );
    expect(await checkLinkToken(future, keys)).toMatchObject({
      ok: false,
      reason: 'issued in the future',
    });
  });

  it('names a token by platform and jti, so a re-signed copy is the same token and two mints differ', async () => {
    const key = new Uint8Array(hmacSecret);
    const a = await platformJwt({ platform: 'shop' }, { alg: 'HS256', key, sub: 'x', jti: 'same' });
    const b = await platformJwt(
      { platform: 'shop' },
      { alg: 'HS256', key, sub: 'x', jti: 'same', iat: nowS() - 5 },
    );
    const [ca, cb] = [await checkLinkToken(a, keys), await checkLinkToken(b, keys)];
    expect(ca.ok && cb.ok && ca.claims.id === cb.claims.id).toBe(true);
    const m1 = await checkLinkToken(
      await mintLinkToken({ platform: 'shop', account: 'x' }, hmac),
      keys,
    );
    const m2 = await checkLinkToken(
      await mintLinkToken({ platform: 'shop', account: 'x' }, hmac),
      keys,
    );
    expect(m1.ok && m2.ok && m1.claims.id !== m2.claims.id).toBe(true);
  });

  it('keeps accepting the v1 format for one version, marked as legacy', async () => {
    const v1 = mintPlatformToken({ platform: 'shop', account: 'old' }, hmac);
    expect(await checkLinkToken(v1, keys)).toMatchObject({
      ok: true,
      legacy: true,
      claims: { account: 'old' },
    });
    const oldExpired = mintPlatformToken(
      { platform: 'shop', account: 'old', now: Date.now() - 3600_000 },
      hmac,
    );
    expect(refused(await checkLinkToken(oldExpired, keys))).toBe('LINK_TOKEN_EXPIRED');
  });

  it('refuses every token with one character changed', async () => {
    const token = await mintLinkToken({ platform: 'shop', account: 'acc' }, hmac);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: token.length - 1 }),
        fc.constantFrom('A', 'b', '_', '.'),
        async (i, c) => {
          fc.pre(token[i] !== c);
          const changed = `${token.slice(0, i)}${c}${token.slice(i + 1)}`;
          const check = await checkLinkToken(changed, keys);
          // A change in the signature's padding bits can decode to the same bytes.
          if (check.ok)
            expect(Buffer.from(changed.split('.')[2] ?? '', 'base64url')).toEqual(
              Buffer.from(token.split('.')[2]!, 'base64url'),
            );
          else expect(check.code).toBe('LINK_TOKEN_INVALID');
        },
      ),
      { numRuns: 200 },
    );
  });
});
