// spellingDigits keeps digitsOf's answer on the word's spelling (spoken-numbers.ts): for every
// word it must be digitsOf of the word's lower case, asked first or again, in any order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gazetteer } from '../../src/pii/gazetteer.js';
import { digitsOf, spellingDigits } from '../../src/pii/spoken-numbers.js';
import { tokenize } from '../../src/pii/tokens.js';
import { splitWords } from '../../src/pii/words.js';

const PIECES = [
  ...['null', 'eins', 'ein', 'zwei', 'sieben', 'zwanzig', 'einundzwanzig', 'dreißig', 'elf'],
  ...['oh', 'one', 'two', 'seven', 'twenty', 'eleven', 'hundred', 'double', 'zero'],
  ...['0171', '42', '7', 'Anna', 'straße', 'İzmir', 'x', 'the', 'und', 'Vierundvierzig'],
];
const spelt = (w: string) => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)];

describe('spelling digits', () => {
  it('answers as digitsOf of the lower case, for words and tokens (property)', () => {
    const flags = gazetteer().flags;
    let numbers = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES.flatMap(spelt)), { minLength: 1, maxLength: 10 }),
        fc.constantFrom(' ', '-', ', '),
        (parts, gap) => {
          const text = parts.join(gap);
          for (const w of [...splitWords(text, flags), ...tokenize(text, flags)]) {
            const want = digitsOf(w.lower);
            if (want !== undefined) numbers++;
            expect(spellingDigits(w)).toBe(want);
            expect(spellingDigits(w)).toBe(want);
          }
        },
      ),
      { numRuns: 2000 },
    );
    expect(numbers).toBeGreaterThan(1000);
  });
});
