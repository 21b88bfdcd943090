// A word hint gates a regex only if every text the regex matches passes the hint: otherwise a
// plate or an address would be skipped silently. Checked on texts built around the gates' own
// words (glued, cased, as phrases) and over every UTF-16 unit for the premise that only letters
// and digits match the gates' letters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SPOKEN_DOT_WORD_HINT } from '../../src/pii/spoken.js';
import { ADDRESS_HINT, ADDRESS_WORD_HINT } from '../../src/pii/spoken-addresses.js';
import { SPOKEN_DOT } from '../../src/pii/spoken-emails.js';
import {
  BIRTH_HINT,
  BIRTH_WORD_HINT,
  PLATE_HINT,
  PLATE_WORD_HINT,
} from '../../src/pii/spoken-forms.js';
import { SPOKEN_DOT_ANY } from '../../src/pii/spoken-ips.js';
import { WordHint } from '../../src/pii/word-hints.js';
import { splitWords } from '../../src/pii/words.js';

const GATES = [
  { name: 'plates', regex: PLATE_HINT, hint: PLATE_WORD_HINT },
  { name: 'addresses', regex: ADDRESS_HINT, hint: ADDRESS_WORD_HINT },
  { name: 'birth', regex: BIRTH_HINT, hint: BIRTH_WORD_HINT },
  { name: 'spoken e-mail', regex: SPOKEN_DOT, hint: SPOKEN_DOT_WORD_HINT },
  { name: 'spoken IP', regex: SPOKEN_DOT_ANY, hint: SPOKEN_DOT_WORD_HINT },
];

// The alternatives of a gate, as the text it scans may hold them, and its runs of letters.
function alternatives(regex: RegExp): string[] {
  const alternatives = regex.source.replace(/\\b/g, '').replace(/\\\./g, '.').split('|');
  const runs = regex.source.replace(/\\./g, ' ').match(/\p{L}+/gu) ?? [];
  return [...new Set([...alternatives, ...runs])].filter((w) => !/[\\()]/.test(w));
}

const FILLERS = ['', ' ', '  ', '-', '_', '.', ',', 'x', 'é', '7', 'ſ', '\u212a', 'ß', 'ẞ', 'İ'];
const OTHERS = [
  'the',
  'und',
  'mein',
  'p',
  'l',
  'z',
  'move',
  'to',
  'reg',
  'geb',
  'd',
  'o',
  'b',
  'a',
  'Ä',
];

function textsOf(regex: RegExp) {
  const piece = fc.oneof(
    fc.constantFrom(...alternatives(regex)).map((w) => w),
    fc.constantFrom(...alternatives(regex)).map((w) => w.toUpperCase()),
    fc.constantFrom(...alternatives(regex)).map((w) => w[0]!.toUpperCase() + w.slice(1)),
    fc.constantFrom(...OTHERS),
    fc.constantFrom(...FILLERS),
  );
  // Glued together, or apart as words: "\s(?:punkt|dot)\s" needs white space around a word.
  return fc
    .tuple(fc.array(piece, { maxLength: 10 }), fc.constantFrom('', '', ' ', '\t', '.'))
    .map(([xs, gap]) => xs.join(gap));
}

describe('word hints before a gate regex', () => {
  for (const { name, regex, hint } of GATES) {
    it(`every text the ${name} gate matches passes its hint (property)`, () => {
      let matched = 0;
      fc.assert(
        fc.property(textsOf(regex), (text) => {
          if (!regex.test(text)) return;
          matched++;
          expect(hint.mayHold(splitWords(text))).toBe(true);
        }),
        { numRuns: 5000 },
      );
      expect(matched).toBeGreaterThan(300);
    });

    it(`only letters and digits match the ${name} gate's letters`, () => {
      // The premise that puts every match inside one word of splitWords.
      const letters = [...new Set(regex.source.replace(/\\./g, '').match(/\p{L}/gu))].join('');
      const letter = new RegExp(`^[${letters}]$`, regex.flags);
      const wordChar = /^[\p{L}\p{N}]$/u;
      for (let u = 0; u <= 0xffff; u++) {
        if (u >= 0xd800 && u <= 0xdfff) continue;
        const ch = String.fromCharCode(u);
        if (letter.test(ch)) expect(wordChar.test(ch)).toBe(true);
      }
    });
  }

  it('keeps each verdict on the spelling, apart for each hint', () => {
    const a = new WordHint(/^car$/i);
    const b = new WordHint(/^van$/i);
    const words = splitWords('a Car and a van');
    expect([a.mayHold(words), b.mayHold(words)]).toEqual([true, true]);
    expect([a.mayHold(words.slice(3)), b.mayHold(words.slice(0, 3))]).toEqual([false, false]);
    // Asked again: the kept verdicts, the same answers.
    expect([a.mayHold(words.slice(0, 2)), b.mayHold(words.slice(4))]).toEqual([true, true]);
  });
});
