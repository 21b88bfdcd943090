import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The Standard Webhooks signature (standardwebhooks.com): HMAC-SHA256 over
 * `<webhook-id>.<webhook-timestamp>.<body>` with the secret's bytes, sent as
 * `webhook-signature: v1,<base64>`. Secrets are `whsec_` + base64 of the key bytes, so a
 * receiver can use any Standard Webhooks library with the secret as printed.
 */
export const SECRET_PREFIX = 'whsec_';
const MIN_KEY_BYTES = 24;
const MAX_KEY_BYTES = 64;

export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/** The key bytes of a `whsec_` secret, or an explanation of what is wrong with it. */
export function secretKey(
  secret: string,
): { ok: true; key: Buffer } | { ok: false; error: string } {
  if (!secret.startsWith(SECRET_PREFIX))
    return { ok: false, error: `a webhook secret starts with ${SECRET_PREFIX}` };
  const text = secret.slice(SECRET_PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0)
    return { ok: false, error: 'a webhook secret is whsec_ followed by base64' };
  const key = Buffer.from(text, 'base64');
  if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES)
    return { ok: false, error: `a webhook secret holds ${MIN_KEY_BYTES}–${MAX_KEY_BYTES} bytes` };
  return { ok: true, key };
}

export interface SignedHeaders {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
}

/** The three headers for one delivery attempt of `body` (the exact bytes sent). */
export function signMessage(
  key: Buffer,
  id: string,
  timestampS: number,
  body: string,
): SignedHeaders {
  const mac = createHmac('sha256', key).update(`${id}.${timestampS}.${body}`).digest('base64');
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampS),
    'webhook-signature': `v1,${mac}`,
  };
}

/**
 * A receiver's check, used by the tests and offered to operators' own receivers: one of the
 * space-separated `v1,` signatures matches, and the timestamp is within `toleranceS` of now.
 */
export function verifyMessage(
  key: Buffer,
  headers: Partial<Record<string, string>>,
  body: string,
  nowS: number,
  toleranceS = 300,
): boolean {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures || !/^[0-9]{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowS - Number(timestamp)) > toleranceS) return false;
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return signatures.split(' ').some((s) => {
    const [version, value] = s.split(',', 2);
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
