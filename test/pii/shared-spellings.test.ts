// The detector splits a text into words once (words.ts) and the name rules' tokens (tokens.ts)
// take a word's spelling when they span the same characters. That must change no token: the
// tokens made with the words are the tokens made without them, field by field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gazetteer } from '../../src/pii/gazetteer.js';
import { spellingTable } from '../../src/pii/spellings.js';
import { tokenize } from '../../src/pii/tokens.js';
import { splitWords } from '../../src/pii/words.js';

// Pieces that reach every branch: listed names and words, capitals, digits glued to letters,
// apostrophes and hyphens inside and at the ends of tokens, a combining mark (a token spans it,
// a word stops at it), characters outside the BMP, line breaks and sentence ends.
const PIECES = [
  'Anna',
  'anna',
  'Müller',
  'Husum',
  'und',
  'the',
  "O'Brien",
  'Karl-Heinz',
  'Meier-',
  "'s",
  'rock’n’roll',
  'A12',
  '12b',
  '0171',
  'İzzet',
  'i\u0307',
  '𝒜lpha',
  '𝟙𝟚',
  'ß',
  ' ',
  '  ',
  ', ',
  '. ',
  ':',
  '\n',
  '-',
  '’',
  'Dr. ',
];
const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((xs) => xs.join(''));
const anyText = fc.string({ unit: 'binary', maxLength: 60 });

function plain(tokens: ReturnType<typeof tokenize>) {
  return tokens.map(({ spelling, ...rest }) => ({ ...rest, text: spelling.text, sf: spelling.f }));
}

describe('tokens from the shared words', () => {
  const flags = gazetteer().flags;

  it('are the tokens made without the words', () => {
    fc.assert(
      fc.property(fc.oneof(texts, anyText), (text) => {
        const shared = tokenize(text, flags, splitWords(text, flags));
        expect(plain(shared)).toEqual(plain(tokenize(text, flags)));
      }),
      { numRuns: 3000 },
    );
  });

  it('take the word spelling only from the same list map', () => {
    // Words spelt from another map carry other list bits; the tokens must not take them.
    const text = 'Anna und Husum';
    const tokens = tokenize(text, flags, splitWords(text));
    expect(tokens.map((t) => t.f)).toEqual(tokenize(text, flags).map((t) => t.f));
    expect(tokens[0]!.f).not.toBe(0);
  });

  it('split words whose spelling is the table entry of their characters', () => {
    fc.assert(
      fc.property(fc.oneof(texts, anyText), (text) => {
        const table = spellingTable(flags);
        for (const w of splitWords(text, flags)) {
          expect(w.spelling).toBe(table.get(text, w.start, w.end));
          expect(w.lower).toBe(text.slice(w.start, w.end).toLowerCase());
        }
      }),
      { numRuns: 3000 },
    );
  });
});
