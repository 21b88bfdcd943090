// A spelling set (spelling-sets.ts) must answer as its set does for every token's lower case,
// whichever sets asked first, and keep its bit apart from the other sets' and hints'.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpellingSet } from '../../src/pii/spelling-sets.js';
import { tokenize } from '../../src/pii/tokens.js';

const PIECES = [
  'mal',
  'Mal',
  'MAL',
  'doch',
  'sagt',
  'says',
  'Anna',
  'x',
  'ß',
  'İ',
  'straße',
  'STRASSE',
];

describe('spelling sets', () => {
  it('answers as the set for each token, in any order of asking (property)', () => {
    const a = new Set(['mal', 'says', 'straße', 'i̇']);
    const b = new Map([
      ['doch', 1],
      ['anna', 2],
      ['strasse', 3],
    ]);
    const inA = new SpellingSet(a);
    const inB = new SpellingSet(b);
    // A table of its own, so spellings from other tests do not carry answers over.
    const flags = new Map<string, number>();
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }),
        (parts) => {
          for (const t of tokenize(parts.join(' '), flags)) {
            expect(inB.has(t)).toBe(b.has(t.lower));
            expect(inA.has(t)).toBe(a.has(t.lower));
            expect(inB.has(t)).toBe(b.has(t.lower));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
