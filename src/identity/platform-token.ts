import {
  createHash,
  createHmac,
  createPublicKey,
  sign as edSign,
  type KeyObject,
  randomBytes,
  timingSafeEqual,
  verify,
} from 'node:crypto';
import { normaliseEmail } from './email-codes.js';

/**
 * Link tokens a platform hands to its user so the portal knows, without an Obhut account, which
 * platform account the person holds. Format `v1.<base64url JSON>.<base64url signature>`, the
 * signature over the ASCII text before the last dot, by HMAC-SHA-256 or Ed25519 per platform.
 */
export interface PlatformClaims {
  readonly platform: string;
  readonly account: string;
  /** Seconds since the epoch. */
  readonly iat: number;
  readonly exp: number;
  /**
   * An e-mail address the platform has verified as the account holder's (payload `email` with
   * `email_verified: true`), in lower case; redeeming the token links it to the account.
   */
  readonly email?: string;
  /**
   * The token's id: SHA-256 (hex) of its signed part. Platforms need not send a `jti`; a token
   * signed twice with the same claims is the same token, so it is still exchanged only once.
   */
  readonly id: string;
}

export type PlatformKey =
  | { readonly kind: 'hmac'; readonly secret: Buffer }
  | { readonly kind: 'ed25519'; readonly publicKey: KeyObject; readonly privateKey?: KeyObject };

/** Tokens are for clicking a link now, not for keeping. */
export const MAX_TOKEN_LIFETIME_S = 15 * 60;
/**
 * How far the platform's clock may be off: a token is accepted from this long before its `iat`
 * to this long after its `exp` (OBHUT_LINK_TOKEN_CLOCK_ALLOWANCE_SECONDS).
 */
export const DEFAULT_CLOCK_ALLOWANCE_S = 60;
/** The largest allowance accepted in configuration: more would defeat the short lifetime. */
export const MAX_CLOCK_ALLOWANCE_S = 600;
const MAX_TOKEN_LENGTH = 2048;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]{2,63}$/;

export type TokenCheck =
  | { readonly ok: true; readonly claims: PlatformClaims }
  | { readonly ok: false; readonly reason: string };

export function mintPlatformToken(
  claims: { platform: string; account: string; ttlSeconds?: number; now?: number; email?: string },
  key: PlatformKey,
): string {
  const iat = Math.floor((claims.now ?? Date.now()) / 1000);
  const ttl = Math.min(claims.ttlSeconds ?? 10 * 60, MAX_TOKEN_LIFETIME_S);
  // A random `jti` makes every minted token distinct: a token is exchanged once, and two
  // links minted for one account in the same second must not be the same token.
  const jti = randomBytes(12).toString('base64url');
  const payload = {
    v: 1,
    plt: claims.platform,
    acc: claims.account,
    iat,
    exp: iat + ttl,
    jti,
    ...(claims.email === undefined ? {} : { email: claims.email, email_verified: true }),
  };
  const body = `v1.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${body}.${signBody(body, key).toString('base64url')}`;
}

/**
 * Checks a token against the keys of the platforms configured. Every failure gives the same
 * outward answer; the reason is for tests and operators only.
 */
export function checkPlatformToken(
  token: string,
  keyOf: (platform: string) => PlatformKey | undefined,
  now = Date.now(),
  clockAllowanceS = DEFAULT_CLOCK_ALLOWANCE_S,
): TokenCheck {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'too long' };
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== 'v1') return { ok: false, reason: 'not a v1 token' };
  let payload: {
    v?: unknown;
    plt?: unknown;
    acc?: unknown;
    iat?: unknown;
    exp?: unknown;
    email?: unknown;
    email_verified?: unknown;
  };
  try {
    payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'payload is not JSON' };
  }
  const { plt, acc, iat, exp } = payload;
  if (
    typeof plt !== 'string' ||
    typeof acc !== 'string' ||
    plt.length === 0 ||
    acc.length === 0 ||
    acc.length > 1000 ||
    !Number.isSafeInteger(iat) ||
    !Number.isSafeInteger(exp)
  ) {
    return { ok: false, reason: 'payload fields missing or wrong' };
  }
  const key = keyOf(plt);
  if (!key) return { ok: false, reason: 'unknown platform' };
  const body = `${parts[0]}.${parts[1]}`;
  const signature = Buffer.from(parts[2]!, 'base64url');
  if (!checkSignature(body, signature, key)) return { ok: false, reason: 'bad signature' };
  const nowS = Math.floor(now / 1000);
  if ((exp as number) - (iat as number) > MAX_TOKEN_LIFETIME_S)
    return { ok: false, reason: 'lifetime too long' };
  if ((iat as number) > nowS + clockAllowanceS)
    return { ok: false, reason: 'issued in the future' };
  if ((exp as number) < nowS - clockAllowanceS) return { ok: false, reason: 'expired' };
  const { email, email_verified: verified } = payload;
  if (email !== undefined && (typeof email !== 'string' || !EMAIL.test(normaliseEmail(email))))
    return { ok: false, reason: 'email is not an address' };
  return {
    ok: true,
    claims: {
      platform: plt,
      account: acc,
      iat: iat as number,
      exp: exp as number,
      // An address the platform has not verified links nothing: anyone can type one in.
      ...(typeof email === 'string' && verified === true ? { email: normaliseEmail(email) } : {}),
      id: createHash('sha256').update(body).digest('hex'),
    },
  };
}

function signBody(body: string, key: PlatformKey): Buffer {
  if (key.kind === 'hmac') return createHmac('sha256', key.secret).update(body).digest();
  if (!key.privateKey) throw new Error('this platform key can only verify');
  return edSign(null, Buffer.from(body), key.privateKey);
}

function checkSignature(body: string, signature: Buffer, key: PlatformKey): boolean {
  if (key.kind === 'hmac') {
    const expected = createHmac('sha256', key.secret).update(body).digest();
    return signature.length === expected.length && timingSafeEqual(signature, expected);
  }
  try {
    return verify(null, Buffer.from(body), key.publicKey, signature);
  } catch {
    return false;
  }
}

/** An Ed25519 public key from its raw 32 bytes in base64, as platforms publish it. */
export function ed25519PublicKey(base64: string): KeyObject {
  const raw = Buffer.from(base64, 'base64');
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
  return createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]),
    format: 'der',
    type: 'spki',
  });
}
