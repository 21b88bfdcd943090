import { createHash, randomBytes } from 'node:crypto';
import { decodeJwt, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { normaliseEmail } from './email-codes.js';
import {
  checkPlatformToken,
  DEFAULT_CLOCK_ALLOWANCE_S,
  MAX_TOKEN_LIFETIME_S,
  type PlatformClaims,
  type PlatformKey,
} from './platform-token.js';

/**
 * Link tokens as standard JWTs (RFC 7519), so a platform signs them with the JOSE library it
 * already has: HS256 with the platform's shared key, or EdDSA (Ed25519) with its private key,
 * Obhut holding only the public one. Claims: `sub` the account, `platform`, `exp`, `jti` (once
 * only), optional `iat`, `nbf`, `email` with `email_verified: true`. The algorithm allowed is
 * the one the platform's key is for, never the one the token names, so no token can choose
 * HS256 against a public key or `none`.
 */
export const LINK_TOKEN_ALGORITHMS = {
  hmac: ['HS256'],
  ed25519: ['EdDSA', 'Ed25519'],
} as const satisfies Record<PlatformKey['kind'], readonly string[]>;

export const MAX_LINK_TOKEN_LENGTH = 2048;
const MAX_JTI_LENGTH = 200;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]{2,63}$/;

/** Why a token was refused: the error code the API answers with, and a reason for the logs. */
export type LinkTokenCheck =
  | { readonly ok: true; readonly claims: PlatformClaims; readonly legacy: boolean }
  | {
      readonly ok: false;
      readonly code: 'LINK_TOKEN_INVALID' | 'LINK_TOKEN_EXPIRED';
      readonly reason: string;
    };

/** Makes a link token as a platform would: HS256 with a shared key, EdDSA with a private one. */
export async function mintLinkToken(
  claims: { platform: string; account: string; ttlSeconds?: number; now?: number; email?: string },
  key: PlatformKey,
): Promise<string> {
  const iat = Math.floor((claims.now ?? Date.now()) / 1000);
  const ttl = Math.min(claims.ttlSeconds ?? 10 * 60, MAX_TOKEN_LIFETIME_S);
  const jwt = new SignJWT({
    platform: claims.platform,
    ...(claims.email === undefined ? {} : { email: claims.email, email_verified: true }),
  })
    .setSubject(claims.account)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttl)
    // A random id makes every minted token distinct: each is exchanged once.
    .setJti(randomBytes(12).toString('base64url'));
  if (key.kind === 'hmac') {
    return jwt.setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new Uint8Array(key.secret));
  }
  if (!key.privateKey) throw new Error('this platform key can only verify');
  return jwt.setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' }).sign(key.privateKey);
}

/**
 * Checks a link token: a JWT, or until the next version a `v1.` token of the format before
 * (see docs/api.md). Every refusal carries a code; the API words them alike apart from expiry.
 */
export async function checkLinkToken(
  token: string,
  keyOf: (platform: string) => PlatformKey | undefined,
  now = Date.now(),
  clockAllowanceS = DEFAULT_CLOCK_ALLOWANCE_S,
): Promise<LinkTokenCheck> {
  const invalid = (reason: string) => ({ ok: false, code: 'LINK_TOKEN_INVALID', reason }) as const;
  if (token.length > MAX_LINK_TOKEN_LENGTH) return invalid('too long');
  if (token.startsWith('v1.')) {
    const legacy = checkPlatformToken(token, keyOf, now, clockAllowanceS);
    if (legacy.ok) return { ok: true, claims: legacy.claims, legacy: true };
    return legacy.reason === 'expired'
      ? { ok: false, code: 'LINK_TOKEN_EXPIRED', reason: 'expired' }
      : invalid(legacy.reason);
  }
  let unverified: JWTPayload;
  try {
    unverified = decodeJwt(token);
  } catch {
    return invalid('not a JWT');
  }
  const platform = unverified.platform;
  if (typeof platform !== 'string' || platform.length === 0) return invalid('no platform claim');
  const key = keyOf(platform);
  if (!key) return invalid('unknown platform');
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(
      token,
      key.kind === 'hmac' ? new Uint8Array(key.secret) : key.publicKey,
      {
        algorithms: [...LINK_TOKEN_ALGORITHMS[key.kind]],
        currentDate: new Date(now),
        clockTolerance: clockAllowanceS,
        requiredClaims: ['sub', 'exp', 'jti'],
      },
    ));
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'unknown';
    if (code === 'ERR_JWT_EXPIRED')
      return { ok: false, code: 'LINK_TOKEN_EXPIRED', reason: 'expired' };
    if (code === 'ERR_JOSE_ALG_NOT_ALLOWED')
      return invalid('algorithm not allowed for this platform');
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return invalid('bad signature');
    return invalid(`${code}: ${(err as Error).message}`);
  }
  return claimsOf(payload, platform, now, clockAllowanceS);
}

/** The claims jose does not check by itself: lifetime, account, e-mail, the token's id. */
function claimsOf(
  payload: JWTPayload,
  platform: string,
  now: number,
  clockAllowanceS: number,
): LinkTokenCheck {
  const invalid = (reason: string) => ({ ok: false, code: 'LINK_TOKEN_INVALID', reason }) as const;
  const { sub, exp, iat, jti } = payload;
  const nowS = Math.floor(now / 1000);
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 1000)
    return invalid('sub is not an account');
  if (typeof jti !== 'string' || jti.length === 0 || jti.length > MAX_JTI_LENGTH)
    return invalid('jti missing or too long');
  if (!Number.isSafeInteger(exp)) return invalid('exp is not a whole number');
  if (iat !== undefined) {
    if (!Number.isSafeInteger(iat)) return invalid('iat is not a whole number');
    if (iat > nowS + clockAllowanceS) return invalid('issued in the future');
    if ((exp as number) - iat > MAX_TOKEN_LIFETIME_S) return invalid('lifetime too long');
  } else if ((exp as number) - nowS > MAX_TOKEN_LIFETIME_S + clockAllowanceS) {
    return invalid('lifetime too long');
  }
  const { email, email_verified: verified } = payload;
  if (email !== undefined && (typeof email !== 'string' || !EMAIL.test(normaliseEmail(email))))
    return invalid('email is not an address');
  return {
    ok: true,
    legacy: false,
    claims: {
      platform,
      account: sub,
      iat: iat ?? nowS,
      exp: exp as number,
      // An address the platform has not verified links nothing: anyone can type one in.
      ...(typeof email === 'string' && verified === true ? { email: normaliseEmail(email) } : {}),
      // The platform's jti names the token; scoped to the platform so two cannot collide.
      id: createHash('sha256').update(`jwt\0${platform}\0${jti}`).digest('hex'),
    },
  };
}
