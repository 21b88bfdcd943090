// The name-likeness model counts list words and their regular forms by their units
// (trigram-counts.ts) instead of by sliced strings. The counts must be those of the strings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countDeForms,
  countEnForms,
  DE_FORMS,
  EN_FORMS,
  plainAscii,
} from '../../src/pii/name-likeness.js';
import { TrigramCounts } from '../../src/pii/trigram-counts.js';

/** The counts of every trigram and context of the marked strings, from both tables. */
function sameCounts(a: TrigramCounts, b: TrigramCounts, words: readonly string[]): void {
  for (const word of words) {
    const w = `^^${word}$`;
    for (let i = 2; i < w.length; i++) {
      expect(a.trigram(w, i)).toBe(b.trigram(w, i));
      expect(a.context(w, i)).toBe(b.context(w, i));
    }
  }
}

/** Counts by a map of sliced strings, as the model counted before. */
function sliced(words: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const word of words) {
    const w = `^^${word}$`;
    for (let i = 2; i < w.length; i++) {
      for (const k of [w.slice(i - 2, i), w.slice(i - 2, i + 1)]) map.set(k, (map.get(k) ?? 0) + 1);
    }
  }
  return map;
}

const unit = fc.constantFrom('a', 'e', 'n', 't', '^', '$', 'ß', 'é', '\ud835', '\udc9c', '-', "'");
const word = fc.array(unit, { maxLength: 10 }).map((xs) => xs.join(''));
const plainWord = fc
  .array(fc.constantFrom('a', 'e', 'n', 'g', 't', 's', 'x', '-', "'"), { maxLength: 9 })
  .map((xs) => xs.join(''));

describe('trigram counts by units', () => {
  it('count what a map of sliced strings counts', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (words) => {
        const counts = new TrigramCounts();
        for (const w of words) counts.addMarked(w);
        const map = sliced(words);
        for (const w0 of words) {
          const w = `^^${w0}$`;
          for (let i = 2; i < w.length; i++) {
            expect(counts.trigram(w, i)).toBe(map.get(w.slice(i - 2, i + 1)) ?? 0);
            expect(counts.context(w, i)).toBe(map.get(w.slice(i - 2, i)) ?? 0);
          }
        }
        // Trigrams of strings never added count 0.
        expect(counts.trigram('^^zq$', 3)).toBe(map.get('^zq') ?? 0);
      }),
      { numRuns: 400 },
    );
  });

  it('count a form given by its parts as the form itself', () => {
    fc.assert(
      fc.property(word, word, word, fc.nat(12), (prefix, w, suffix, cut) => {
        const length = Math.min(cut, w.length);
        const form = prefix + w.slice(0, length) + suffix;
        const a = new TrigramCounts();
        const b = new TrigramCounts();
        a.addUnits(prefix, w, length, suffix);
        b.addMarked(form);
        sameCounts(a, b, [form, prefix, w, suffix]);
      }),
      { numRuns: 800 },
    );
  });

  it('count the regular forms of plain list words as their strings', () => {
    fc.assert(
      fc.property(fc.array(plainWord, { maxLength: 6 }), (words) => {
        for (const [forms, countForms] of [
          [DE_FORMS, countDeForms],
          [EN_FORMS, countEnForms],
        ] as const) {
          const a = new TrigramCounts();
          const b = new TrigramCounts();
          for (const w of words) {
            expect(plainAscii(w)).toBe(true);
            countForms(a, w);
            for (const f of forms(w)) b.addMarked(f.toLowerCase());
          }
          sameCounts(
            a,
            b,
            words.flatMap((w) => [w, ...forms(w)]),
          );
        }
      }),
      { numRuns: 400 },
    );
  });

  it('hold thousands of keys (the table grows)', () => {
    const counts = new TrigramCounts();
    const words = Array.from({ length: 3000 }, (_, k) => `w${k.toString(36)}x`);
    for (const w of words) counts.addMarked(w);
    const map = sliced(words);
    for (const w0 of words) {
      const w = `^^${w0}$`;
      for (let i = 2; i < w.length; i++)
        expect(counts.trigram(w, i)).toBe(map.get(w.slice(i - 2, i + 1)));
    }
  });

  it('take capitals and non-ASCII letters for no plain word', () => {
    expect(plainAscii('anna-lena')).toBe(true);
    expect(plainAscii('Anna')).toBe(false);
    expect(plainAscii('müller')).toBe(false);
  });
});
