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
  generateBlind3,
} from '../../bench/pii-eval/blind3.js';
import {
  BLIND4_FIRST,
  BLIND4_LAST,
  BLIND4_NAMES,
  BLIND4_PARTICLE_LAST,
  BLIND4_PLACES,
  BLIND4_STREETS,
  BLIND4_WORD_NAMES,
  deNumber,
  deYear,
  enNumber,
  enYear,
  generateBlind4,
  ibanChecks,
  ibanFor,
  luhnChecks,
  taxIdChecks,
  taxIdDigit,
} from '../../bench/pii-eval/blind4.js';
import { generateCorpus } from '../../bench/pii-eval/corpus.js';
import { HARD_CASES } from '../../bench/pii-eval/hard-cases.js';
import {
  generateHeldOut,
  HELD_OUT_FIRST,
  HELD_OUT_LAST,
  HELD_OUT_PLACES,
  HELD_OUT_WORD_NAMES,
} from '../../bench/pii-eval/held-out.js';
import { parseMarkup } from '../../bench/pii-eval/markup.js';
import {
  expectSetShape,
  expectWellFormed,
  seenElsewhere,
  valuesOf,
  wholeWord,
} from './blind-set-checks.js';

// The fourth blind set is only blind if nothing in it was seen before: none of its names, towns
// or streets may occur in another evaluation set (their texts as run.ts evaluates them, and their
// name lists). The detector's own data is deliberately not consulted, and the detector is not run
// here: this test checks the set, not the detector.
const OTHER_TEXTS: readonly string[] = [
  ...generateCorpus(40, 1),
  ...HARD_CASES,
  ...generateHeldOut(20, 11),
  ...generateBlind(10, 23),
  ...generateBlind2(10, 47),
  ...generateBlind3(8, 71),
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
  ...HELD_OUT_FIRST,
  ...HELD_OUT_LAST,
  ...HELD_OUT_WORD_NAMES.de,
  ...HELD_OUT_WORD_NAMES.en,
  ...HELD_OUT_PLACES.de,
  ...HELD_OUT_PLACES.en,
];

describe('blind4 PII evaluation set', () => {
  const set = generateBlind4();

  it('is the same on every run and changes with the seed', () => {
    expect(generateBlind4()).toEqual(set);
    expect(generateBlind4(8, 90)).not.toEqual(set);
  });

  it('has 400–800 texts per language, written and spoken, with PII-free texts among them', () => {
    expectSetShape(set, {
      texts: [400, 800],
      free: 100,
      freeWithWordNames: 60,
      wordNames: (lang) => [...BLIND4_WORD_NAMES[lang].first, ...BLIND4_WORD_NAMES[lang].last],
      // The German tax id in German only.
      extraTypes: (lang) => (lang === 'de' ? ['DE_TAX_ID'] : []),
      absentTypes: () => [],
      perType: 1,
    });
  });

  it('uses every origin, and word-names, hyphens and particles among its persons', () => {
    const persons = set.flatMap((x) =>
      x.spans.filter((s) => s.type === 'PERSON').map((s) => x.text.slice(s.start, s.end)),
    );
    for (const [origin, names] of Object.entries(BLIND4_NAMES))
      expect(
        persons.some((p) => [...names.first, ...names.last].some((n) => wholeWord(n).test(p))),
        origin,
      ).toBe(true);
    expect(persons.some((p) => p.includes('-'))).toBe(true);
    for (const particle of ['al-', 'bin ', 'de ', 'van ', 'ter '])
      expect(persons.some((p) => p.includes(particle))).toBe(true);
  });

  it('uses no name, town or street of another evaluation set', () => {
    const mine = [
      ...BLIND4_FIRST,
      ...BLIND4_LAST,
      ...BLIND4_PARTICLE_LAST,
      ...BLIND4_WORD_NAMES.de.first,
      ...BLIND4_WORD_NAMES.de.last,
      ...BLIND4_WORD_NAMES.en.first,
      ...BLIND4_WORD_NAMES.en.last,
      ...BLIND4_PLACES.de,
      ...BLIND4_PLACES.en,
      ...BLIND4_STREETS.de,
      ...BLIND4_STREETS.en,
    ];
    expect(seenElsewhere(mine, OTHER_TEXTS, OTHER_LISTS)).toEqual([]);
  });

  it('keeps spoken texts lower-case words without digits or punctuation, for any seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        for (const x of generateBlind4(1, seed)) expectWellFormed(x);
      }),
      { numRuns: 40 },
    );
  });

  it('parses its markup without leftovers', () => {
    const parsed = parseMarkup('Ruf [[Ngozi|PERSON]] an, [[0176 1234567|PHONE]].', 'de', 'written');
    expect(parsed.text).toBe('Ruf Ngozi an, 0176 1234567.');
    expect(parsed.spans).toEqual([
      { start: 4, end: 9, type: 'PERSON' },
      { start: 14, end: 26, type: 'PHONE' },
    ]);
    for (const x of set) expect(x.text).not.toMatch(/\[\[|\]\]|\|[A-Z_]+/);
  });

  it('writes IBANs, card numbers and tax ids with correct check digits', () => {
    const ibans = valuesOf(set, 'written', 'IBAN');
    expect(ibans.length).toBeGreaterThan(20);
    for (const iban of ibans) expect(ibanChecks(iban), iban).toBe(true);
    expect(ibanFor('GB', 'WEST12345698765432')).toBe('GB82WEST12345698765432');
    expect(ibanChecks('GB82 WEST 1234 5698 7654 33')).toBe(false);
    const cards = valuesOf(set, 'written', 'CREDIT_CARD');
    expect(cards.length).toBeGreaterThan(10);
    for (const card of cards) expect(luhnChecks(card), card).toBe(true);
    expect(luhnChecks('4111 1111 1111 1111')).toBe(true);
    expect(luhnChecks('4111 1111 1111 1112')).toBe(false);
    const ids = valuesOf(set, 'written', 'DE_TAX_ID');
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(taxIdChecks(id), id).toBe(true);
    // The check digit of the Federal Central Tax Office's published sample id 86095742719.
    expect(taxIdDigit('8609574271')).toBe(9);
    expect(taxIdChecks('86095742718')).toBe(false);
  });

  it('writes number words as an ASR does', () => {
    expect(deNumber(192)).toBe('hundertzweiundneunzig');
    expect(deNumber(101)).toBe('hunderteins');
    expect(deNumber(31)).toBe('einunddreißig');
    expect(deYear(1987)).toBe('neunzehnhundertsiebenundachtzig');
    expect(deYear(2004)).toBe('zweitausendvier');
    expect(enNumber(255)).toBe('two hundred fifty five');
    expect(enNumber(70)).toBe('seventy');
    expect(enYear(1905)).toBe('nineteen oh five');
    expect(enYear(2003, true)).toBe('two thousand and three');
  });
});
