// The hand-written scanners of words.ts and tokens.ts must find exactly what the regexes they
// replaced found: the same words at the same offsets, on any string, surrogates and marks among
// its characters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gazetteer } from '../../src/pii/gazetteer.js';
import { STREET_EN, STREET_EN_LOWER } from '../../src/pii/patterns.js';
import { SPOKEN_DATE, spokenDates } from '../../src/pii/spoken-forms.js';
import { matchesFromDigits } from '../../src/pii/sticky.js';
import { tokenize } from '../../src/pii/tokens.js';
import { splitWords } from '../../src/pii/words.js';

const WORD = /[\p{L}\p{N}]+/gu;
const TOKEN = /[\p{L}](?:[\p{L}\p{M}'’-]*[\p{L}\p{M}])?/gu;

// Letters, digits and marks of several scripts, joiners, spaces, punctuation, a letter and an
// emoji beyond the Basic Multilingual Plane, and lone surrogates.
const PIECES = [
  'a',
  'Z',
  '7',
  'ß',
  'Ä',
  'İ',
  'ł',
  'ñ',
  'é',
  '\u0301',
  '\u0307',
  '²',
  '½',
  '٣',
  'ж',
  'λ',
  '日',
  'ª',
  '×',
  "'",
  '’',
  '-',
  ' ',
  '\n',
  '.',
  ',',
  '@',
  '\u00a0',
  '𝒜',
  '😀',
  '\ud835',
  '\udc9c',
  '_',
];
const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((xs) => xs.join(''));

describe('scanners', () => {
  it('splitWords finds the matches of /[\\p{L}\\p{N}]+/gu', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const expected = [...text.matchAll(WORD)].map((m) => ({
          start: m.index,
          end: m.index + m[0].length,
          lower: m[0].toLowerCase(),
        }));
        // Each word also carries its spelling-table entry (shared-spellings.test.ts).
        const words = splitWords(text).map(({ start, end, lower }) => ({ start, end, lower }));
        expect(words).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('tokenize finds the matches of the token regex', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const expected = [...text.matchAll(TOKEN)].map((m) => [m.index, m.index + m[0].length]);
        expect(tokenize(text, new Map()).map((t) => [t.start, t.end])).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('every character of the Basic Multilingual Plane is classed as the regexes class it', () => {
    // Each character alone, and after a letter (where a mark continues the token).
    const chars: string[] = [];
    for (let c = 0; c < 0x10000; c++)
      if (c < 0xd800 || c > 0xdfff) chars.push(String.fromCharCode(c));
    for (const text of [chars.join(' '), chars.map((c) => `a${c}`).join(' ')]) {
      // Compared as one string each: toEqual over 130,000 pairs is slow.
      const offsets = (xs: { start: number; end: number }[]) =>
        xs.map((x) => `${x.start}-${x.end}`).join(' ');
      const matches = (re: RegExp) =>
        [...text.matchAll(re)].map((m) => `${m.index}-${m.index + m[0].length}`).join(' ');
      expect(offsets(splitWords(text))).toBe(matches(WORD));
      expect(offsets(tokenize(text, new Map()))).toBe(matches(TOKEN));
    }
  });
});

// Pieces of spoken dates in both languages, and what breaks or glues them.
const DATE_PIECES = [
  'dritten',
  'ersten',
  'zwölften',
  'mai',
  'März',
  'neunzehnhundertachtzig',
  'neunzehn',
  'hundert',
  'achtzig',
  'zweitausend',
  'null',
  'drei',
  'fünf',
  'the',
  'third',
  'of',
  'may',
  'March',
  'nineteen',
  'eighty',
  'two',
  'oh',
  'four',
  'twenty',
  'first',
  '12',
  '3.',
  '1980',
  '82',
  ' ',
  ' ',
  ' ',
  '  ',
  ',',
  '\n',
  '-',
  'x',
  'é',
  '\u0301',
  '²',
  'ſ',
  'K',
];
const dateTexts = fc
  .array(fc.constantFrom(...DATE_PIECES), { maxLength: 16 })
  .map((xs) => xs.join(''));

describe('spoken dates at word starts', () => {
  const global = new RegExp(SPOKEN_DATE.source, 'giu');

  it('finds what matchAll finds at every position (property)', () => {
    fc.assert(
      fc.property(fc.oneof(dateTexts, texts), (text) => {
        const expected = [...text.matchAll(global)].map((m) => [m.index, m.index + m[0].length]);
        expect(spokenDates(text, splitWords(text))).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('no character outside \\p{L} and \\p{N} matches a letter of the pattern under /iu', () => {
    // The premise of trying word starts only: a match's first character is a letter or digit.
    const letters = [...new Set(SPOKEN_DATE.source.match(/\p{L}/gu))].join('');
    const first = new RegExp(`^[${letters}\\d]$`, 'iu');
    const wordChar = /^[\p{L}\p{N}]$/u;
    // The characters that break it, asserted once (an assertion per character cost the most).
    const outside: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (first.test(ch) && !wordChar.test(ch)) outside.push(ch);
    }
    expect(outside).toEqual([]);
  });
});

describe('spelling table', () => {
  it('gives each token the lower case, list bits and capital of its own spelling (property)', () => {
    const flags = gazetteer().flags;
    fc.assert(
      fc.property(fc.oneof(texts, dateTexts), (text) => {
        for (const t of tokenize(text, flags)) {
          const w = text.slice(t.start, t.end);
          const lower = w.toLowerCase();
          expect(t.spelling.text).toBe(w);
          expect([t.lower, t.f, t.cap]).toEqual([lower, flags.get(lower) ?? 0, w[0] !== lower[0]]);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('stays right when it fills up and is emptied', () => {
    const flags = new Map([['anna', 1]]);
    // Letters only (a token holds no digits): the number in base 26, written a to z.
    const letters = (i: number) =>
      [...i.toString(26)].map((d) => String.fromCharCode(97 + Number.parseInt(d, 26))).join('');
    const words = Array.from({ length: 70_000 }, (_, i) => `W${letters(i)}`);
    // The tokens given a wrong spelling, lower case or bits, asserted once (an assertion per
    // token cost more than the tokenizer; issue 13).
    const wrong: string[] = [];
    for (let i = 0; i < words.length; i += 500) {
      const text = `Anna ${words.slice(i, i + 500).join(' ')} anna`;
      const tokens = tokenize(text, flags);
      expect(tokens.length).toBe(502);
      for (const t of tokens) {
        const w = text.slice(t.start, t.end);
        if (
          t.spelling.text !== w ||
          t.lower !== w.toLowerCase() ||
          t.f !== (flags.get(t.lower) ?? 0)
        )
          wrong.push(`${w}: ${t.spelling.text} ${t.lower} ${t.f}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

// Pieces of English street addresses, and what breaks or glues them.
const STREET_PIECES = [
  '221 Baker Street',
  '12b NW. Park View',
  '7 The Ridgeway',
  '160 S Broadway',
  '564 Greenway',
  '10 baker road',
  '4 old mill lane',
  '221',
  '7',
  '12b',
  '3rd',
  'Baker',
  'baker',
  'Street',
  'street',
  'road',
  'Road',
  'The',
  'Ridgeway',
  'E',
  'NW.',
  'Broadway',
  'Greenway',
  "Queen's",
  'Park',
  'View',
  'a',
  ' ',
  ' ',
  ' ',
  '\n',
  ',',
  '-',
  'x',
  'é',
  '²',
  '٣',
  '𝒜',
];
const streetTexts = fc
  .array(fc.constantFrom(...STREET_PIECES), { maxLength: 14 })
  .map((xs) => xs.join(''));

describe('street patterns tried at digits', () => {
  for (const [name, sticky] of [
    ['STREET_EN', STREET_EN],
    ['STREET_EN_LOWER', STREET_EN_LOWER],
  ] as const) {
    it(`${name}: the matches of matchAll with the g flag (property)`, () => {
      const global = new RegExp(sticky.source, 'gu');
      fc.assert(
        fc.property(fc.oneof(streetTexts, texts), (text) => {
          const expected = [...text.matchAll(global)].map((m) => [m.index, m[0]]);
          expect(matchesFromDigits(sticky, text).map((m) => [m.index, m[0]])).toEqual(expected);
        }),
        { numRuns: 3000 },
      );
    });
  }
});
