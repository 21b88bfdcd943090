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
  BLIND4_PARTICLE_LAST,
  BLIND4_PLACES,
  BLIND4_STREETS,
  BLIND4_WORD_NAMES,
  generateBlind4,
  ibanChecks,
  luhnChecks,
  taxIdChecks,
} from '../../bench/pii-eval/blind4.js';
import {
  BLIND5_FIRST,
  BLIND5_LAST,
  BLIND5_NAMES,
  BLIND5_PARTICLE_LAST,
  BLIND5_PLACES,
  BLIND5_STREETS,
  BLIND5_WORD_NAMES,
  deOrdinal,
  deWords,
  deYearWords,
  enOrdinal,
  enWords,
  enYearWords,
  generateBlind5,
  ibanValid,
  ibanWithChecks,
  luhnCheckDigit,
  luhnValid,
  steuerIdCheckDigit,
  steuerIdValid,
} from '../../bench/pii-eval/blind5.js';
import { generateCorpus } from '../../bench/pii-eval/corpus.js';
import { HARD_CASES } from '../../bench/pii-eval/hard-cases.js';
import {
  generateHeldOut,
  HELD_OUT_FIRST,
  HELD_OUT_LAST,
  HELD_OUT_PLACES,
  HELD_OUT_WORD_NAMES,
} from '../../bench/pii-eval/held-out.js';
import { spokenStructured } from '../../bench/pii-eval/spoken-structured.js';
import {
  expectSetShape,
  expectWellFormed,
  seenElsewhere,
  valuesOf,
  wholeWord,
} from './blind-set-checks.js';

// The fifth blind set is only blind if nothing in it was seen before: none of its names, towns or
// streets may occur in another evaluation set's texts (as run.ts and spoken-structured.ts
// generate them) or name lists. The detector is not run here: this test checks the set.
const OTHER_TEXTS: readonly string[] = [
  ...generateCorpus(40, 1),
  ...HARD_CASES,
  ...generateHeldOut(20, 11),
  ...generateBlind(10, 23),
  ...generateBlind2(10, 47),
  ...generateBlind3(8, 71),
  ...generateBlind4(8, 89),
  ...spokenStructured(200, 1729),
].map((x) => x.text);
const OTHER_LISTS: readonly string[] = [
  ...BLIND_FIRST,
  ...BLIND_LAST,
  ...Object.values(BLIND_PLACES).flat(),
  ...BLIND2_FIRST,
  ...BLIND2_LAST,
  ...Object.values(BLIND2_PLACES).flat(),
  ...BLIND3_FIRST,
  ...BLIND3_LAST,
  ...Object.values(BLIND3_WORD_NAMES).flatMap((n) => [...n.first, ...n.last]),
  ...Object.values(BLIND3_PLACES).flat(),
  ...Object.values(BLIND3_STREETS).flat(),
  ...BLIND4_FIRST,
  ...BLIND4_LAST,
  ...BLIND4_PARTICLE_LAST,
  ...Object.values(BLIND4_WORD_NAMES).flatMap((n) => [...n.first, ...n.last]),
  ...Object.values(BLIND4_PLACES).flat(),
  ...Object.values(BLIND4_STREETS).flat(),
  ...HELD_OUT_FIRST,
  ...HELD_OUT_LAST,
  ...Object.values(HELD_OUT_WORD_NAMES).flat(),
  ...Object.values(HELD_OUT_PLACES).flat(),
];
const PARTICLES = new Set(['i', 'da', 'do', 'ar', 'binti', 'zu', 'le']);

describe('blind5 PII evaluation set', () => {
  const set = generateBlind5();

  it('is the same on every run and changes with the seed', () => {
    expect(generateBlind5()).toEqual(set);
    expect(generateBlind5(8, 114)).not.toEqual(set);
  });

  it('has 700–900 texts per language, half spoken, with PII-free texts among them', () => {
    expectSetShape(set, {
      texts: [700, 900],
      free: 150,
      freeWithWordNames: 150,
      wordNames: (lang) => [...BLIND5_WORD_NAMES[lang].first, ...BLIND5_WORD_NAMES[lang].last],
      // The tax id in German only, the SSN in English only.
      extraTypes: (lang) => [lang === 'de' ? 'DE_TAX_ID' : 'US_SSN'],
      absentTypes: (lang) => [lang === 'de' ? 'US_SSN' : 'DE_TAX_ID'],
      perType: 8,
    });
  });

  it('uses every origin; full names, single names, word-names, hyphens and particles', () => {
    const persons = set.flatMap((x) =>
      x.spans.filter((s) => s.type === 'PERSON').map((s) => x.text.slice(s.start, s.end)),
    );
    for (const [origin, names] of Object.entries(BLIND5_NAMES))
      expect(
        persons.some((p) => [...names.first, ...names.last].some((n) => wholeWord(n).test(p))),
        origin,
      ).toBe(true);
    expect(persons.filter((p) => !p.includes(' ')).length).toBeGreaterThan(100);
    expect(persons.filter((p) => p.includes(' ')).length).toBeGreaterThan(200);
    expect(persons.some((p) => /\p{L}-\p{L}/u.test(p))).toBe(true);
    for (const particle of [' i ', 'da ', 'do ', 'ar ', 'binti ', 'zu ', 'Le '])
      expect(
        persons.some((p) => p.includes(particle)),
        particle,
      ).toBe(true);
    for (const lang of ['de', 'en'] as const)
      for (const w of [...BLIND5_WORD_NAMES[lang].first, ...BLIND5_WORD_NAMES[lang].last])
        expect(
          persons.some((p) => wholeWord(w).test(p)),
          w,
        ).toBe(true);
  });

  it('uses no name, town or street of another evaluation set', () => {
    const particleCores = BLIND5_PARTICLE_LAST.flatMap((n) =>
      n.split(' ').filter((w) => !PARTICLES.has(w.toLowerCase())),
    );
    const lastCores = BLIND5_LAST.flatMap((n) =>
      n.split(/[ -]/).filter((w) => !PARTICLES.has(w.toLowerCase())),
    );
    const mine = [
      ...BLIND5_FIRST,
      ...BLIND5_LAST,
      ...lastCores,
      ...BLIND5_PARTICLE_LAST,
      ...particleCores,
      ...Object.values(BLIND5_WORD_NAMES).flatMap((n) => [...n.first, ...n.last]),
      ...Object.values(BLIND5_PLACES).flat(),
      ...Object.values(BLIND5_STREETS).flat(),
    ];
    expect(seenElsewhere(mine, OTHER_TEXTS, OTHER_LISTS)).toEqual([]);
    // The check itself finds a name another set uses, in its list and in its texts.
    const used = OTHER_TEXTS.join(' ').match(/\p{Lu}\p{Ll}{4,}/u)![0];
    expect(seenElsewhere([used, 'Zzyzxqv'], OTHER_TEXTS)).toEqual([used]);
    expect(seenElsewhere([BLIND4_FIRST[0]!.toUpperCase()], [], OTHER_LISTS)).toHaveLength(1);
  });

  it('writes sound markup for any seed; spoken texts are lower-case words only', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        for (const x of generateBlind5(1, seed)) expectWellFormed(x);
      }),
      { numRuns: 40 },
    );
    for (const x of set) {
      expectWellFormed(x);
      expect(x.text).not.toMatch(/\[\[|\]\]|\|[A-Z_]+/);
    }
  });

  it('says e-mail and IP addresses as an ASR writes them', () => {
    for (const e of valuesOf(set, 'spoken', 'EMAIL'))
      expect(e).toMatch(/ (at|ät|at zeichen|at sign) .* (punkt|dot) /);
    for (const ip of valuesOf(set, 'spoken', 'IP_ADDRESS'))
      expect(ip.split(/ (?:punkt|dot) /)).toHaveLength(4);
  });

  it('writes IBANs, card numbers and tax ids with correct check digits', () => {
    // The published example IBAN and tax id, and cross-checks against blind4's own validators.
    expect(ibanWithChecks('GB', 'WEST12345698765432')).toBe('GB82WEST12345698765432');
    expect(ibanValid('GB82 WEST 1234 5698 7654 33')).toBe(false);
    expect(steuerIdCheckDigit('8609574271')).toBe(9);
    expect(steuerIdValid('86095742718')).toBe(false);
    expect(luhnCheckDigit('411111111111111')).toBe(1);
    const ibans = valuesOf(set, 'written', 'IBAN');
    expect(ibans.length).toBeGreaterThan(25);
    for (const iban of ibans) {
      expect(ibanValid(iban), iban).toBe(true);
      expect(ibanChecks(iban), iban).toBe(true);
    }
    const cards = valuesOf(set, 'written', 'CREDIT_CARD');
    expect(cards.length).toBeGreaterThan(20);
    for (const card of cards) {
      expect(luhnValid(card), card).toBe(true);
      expect(luhnChecks(card.replace(/-/g, ' ')), card).toBe(true);
    }
    const ids = valuesOf(set, 'written', 'DE_TAX_ID');
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) {
      expect(steuerIdValid(id), id).toBe(true);
      expect(taxIdChecks(id), id).toBe(true);
      // One digit of the first ten appears twice, the others once.
      const counts = new Map<string, number>();
      for (const c of id.replace(/ /g, '').slice(0, 10)) counts.set(c, (counts.get(c) ?? 0) + 1);
      expect([...counts.values()].sort()).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 2]);
    }
  });

  it('writes number words, years and ordinals as an ASR does', () => {
    expect(deWords(192)).toBe('hundertzweiundneunzig');
    expect(deWords(101)).toBe('hunderteins');
    expect(deWords(21)).toBe('einundzwanzig');
    expect(deWords(2130)).toBe('zweitausendhundertdreißig');
    expect(deYearWords(1980)).toBe('neunzehnhundertachtzig');
    expect(deYearWords(2007)).toBe('zweitausendsieben');
    expect(deOrdinal(3)).toBe('dritte');
    expect(deOrdinal(17)).toBe('siebzehnte');
    expect(deOrdinal(21)).toBe('einundzwanzigste');
    expect(enWords(168)).toBe('one hundred sixty eight');
    expect(enWords(40)).toBe('forty');
    expect(enYearWords(1982)).toBe('nineteen eighty two');
    expect(enYearWords(1905)).toBe('nineteen oh five');
    expect(enYearWords(2004)).toBe('two thousand four');
    expect(enOrdinal(4)).toBe('fourth');
    expect(enOrdinal(20)).toBe('twentieth');
    expect(enOrdinal(23)).toBe('twenty third');
  });
});
