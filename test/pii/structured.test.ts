import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ibanValid, luhnValid, rvnrValid, steuerIdValid } from '../../src/pii/checksums.js';
import { detectPii, resolveOverlaps } from '../../src/pii/index.js';
import { changeOneDigit, filler, validCard, validIban, validSteuerId } from './generators.js';

const found = (text: string, type: string) =>
  detectPii(text)
    .filter((s) => s.type === type)
    .map((s) => s.text);

describe('checksums', () => {
  it('accepts published examples', () => {
    expect(ibanValid('DE89370400440532013000')).toBe(true);
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(steuerIdValid('86095742719')).toBe(true);
    expect(steuerIdValid('86095742718')).toBe(false);
    expect(rvnrValid('65170839J003')).toBe(true);
  });
});

describe('detectPii', () => {
  describe('when a valid identifier is embedded in text', () => {
    it('finds every IBAN with correct mod-97 check digits, at its exact offsets', () => {
      fc.assert(
        fc.property(filler, validIban, filler, (before, iban, after) => {
          const text = `${before} ${iban} ${after}`;
          const spans = detectPii(text).filter((s) => s.type === 'IBAN');
          expect(spans.map((s) => [s.start, s.text])).toEqual([[before.length + 1, iban]]);
        }),
      );
    });
    it('finds every Luhn-valid card number and Steuer-ID', () => {
      fc.assert(
        fc.property(filler, validCard, validSteuerId, (before, card, taxId) => {
          const text = `${before} Karte ${card}, Steuer-ID ${taxId}.`;
          expect(found(text, 'CREDIT_CARD')).toEqual([card]);
          expect(found(text, 'DE_TAX_ID')).toEqual([taxId]);
        }),
      );
    });
  });

  describe('when one digit is changed', () => {
    it('no longer reports the IBAN, card or Steuer-ID', () => {
      fc.assert(
        fc.property(
          validIban,
          validCard,
          validSteuerId,
          fc.nat(),
          fc.nat(),
          (iban, card, id, pick, delta) => {
            expect(found(`IBAN ${changeOneDigit(iban, pick, delta)}`, 'IBAN')).toEqual([]);
            expect(found(`Karte ${changeOneDigit(card, pick, delta)}`, 'CREDIT_CARD')).toEqual([]);
            expect(found(`Steuer-ID ${changeOneDigit(id, pick, delta)}`, 'DE_TAX_ID')).toEqual([]);
          },
        ),
      );
    });
  });

  it('returns sorted, non-overlapping spans whose offsets slice to their text, for any input', () => {
    const piiish = fc.constantFrom(
      ' 0171 2345678 ',
      ' max@gmx.de ',
      ' DE89 3704 0044 0532 0130 00 ',
      ' 10115 Berlin ',
      ' Musterstraße 12 ',
      ' 😀 ',
      'ä',
      ' 192.168.0.1 ',
      ' geboren 1.2.1990 ',
    );
    const text = fc
      .array(fc.oneof(fc.string({ unit: 'grapheme' }), piiish), { maxLength: 8 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const spans = detectPii(t);
        let last = 0;
        for (const s of spans) {
          expect(t.slice(s.start, s.end)).toBe(s.text);
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.score).toBeGreaterThan(0);
          expect(s.score).toBeLessThanOrEqual(1);
          last = s.end;
        }
      }),
    );
  });

  it.each([
    ['Ruf mich an: 0171 2345678', 'PHONE', '0171 2345678'],
    ['Tel. +49 (0)30 12345678', 'PHONE', '+49 (0)30 12345678'],
    ['Wien: +43 1 5134567', 'PHONE', '+43 1 5134567'],
    ['Zürich 044 668 18 00', 'PHONE', '044 668 18 00'],
    ['call (415) 555-2671', 'PHONE', '(415) 555-2671'],
    ['London 020 7946 0018', 'PHONE', '020 7946 0018'],
    ['mail max.mueller@gmx.de!', 'EMAIL', 'max.mueller@gmx.de'],
    ['host 10.0.0.255 ok', 'IP_ADDRESS', '10.0.0.255'],
    ['v6 fe80::1ff:fe23:4567:890a here', 'IP_ADDRESS', 'fe80::1ff:fe23:4567:890a'],
    ['RVNR 65 170839 J 003', 'DE_PENSION_ID', '65 170839 J 003'],
    ['SSN 123-45-6789', 'US_SSN', '123-45-6789'],
    ['geboren am 03.04.1985', 'DATE_OF_BIRTH', '03.04.1985'],
    ['DOB: March 4, 1985', 'DATE_OF_BIRTH', 'March 4, 1985'],
    ['Kennzeichen M-XY 123', 'VEHICLE_PLATE', 'M-XY 123'],
    ['Ich wohne Berliner Straße 3a.', 'ADDRESS', 'Berliner Straße 3a'],
    ['Karl-Marx-Allee 90 ist', 'ADDRESS', 'Karl-Marx-Allee 90'],
    ['at 221 Baker Street today', 'ADDRESS', '221 Baker Street'],
    ['at 221b Baker St. today', 'ADDRESS', '221b Baker St.'],
    ['lives at 339 W 14th Street now', 'ADDRESS', '339 W 14th Street'],
    ['ship to 233 3rd Street please', 'ADDRESS', '233 3rd Street'],
    ['ship to 386 Queen’s Road please'.replace('’', "'"), 'ADDRESS', "386 Queen's Road"],
    ['meet at 12 The Green tonight', 'ADDRESS', '12 The Green'],
    ['send it to 806 E Main, Fargo', 'ADDRESS', '806 E Main'],
    ['it is 160 S Broadway', 'ADDRESS', '160 S Broadway'],
    ['address: 564 Greenway, Wiltshire', 'ADDRESS', '564 Greenway'],
    ['postcode SW1A 1AA please', 'ADDRESS', 'SW1A 1AA'],
    ['Manchester M1 1AE', 'ADDRESS', 'M1 1AE'],
    ['siehe https://github.com/octocat/repo', 'URL', 'https://github.com/octocat/repo'],
    ['folgt @lena_h!', 'HANDLE', '@lena_h'],
  ])('finds %j as %s', (text, type, expected) => {
    expect(found(text, type)).toEqual([expected]);
  });

  it.each([
    'Die Besprechung am 03.04.2024 um 12:30:45.',
    'Bestellnummer 4711081512 ist unterwegs.',
    'Version 1.2.3 is out',
    'It is a 10 minute walk from here.',
    'We bought 3 Green apples.',
    'Model A4 2BX is out',
    'Seite https://example.com/docs/install',
  ])('finds nothing in %j', (text) => {
    expect(detectPii(text)).toEqual([]);
  });

  it('reports a configurable identifier only next to its context words', () => {
    const identifiers = [{ type: 'CUSTOMER_ID', pattern: /K-\d{6}/, context: ['kundennummer'] }];
    expect(detectPii('Kundennummer K-123456', { identifiers }).map((s) => s.type)).toEqual([
      'CUSTOMER_ID',
    ]);
    expect(detectPii('Artikel K-123456', { identifiers })).toEqual([]);
  });
});

describe('resolveOverlaps', () => {
  const span = (start: number, end: number, score: number, type = 'X') => ({
    start,
    end,
    score,
    type,
    text: 'x'.repeat(end - start),
  });
  const ranges = (spans: readonly { start: number; end: number }[]) =>
    spans.map((s) => [s.start, s.end]);
  it('drops a span contained in another, and trims the lower-ranked of two partial overlaps', () => {
    expect(resolveOverlaps([span(0, 10, 0.6), span(2, 5, 1)])).toEqual([span(0, 10, 0.6)]);
    expect(ranges(resolveOverlaps([span(0, 6, 0.6), span(4, 9, 0.9)]))).toEqual([
      [0, 4],
      [4, 9],
    ]);
    expect(ranges(resolveOverlaps([span(0, 6, 0.9), span(4, 12, 0.9)]))).toEqual([
      [0, 4],
      [4, 12],
    ]);
  });
});
