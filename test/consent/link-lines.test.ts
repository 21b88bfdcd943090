import { describe, expect, it } from 'vitest';
import { parseLinkLine } from '../../src/consent/import-links.js';

describe('identity import lines', () => {
  it('refuses a JSON line that names a field twice instead of reading the last', () => {
    const line =
      '{"email":"a@example.com","platform":"shop","account":"1","email":"b@example.com"}';
    expect(parseLinkLine(line)).toEqual({ error: expect.stringMatching(/email/) });
  });

  it('reads CSV fields quoted as a consent tool exports them, commas inside included', () => {
    expect(parseLinkLine('"Ann@Example.com","shop","acct, 7","unlink"')).toEqual({
      email: 'ann@example.com',
      platform: 'shop',
      account: 'acct, 7',
      action: 'unlink',
    });
    expect(parseLinkLine('ann@example.com,shop,42')).toMatchObject({ account: '42' });
  });

  it('refuses a stray or unclosed quote and a fifth field', () => {
    expect(parseLinkLine('ann@example.com,sh"op,42')).toHaveProperty('error');
    expect(parseLinkLine('"ann@example.com,shop,42')).toHaveProperty('error');
    expect(parseLinkLine('ann@example.com,shop,42,link,x')).toEqual({
      error: 'more than four CSV fields',
    });
    expect(parseLinkLine('[1,2]')).toHaveProperty('error');
  });
});
