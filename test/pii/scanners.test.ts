// The hand-written scanners of words.ts and tokens.ts must find exactly what the regexes they
// replaced found: the same words at the same offsets, on any string, surrogates and marks among
// its characters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
        expect(splitWords(text)).toEqual(expected);
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
