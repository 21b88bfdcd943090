// phoneValid (src/pii/phone-validity.ts) takes libphonenumber's parse-and-validate steps with
// its patterns compiled once; it must give the library's verdict on every string, in the
// characters phone candidates are made of (its own path) and outside them (the library's).
import fc from 'fast-check';
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { phoneValid } from '../../src/pii/phone-validity.js';

const library = (text: string, region?: CountryCode): boolean =>
  parsePhoneNumberFromString(text, region)?.isValid() ?? false;

// The regions numbers.ts passes, and others whose plans take other branches: national prefixes
// with transform rules (AR, BR, MX), shared calling codes with leading digits (+7 RU/KZ, +44
// GB/JE/IM/GG, +1 US/CA/…), IDD prefixes other than 00 (US 011, AU 0011, JP 010), one the
// metadata does not know.
const REGIONS: readonly (CountryCode | undefined)[] = [
  undefined,
  'DE',
  'AT',
  'CH',
  'GB',
  'US',
  'CA',
  'JE',
  'RU',
  'KZ',
  'AR',
  'BR',
  'MX',
  'IT',
  'FR',
  'AU',
  'JP',
  'IN',
  'ZZ' as CountryCode,
];

// Starts that select the library's branches: calling codes with and without a plus, IDD
// prefixes, trunk prefixes, non-geographic codes, a code of four digits (none exists).
const STARTS = [
  '',
  '+',
  '(+',
  '+49',
  '+43',
  '+41',
  '+44',
  '+1',
  '+7',
  '+39',
  '+54 9',
  '+55',
  '+800',
  '+882',
  '+0',
  '+1234',
  '00',
  '0049',
  '0044',
  '011',
  '0011',
  '010',
  '0',
  '(0',
  '(0)',
  '1',
  '49',
  '44',
  '43',
  '7',
  '8',
  '15',
  '0171',
  '030',
  '07700',
  '01534',
  '07624',
  '212',
  '416',
  '242',
];
const SEPARATORS = [' ', '', '', '-', '/', '.', '\u00a0', '(', ')', ' (', ') '];
const group = fc.stringMatching(/^[0-9]{1,5}$/);
const domainText = fc
  .tuple(
    fc.constantFrom(...STARTS),
    fc.array(fc.tuple(fc.constantFrom(...SEPARATORS), group), { maxLength: 6 }),
    fc.constantFrom('', '', ' ', '-', ')', '.'),
  )
  .map(([start, groups, end]) => start + groups.map(([s, g]) => s + g).join('') + end);
// A number's length of digits (6 to 12) after a start, split in up to three groups: valid far
// more often than groups of any length.
const numberText = fc
  .tuple(
    fc.constantFrom(...STARTS),
    fc.constantFrom(' ', '', '-', '/', ' ('),
    fc.stringMatching(/^[0-9]{6,12}$/),
    fc.nat(12),
    fc.nat(12),
    fc.constantFrom(' ', '-', ') ', '.'),
  )
  .map(([start, gap, digits, a, b, sep]) => {
    const [i, j] = a < b ? [a, b] : [b, a];
    return start + gap + digits.slice(0, i) + sep + digits.slice(i, j) + sep + digits.slice(j);
  });
// International numbers without a region (how numbers.ts checks a `+` or `00` number): calling
// codes of one to three digits, shared ones (1, 7, 44, 262, 590, 599), non-geographic ones.
const CODES =
  '1 7 20 27 30 31 33 34 36 39 41 43 44 45 46 47 48 49 52 54 55 61 62 64 81 86 90 91 212 262 290 351 352 353 358 380 420 590 599 672 800 808 870 881 882 883 888 979 998';
const intlText = fc
  .tuple(
    fc.constantFrom(...CODES.split(' ')),
    fc.constantFrom(' ', '', '-', ' (0) ', ' ('),
    fc.stringMatching(/^[0-9]{5,12}$/),
    fc.nat(12),
  )
  .map(([code, gap, digits, i]) => `+${code}${gap}${digits.slice(0, i)} ${digits.slice(i)}`);
// Outside the candidates' characters: letters, a plus inside, extensions, other digits.
const otherText = fc
  .tuple(
    domainText,
    fc.constantFrom('x', ' ext. 12', '#', ';ext=3', '+', '１２', 'tel:', 'a', ',,5', '~'),
    fc.nat(12),
  )
  .map(([t, piece, at]) => t.slice(0, at) + piece + t.slice(at));
const region = fc.constantFrom(...REGIONS);

describe('phoneValid', () => {
  it('agrees with libphonenumber on strings of the candidates’ characters', () => {
    fc.assert(
      fc.property(domainText, region, (text, r) => {
        expect(phoneValid(text, r)).toBe(library(text, r));
      }),
      { numRuns: 20000 },
    );
  });

  it('agrees with libphonenumber on number-length strings after each start', () => {
    fc.assert(
      fc.property(numberText, region, (text, r) => {
        expect(phoneValid(text, r)).toBe(library(text, r));
      }),
      { numRuns: 20000 },
    );
  });

  it('agrees with libphonenumber on international numbers without a region', () => {
    fc.assert(
      fc.property(intlText, (text) => {
        expect(phoneValid(text)).toBe(library(text));
      }),
      { numRuns: 10000 },
    );
  });

  it('agrees with libphonenumber on any string of digits and phone punctuation', () => {
    const anyText = fc
      .array(fc.constantFrom(...'0123456789 ()+./-\u00a0'), { maxLength: 24 })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(anyText, region, (text, r) => {
        expect(phoneValid(text, r)).toBe(library(text, r));
      }),
      { numRuns: 10000 },
    );
  });

  it('agrees with libphonenumber outside those characters (where it asks the library)', () => {
    fc.assert(
      fc.property(otherText, region, (text, r) => {
        expect(phoneValid(text, r)).toBe(library(text, r));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds valid numbers in both branches (the property tests are not all "invalid")', () => {
    const cases: [string, CountryCode | undefined][] = [
      ['030 12345678', 'DE'],
      ['+49 30 12345678', undefined],
      ['0044 20 7946 0958', 'DE'],
      ['011 44 20 7946 0958', 'US'],
      ['1 212 555 0199', 'US'],
      ['(416) 555-0199', 'US'],
      ['+7 701 123 4567', undefined],
      ['01534 456789', 'GB'],
      ['0 11 15 2345 6789', 'AR'],
    ];
    for (const [text, r] of cases)
      expect([text, phoneValid(text, r)]).toEqual([text, library(text, r)]);
    expect(cases.filter(([t, r]) => phoneValid(t, r)).length).toBeGreaterThan(5);
  });
});
