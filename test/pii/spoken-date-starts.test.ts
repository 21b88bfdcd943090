// spokenDates skips words whose first character can start no spoken date (`startLetters`): it
// must still find exactly what the global pattern finds, on texts made of the pattern's own
// words, where dates start with every letter the pattern has.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SPOKEN_DATE, spokenDates, startLetters } from '../../src/pii/spoken-forms.js';
import { splitWords } from '../../src/pii/words.js';

// Every run of letters in the pattern's source ("zwölften", "nineteen", "und", "hundert"), the
// escapes taken out first.
const PATTERN_WORDS = [
  ...new Set(SPOKEN_DATE.source.replace(/\\p\{[^}]*\}|\\./g, ' ').match(/\p{L}{2,}/gu)),
];
// The same words as a text may write them: capitalised, upper case, and with the characters
// that fold to a pattern letter under /iu ("ſ" for "s", the Kelvin sign for "k").
const written = fc
  .tuple(fc.constantFrom(...PATTERN_WORDS), fc.constantFrom('as is', 'capital', 'upper', 'folded'))
  .map(([w, form]) =>
    form === 'capital'
      ? w[0]!.toUpperCase() + w.slice(1)
      : form === 'upper'
        ? w.toUpperCase()
        : form === 'folded'
          ? w.replace(/s/g, 'ſ').replace(/k/g, '\u212a')
          : w,
  );
const piece = fc.oneof(
  { weight: 8, arbitrary: written },
  { weight: 1, arbitrary: fc.constantFrom('3.', '12', '1980', '82', 'x', 'é', '²') },
);
const dateTexts = fc
  .tuple(
    fc.array(piece, { minLength: 1, maxLength: 7 }),
    fc.constantFrom(' ', '  ', ', ', '\n', ' - '),
  )
  .map(([words, gap]) => words.join(gap));

describe('spoken dates: the words tried', () => {
  const global = new RegExp(SPOKEN_DATE.source, 'giu');

  it('finds what matchAll finds, on texts of the pattern’s own words (property)', () => {
    let matched = 0;
    fc.assert(
      fc.property(dateTexts, (text) => {
        const expected = [...text.matchAll(global)].map((m) => [m.index, m.index + m[0].length]);
        matched += expected.length;
        expect(spokenDates(text, splitWords(text))).toEqual(expected);
      }),
      { numRuns: 6000 },
    );
    // The texts hold dates at all: the property says something.
    expect(matched).toBeGreaterThan(100);
  });

  it('takes every letter that starts a run of letters or stands in a class', () => {
    expect(startLetters(/(?<![\p{L}])(?:ab|c(?:de)?f|[xy]z|\d\s?gh)/u)).toBe('acdfgxyz');
    // The pattern's dates start with these (ordinals, numbers and months of both languages).
    const starts = startLetters(SPOKEN_DATE);
    for (const ch of 'adefjmnostvz') expect(starts).toContain(ch);
  });
});
