import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEDIA_TOKEN_PATTERN, MediaTokens } from '../../src/review/media-tokens.js';
import { type Workspace, workspace } from '../support/fixtures.js';

const STAFF = 'st_0123456789abcdef';
const TASK = 'rt_0123456789abcdef0123456789abcdef';
const NOW = Date.UTC(2026, 2, 1, 12);
const secret = Buffer.alloc(32, 7);
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('MediaTokens', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await workspace();
  });
  afterAll(() => ws.close());
  it('issues a token for one member and one task that verifies until it expires', () => {
    const tokens = new MediaTokens(secret, ws.store, 120_000);
    const { token, expiresMs } = tokens.issue(STAFF, TASK, NOW);
    expect(token).toMatch(new RegExp(MEDIA_TOKEN_PATTERN));
    expect(expiresMs).toBe(NOW + 120_000);
    expect(tokens.verify(token, NOW)).toMatchObject({ staff: STAFF, task: TASK, expiresMs });
    expect(tokens.verify(token, expiresMs)).toBeUndefined();
  });

  it('is redeemed once, also by a second process on the same database', async () => {
    const tokens = new MediaTokens(secret, ws.store);
    const { token } = tokens.issue(STAFF, TASK, NOW);
    const claims = tokens.verify(token, NOW)!;
    expect(await tokens.redeem(claims, NOW)).toBe(true);
    expect(await tokens.redeem(claims, NOW)).toBe(false);
    const elsewhere = new MediaTokens(secret, ws.store);
    expect(await elsewhere.redeem(elsewhere.verify(token, NOW)!, NOW)).toBe(false);
  });

  it('refuses a token changed in any character, or signed under another secret', () => {
    const tokens = new MediaTokens(secret, ws.store);
    const { token } = tokens.issue(STAFF, TASK, NOW);
    for (let i = 0; i < token.length; i++) {
      if (token[i] === '.') continue;
      // Flips the character's top bit, which is a data bit even in a final, padded character.
      const flipped = BASE64URL[BASE64URL.indexOf(token[i]!) ^ 0b100000];
      const changed = `${token.slice(0, i)}${flipped}${token.slice(i + 1)}`;
      expect(tokens.verify(changed, NOW)).toBeUndefined();
    }
    expect(new MediaTokens(Buffer.alloc(32, 8), ws.store).verify(token, NOW)).toBeUndefined();
  });

  it('names only a staff id and a task id', () => {
    const tokens = new MediaTokens(secret, ws.store);
    expect(() => tokens.issue('someone', TASK, NOW)).toThrow(RangeError);
    expect(() => tokens.issue(STAFF, 'rt_short', NOW)).toThrow(RangeError);
  });
});
