import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generateWebhookSecret,
  secretKey,
  signMessage,
  verifyMessage,
} from '../../src/webhooks/index.js';

describe('Standard Webhooks signatures', () => {
  it('match HMAC-SHA256 over id.timestamp.body as computed by openssl', () => {
    // printf '%s' 'msg_log_7.1796571600.{"type":"consent.recorded"}' |
    //   openssl dgst -sha256 -mac HMAC -macopt hexkey:<the key's hex> -binary | base64
    const key = secretKey('whsec_b2JodXQtdGVzdC13ZWJob29rLWtleS0zMi1ieXRlcyE=');
    expect(key.ok).toBe(true);
    if (!key.ok) return;
    expect(signMessage(key.key, 'msg_log_7', 1796571600, '{"type":"consent.recorded"}')).toEqual({
      'webhook-id': 'msg_log_7',
      'webhook-timestamp': '1796571600',
      'webhook-signature': 'v1,JUQZCmpY3sNLeN/YjMPHkRY7nh1EKBJ0aGw7hR/BGe4=',
    });
  });

  it('verify what they sign, and nothing changed in id, timestamp, body or key', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat({ max: 10 }), (body, part) => {
        const secret = generateWebhookSecret();
        const key = secretKey(secret);
        if (!key.ok) throw new Error(key.error);
        const now = 1_800_000_000;
        const headers = { ...signMessage(key.key, 'msg_1', now, body) };
        expect(verifyMessage(key.key, headers, body, now)).toBe(true);
        const other = secretKey(generateWebhookSecret());
        if (!other.ok) throw new Error(other.error);
        const tampered = [
          () => verifyMessage(key.key, { ...headers, 'webhook-id': 'msg_2' }, body, now),
          () =>
            verifyMessage(key.key, { ...headers, 'webhook-timestamp': String(now + 1) }, body, now),
          () => verifyMessage(key.key, headers, `${body} `, now),
          () => verifyMessage(other.key, headers, body, now),
          // Too old: a replayed delivery outside the tolerance.
          () => verifyMessage(key.key, headers, body, now + 301),
        ];
        expect(tampered[part % tampered.length]!()).toBe(false);
      }),
    );
  });

  it('read only whsec_ secrets of 24 to 64 bytes', () => {
    expect(secretKey(generateWebhookSecret()).ok).toBe(true);
    expect(secretKey('b2JodXQ=').ok).toBe(false);
    expect(secretKey(`whsec_${Buffer.alloc(8).toString('base64')}`).ok).toBe(false);
    expect(secretKey('whsec_not base64!').ok).toBe(false);
  });
});
