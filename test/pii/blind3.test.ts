import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BLIND_FIRST,
  BLIND_LAST,
  BLIND_PLACES,
  generateBlind,
} from '../../bench/pii-eval/blind.js';
import {
  BLIND2_FIRST,
  BLIND2_LAST,
  BLIND2_PLACES,
  generateBlind2,
} from '../../bench/pii-eval/blind2.js';
import {
  BLIND3_FIRST,
  BLIND3_LAST,
  BLIND3_PLACES,
  BLIND3_STREETS,
  BLIND3_WORD_NAMES,
  deCardinal,
  enCardinal,
  generateBlind3,
  ibanIsValid,
  makeIban,
} from '../../bench/pii-eval/blind3.js';
import { generateCorpus } from '../../bench/pii-eval/corpus.js';
import { HARD_CASES } from '../../bench/pii-eval/hard-cases.js';
import {
  generateHeldOut,
  HELD_OUT_FIRST,
  HELD_OUT_LAST,
  HELD_OUT_PLACES,
  HELD_OUT_WORD_NAMES,
} from '../../bench/pii-eval/held-out.js';

// The blind set is only blind if nothing in it was seen before: none of its names, towns or
// streets may occur in another evaluation set (their texts as run.ts evaluates them, and their
// name lists). The detector's own data is deliberately not consulted.
const OTHER_TEXTS: readonly string[] = [
  ...generateCorpus(40, 1),
  ...HARD_CASES,
  ...generateHeldOut(20, 11),
  ...generateBlind(10, 23),
  ...generateBlind2(10, 47),
].map((x) => x.text);
const OTHER_LISTS: readonly string[] = [
  ...BLIND_FIRST,
  ...BLIND_LAST,
  ...BLIND_PLACES.de,
  ...BLIND_PLACES.en,
  ...BLIND2_FIRST,
  ...BLIND2_LAST,
  ...BLIND2_PLACES.de,
  ...BLIND2_PLACES.en,
  ...HELD_OUT_FIRST,
  ...HELD_OUT_LAST,
  ...HELD_OUT_WORD_NAMES.de,
  ...HELD_OUT_WORD_NAMES.en,
  ...HELD_OUT_PLACES.de,
  ...HELD_OUT_PLACES.en,
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wholeWord = (w: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w)}(?![\\p{L}\\p{N}])`, 'iu');

describe('blind3 PII evaluation set', () => {
  const set = generateBlind3();

  it('is the same on every run and changes with the seed', () => {
    expect(generateBlind3()).toEqual(set);
    expect(generateBlind3(8, 72)).not.toEqual(set);
  });

  it('has 400–800 texts per language, written and spoken, with PII-free texts among them', () => {
    for (const lang of ['de', 'en'] as const) {
      const mine = set.filter((x) => x.lang === lang);
      expect(mine.length).toBeGreaterThanOrEqual(400);
      expect(mine.length).toBeLessThanOrEqual(800);
      expect(mine.filter((x) => x.kind === 'spoken').length).toBe(mine.length / 2);
      const free = mine.filter((x) => x.spans.length === 0);
      expect(free.length).toBeGreaterThan(50);
      // Over-redaction is measured on everyday words that are also names in this set.
      const words = [...BLIND3_WORD_NAMES[lang].first, ...BLIND3_WORD_NAMES[lang].last];
      expect(
        free.filter((x) => words.some((w) => wholeWord(w).test(x.text))).length,
      ).toBeGreaterThan(40);
      for (const type of [
        'PERSON',
        'LOCATION',
        'ADDRESS',
        'PHONE',
        'EMAIL',
        'IP_ADDRESS',
        'VEHICLE_PLATE',
        'DATE_OF_BIRTH',
        'IBAN',
      ])
        expect(mine.some((x) => x.spans.some((s) => s.type === type))).toBe(true);
    }
  });

  it('uses no name, town or street of another evaluation set', () => {
    const mine = [
      ...BLIND3_FIRST,
      ...BLIND3_LAST,
      ...BLIND3_WORD_NAMES.de.first,
      ...BLIND3_WORD_NAMES.de.last,
      ...BLIND3_WORD_NAMES.en.first,
      ...BLIND3_WORD_NAMES.en.last,
      ...BLIND3_PLACES.de,
      ...BLIND3_PLACES.en,
      ...BLIND3_STREETS.de,
      ...BLIND3_STREETS.en,
    ];
    const lists = new Set(OTHER_LISTS.map((w) => w.toLowerCase()));
    const seen = mine.filter(
      (w) => lists.has(w.toLowerCase()) || OTHER_TEXTS.some((t) => wholeWord(w).test(t)),
    );
    expect(seen).toEqual([]);
  });

  it('keeps spoken texts lower-case words without digits or punctuation, for any seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        for (const x of generateBlind3(1, seed)) {
          if (x.kind === 'spoken') expect(x.text).toMatch(/^[\p{Ll}\p{M} ]+$/u);
          let end = 0;
          for (const s of [...x.spans].sort((a, b) => a.start - b.start)) {
            expect(s.start).toBeGreaterThanOrEqual(end);
            expect(s.end).toBeGreaterThan(s.start);
            end = s.end;
          }
          expect(end).toBeLessThanOrEqual(x.text.length);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('writes IBANs with correct check digits', () => {
    const written = set.flatMap((x) =>
      x.kind === 'written'
        ? x.spans.filter((s) => s.type === 'IBAN').map((s) => x.text.slice(s.start, s.end))
        : [],
    );
    expect(written.length).toBeGreaterThan(20);
    for (const iban of written) expect(ibanIsValid(iban), iban).toBe(true);
    // The ISO 13616 example, and one changed digit failing.
    expect(makeIban('GB', 'WEST12345698765432')).toBe('GB82WEST12345698765432');
    expect(ibanIsValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(ibanIsValid('GB82 WEST 1234 5698 7654 33')).toBe(false);
  });

  it('writes number words as an ASR does', () => {
    expect(deCardinal(192)).toBe('hundertzweiundneunzig');
    expect(deCardinal(21)).toBe('einundzwanzig');
    expect(deCardinal(255)).toBe('zweihundertfünfundfünfzig');
    expect(enCardinal(168)).toBe('one hundred sixty eight');
    expect(enCardinal(40)).toBe('forty');
  });
});
