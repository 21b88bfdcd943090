// detectLanguage reads the function words of splitWords' words through bits kept per spelling
// (lang.ts): it must choose as it does from the text alone, whatever the spellings were asked
// before (a word's case, ß, İ; the same words in one text after another).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gazetteer } from '../../src/pii/gazetteer.js';
import { detectLanguage } from '../../src/pii/lang.js';
import { splitWords } from '../../src/pii/words.js';

const WORDS = [
  ...['der', 'die', 'und', 'nicht', 'ist', 'ich', 'wir', 'mit', 'auch', 'bitte', 'am', 'im'],
  ...['the', 'and', 'is', 'not', 'with', 'we', 'you', 'please', 'at', 'in', 'of', 'to'],
  ...['Anna', 'Rabe', 'Nachmittag', 'office', 'Quittung', 'straße', 'İzmir', 'ÄRGER', 'x'],
];
const spelt = (w: string) => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)];

describe('language by spelling bits', () => {
  it('chooses as the text alone does (property)', () => {
    const flags = gazetteer().flags;
    const seen = { de: 0, en: 0 };
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...WORDS.flatMap(spelt)), { minLength: 1, maxLength: 14 }),
        fc.constantFrom(' ', ', ', '. ', '\n'),
        (words, gap) => {
          const text = words.join(gap);
          const want = detectLanguage(text);
          seen[want]++;
          expect(detectLanguage(text, splitWords(text, flags))).toBe(want);
        },
      ),
      { numRuns: 3000 },
    );
    expect(Math.min(seen.de, seen.en)).toBeGreaterThan(300);
  });
});
