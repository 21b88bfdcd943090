import { describe, expect, it } from 'vitest';
import { parseRfc3339, validateConsentEvent, validateItem } from '../../src/records/index.js';

describe('validateItem', () => {
  it('applies the documented defaults', () => {
    const v = validateItem({
      id: 'p1',
      kind: 'text',
      text: 'hi',
      subject: { platform: 'x', account: '9' },
    });
    expect(v).toEqual({
      ok: true,
      value: {
        id: 'p1',
        kind: 'text',
        media: undefined,
        account: { platform: 'x', account: '9' },
        region: undefined,
        age: 'unknown',
        visibility: 'public',
        tdmReserved: false,
      },
    });
  });

  it('accepts a lower-case region and normalises it', () => {
    const v = validateItem({ id: 'p', kind: 'audio', subject: { region: 'de' } });
    expect(v.ok && v.value.region).toBe('DE');
  });

  it.each([
    [[1, 2], 'not a JSON object'],
    [{ kind: 'text', text: 'a' }, '"id"'],
    [{ id: '', kind: 'text', text: 'a' }, '"id"'],
    [{ id: 'a', kind: 'video' }, '"kind"'],
    [{ id: 'a', kind: 'text' }, 'text item'],
    [{ id: 'a', kind: 'image', media: 3 }, '"media"'],
    [{ id: 'a', kind: 'image', subject: 'x' }, '"subject"'],
    [{ id: 'a', kind: 'image', subject: { region: 'Germany' } }, '"subject.region"'],
    [{ id: 'a', kind: 'image', subject: { age: 'old' } }, '"subject.age"'],
    [{ id: 'a', kind: 'image', subject: { platform: 'x' } }, '"subject.account"'],
    [{ id: 'a', kind: 'image', subject: { platform: 'x', account: 5 } }, '"subject.account"'],
    [{ id: 'a', kind: 'image', visibility: 'friends' }, '"visibility"'],
    [{ id: 'a', kind: 'image', created_at: '2025-13-01T00:00:00Z' }, '"created_at"'],
    [{ id: 'a', kind: 'image', source: { legal_basis: 'because' } }, '"source.legal_basis"'],
    [{ id: 'a', kind: 'image', source: { url: 5 } }, '"source.url"'],
    [{ id: 'a', kind: 'image', signals: { tdm_reserved: 'yes' } }, '"signals.tdm_reserved"'],
    [{ id: 'a', kind: 'image', _obhut: {} }, 'reserved'],
    // ("a\0b", "c") and ("a", "b\0c") would share the pseudonym of "platform\0account".
    [{ id: 'a', kind: 'image', subject: { platform: 'a\0b', account: 'c' } }, 'NUL'],
  ])('rejects %j naming %s', (record, needle) => {
    const v = validateItem(record);
    expect(v.ok).toBe(false);
    expect(!v.ok && v.error).toContain(needle);
  });
});

describe('validateConsentEvent', () => {
  const ok = {
    platform: 'instagram',
    account: '123',
    purpose: 'ai_training',
    action: 'object',
    at: '2025-05-20T08:00:00Z',
    channel: 'portal',
  };

  it('accepts a valid event, with or without a reference', () => {
    expect(validateConsentEvent(ok).ok).toBe(true);
    // A NUL in the account is no ambiguity: the platform ends at the first NUL.
    expect(validateConsentEvent({ ...ok, account: '1\u00002' }).ok).toBe(true);
    expect(validateConsentEvent({ ...ok, reference: 'ticket 7' }).ok).toBe(true);
  });

  it.each([
    [{ ...ok, purpose: 'marketing' }, 'purpose'],
    [{ ...ok, action: 'delete' }, 'action'],
    [{ ...ok, at: '2025-05-20' }, 'at'],
    [{ ...ok, channel: 'fax' }, 'channel'],
    // Synthetic decisions come only from a canary session, never from an import.
    [{ ...ok, channel: 'canary' }, 'channel'],
    [{ ...ok, account: '' }, 'account'],
    [{ ...ok, extra: 1 }, 'extra'],
    [{ ...ok, platform: 'insta\0gram' }, 'NUL'],
  ])('rejects %j naming %s', (event, needle) => {
    const v = validateConsentEvent(event);
    expect(!v.ok && v.error).toContain(needle);
  });
});

describe('parseRfc3339', () => {
  it('reads offsets and fractions', () => {
    expect(parseRfc3339('2025-05-20T10:00:00+02:00')).toBe(Date.UTC(2025, 4, 20, 8));
    expect(parseRfc3339('2025-05-20T08:00:00.250Z')).toBe(Date.UTC(2025, 4, 20, 8, 0, 0, 250));
  });

  it.each(['2025-02-30T00:00:00Z', '2025-05-20T08:00:00', '2025-05-20T24:00:00Z', 'yesterday'])(
    'rejects %s',
    (value) => {
      expect(parseRfc3339(value)).toBeUndefined();
    },
  );
});
