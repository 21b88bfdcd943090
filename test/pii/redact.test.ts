import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectPii, redactedTimes, redactText, wordsText } from '../../src/pii/index.js';

const SAMPLE = 'Anna Schmidt ruft an: 0171 2345678. Anna wohnt in München, Tel 030 12345678.';

describe('redactText', () => {
  it('numbers placeholders per type, the same value keeping its number', () => {
    const spans = detectPii(SAMPLE);
    expect(redactText(SAMPLE, spans).text).toBe(
      '[PERSON_1] ruft an: [PHONE_1]. [PERSON_2] wohnt in [LOCATION_1], Tel [PHONE_2].',
    );
    const twice = 'Ruf Anna an. Anna ist da.';
    expect(redactText(twice, detectPii(twice)).text).toBe('Ruf [PERSON_1] an. [PERSON_1] ist da.');
  });

  it('masks, removes and hashes with a key, per type', () => {
    const text = 'Tel 0171 2345678, Mail anna@web.de';
    const spans = detectPii(text);
    const out = redactText(text, spans, {
      operators: { PHONE: 'mask', EMAIL: 'hash' },
      hashKey: 'k1',
    });
    expect(out.text).toMatch(/^Tel \*{4} \*{7}, Mail \[EMAIL_[0-9a-f]{12}\]$/);
    expect(out.counts).toEqual({ PHONE: 1, EMAIL: 1 });
    const other = redactText(text, spans, { operators: { EMAIL: 'hash' }, hashKey: 'k2' });
    expect(other.text.slice(-20)).not.toBe(out.text.slice(-20));
    expect(redactText(text, spans, { default: 'remove' }).text).toBe('Tel , Mail ');
  });

  it('leaves no detected value in the redacted text', () => {
    const parts = fc.constantFrom(
      'Ich heiße Anna Schmidt.',
      ' Tel 0171 2345678 ',
      'max@gmx.de',
      ' IBAN DE89 3704 0044 0532 0130 00 ',
      ' Musterstraße 12, 10115 Berlin ',
      'call John Smith',
      ' hallo ',
      ' und ',
    );
    fc.assert(
      fc.property(fc.array(parts, { maxLength: 6 }), (p) => {
        const text = p.join(' ');
        const spans = detectPii(text);
        const out = redactText(text, spans).text;
        const rest = out.replace(/\[[A-Z_]+_\d+\]/g, ' ');
        for (const s of spans) expect(rest).not.toContain(s.text);
        expect(detectPii(out).filter((s) => !s.text.startsWith('['))).toEqual([]);
      }),
    );
  });
});

describe('redactedTimes', () => {
  it('returns the time range of the words a finding covers', () => {
    const words = ['bitte', 'ruf', 'anna', 'schmidt', 'an'].map((text, i) => ({
      text,
      start: i,
      end: i + 0.8,
    }));
    const spans = detectPii(wordsText(words));
    expect(redactedTimes(words, spans)).toEqual([{ start: 2, end: 3.8, type: 'PERSON' }]);
  });
});
