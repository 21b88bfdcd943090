// The word hint before the place-label pattern (place-labels.ts) may skip a text only when the
// pattern finds nothing in it: otherwise a town after "Wohnort:" would be lost silently.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LABEL_WORD_HINT, LABELLED_PLACE } from '../../src/pii/place-labels.js';
import { splitWords } from '../../src/pii/words.js';

// The labels of the pattern: its one group of alternatives.
const LABELS = /\(\?:(town[^)]*)\)/
  .exec(LABELLED_PLACE.source)![1]!
  .replace(/\\\//g, '/')
  .split('|');
const ONCE = new RegExp(LABELLED_PLACE.source, LABELLED_PLACE.flags.replace('g', ''));

// Case-insensitive with the u flag: "ſ" (long s) matches "s", "K" (Kelvin) matches "k".
const spelt = (w: string) => [
  w,
  w.toUpperCase(),
  w[0]!.toUpperCase() + w.slice(1),
  w.replaceAll('s', 'ſ'),
  w.replaceAll('t', 'T'),
];
const PIECES = [
  ...LABELS.flatMap(spelt),
  ...['\n', '\r', '|', ';', '  ', ' ', '\t', '/', ':', ' :', '-', 'x', 'é', '7', '12345 '],
  ...['Brackwell', 'Bad Tannried', 'am', 'Ort', 'of', 'place', 'plz', 'und', 'zeit'],
];

describe('place-label word hint', () => {
  it('every text the label pattern matches passes the hint (property)', () => {
    let matched = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }),
        fc.constantFrom(...LABELS.flatMap(spelt)),
        fc.constantFrom('', ' ', '\t', ':', ' :', ': ', ':\t12345 ', '-'),
        fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }),
        (before, label, colon, after) => {
          // Around a label, or any pieces at all (the label then one piece among others).
          const text = `${before.join('')}${label}${colon}${after.join('')}`;
          if (!ONCE.test(text)) return;
          matched++;
          expect(LABEL_WORD_HINT.mayHold(splitWords(text))).toBe(true);
        },
      ),
      { numRuns: 8000 },
    );
    expect(matched).toBeGreaterThan(300);
  });

  it('each label, alone after a line break, matches and passes', () => {
    for (const label of LABELS) {
      const text = `Name: Anna\n${label}: Brackwell`;
      expect(ONCE.test(text)).toBe(true);
      expect([label, LABEL_WORD_HINT.mayHold(splitWords(text))]).toEqual([label, true]);
    }
  });

  it("only letters and digits match the labels' letters", () => {
    // The premise that puts a label's last word inside one word of splitWords.
    const letters = [...new Set(LABELS.join('').match(/\p{L}/gu))].join('');
    const letter = new RegExp(`^[${letters}]$`, 'iu');
    const wordChar = /^[\p{L}\p{N}]$/u;
    const wrong: number[] = [];
    for (let u = 0; u <= 0xffff; u++) {
      if (u >= 0xd800 && u <= 0xdfff) continue;
      const ch = String.fromCharCode(u);
      if (letter.test(ch) && !wordChar.test(ch)) wrong.push(u);
    }
    expect(wrong).toEqual([]);
  });
});
