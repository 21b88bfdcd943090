// Structure of the seventh blind set (bench/pii-eval/blind7.ts): exact spans, determinism,
// enough items of every type per language and kind, spoken texts as a recogniser writes them,
// valid check digits, no name or place shared with the other evaluation sets, and no name token
// or place on the detector's lists. It never runs the detector: the set must stay unseen until
// the main engineer measures it. The lists are asked only through gazetteer() and isPlace(), and
// a failure says how many entries are listed, never which.
import { describe, expect, it } from 'vitest';
import { generateBlind } from '../../bench/pii-eval/blind.js';
import { generateBlind2 } from '../../bench/pii-eval/blind2.js';
import { generateBlind3 } from '../../bench/pii-eval/blind3.js';
import { generateBlind4 } from '../../bench/pii-eval/blind4.js';
import { generateBlind5 } from '../../bench/pii-eval/blind5.js';
import { generateBlind6 } from '../../bench/pii-eval/blind6.js';
import {
  BLIND6_WORD_NAMES,
  blind6Words,
  ibanIsValid,
  luhnIsValid,
  steuerIdCheck,
} from '../../bench/pii-eval/blind6-values.js';
import { generateBlind7, generateBlind7Items } from '../../bench/pii-eval/blind7.js';
import {
  BLIND7_NAMES,
  BLIND7_STREETS,
  BLIND7_TOWNS,
  BLIND7_WORD_NAMES,
  blind7Words,
  nameTokens,
} from '../../bench/pii-eval/blind7-values.js';
import { generateCorpus } from '../../bench/pii-eval/corpus.js';
import { generateHeldOut } from '../../bench/pii-eval/held-out.js';
import { gazetteer, isPlace } from '../../src/pii/gazetteer.js';
import { expectWellFormed, seenElsewhere, wholeWord } from './blind-set-checks.js';

const PER_FRAME = 4;
const items = generateBlind7Items(PER_FRAME, 151);
const ALL_TYPES = [
  'PERSON',
  'LOCATION',
  'ADDRESS',
  'EMAIL',
  'PHONE',
  'IBAN',
  'CREDIT_CARD',
  'IP_ADDRESS',
  'DATE_OF_BIRTH',
  'VEHICLE_PLATE',
];

/** Every name part of a person of this set, word-surnames aside. */
const personNames = [
  ...Object.values(BLIND7_NAMES).flatMap((n) => [...n.first, ...n.last]),
  ...Object.values(BLIND7_WORD_NAMES).flatMap((n) => n.first),
];
const wordSurnames = Object.values(BLIND7_WORD_NAMES).flatMap((n) => n.last);
const stripMarks = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

describe('seventh blind set', () => {
  it('has each span equal to the value it was built from, well formed and not overlapping', () => {
    for (const item of items) {
      expect(item.spans.length).toBe(item.values.length);
      item.spans.forEach((s, i) => {
        expect(item.text.slice(s.start, s.end)).toBe(item.values[i]);
        expect(item.values[i]).toBe(item.values[i]!.trim());
        if (i > 0) expect(s.start).toBeGreaterThanOrEqual(item.spans[i - 1]!.end);
      });
      expectWellFormed(item);
    }
  });

  it('is the same for the same seed and differs for another', () => {
    expect(generateBlind7(3, 5)).toEqual(generateBlind7(3, 5));
    expect(generateBlind7(3, 6)).not.toEqual(generateBlind7(3, 5));
    expect(generateBlind7(PER_FRAME, 151)).toEqual(
      items.map(({ text, lang, kind, spans }) => ({ text, lang, kind, spans })),
    );
  });

  it('has enough texts of every type, language and kind, and PII-free texts', () => {
    for (const lang of ['de', 'en'] as const)
      for (const kind of ['written', 'spoken'] as const) {
        const part = items.filter((x) => x.lang === lang && x.kind === kind);
        const types = [...ALL_TYPES, lang === 'de' ? 'DE_TAX_ID' : 'US_SSN'];
        for (const type of types) {
          const n = part.filter((x) => x.spans.some((s) => s.type === type)).length;
          expect(n, `${type} ${lang} ${kind}`).toBeGreaterThanOrEqual(PER_FRAME);
        }
        expect(
          part.some((x) =>
            x.spans.some((s) => s.type === (lang === 'de' ? 'US_SSN' : 'DE_TAX_ID')),
          ),
        ).toBe(false);
        expect(part.filter((x) => x.spans.length > 0).length).toBeGreaterThanOrEqual(
          30 * PER_FRAME,
        );
        const free = part.filter((x) => x.spans.length === 0);
        expect(free.length).toBeGreaterThanOrEqual(8 * PER_FRAME);
        // Precision is measured on the word-surnames used as words.
        for (const w of BLIND7_WORD_NAMES[lang].last)
          expect(
            free.some((x) => wholeWord(w).test(x.text)),
            `${w} as a word (${lang} ${kind})`,
          ).toBe(true);
        expect(part.filter((x) => x.spans.some((s) => s.type === 'PERSON')).length).toBeGreaterThan(
          15 * PER_FRAME,
        );
      }
  });

  it('uses word-surnames as names too, in both languages and kinds', () => {
    for (const lang of ['de', 'en'] as const)
      for (const kind of ['written', 'spoken'] as const) {
        const persons = items
          .filter((x) => x.lang === lang && x.kind === kind)
          .flatMap((x) =>
            x.spans.filter((s) => s.type === 'PERSON').map((s) => x.text.slice(s.start, s.end)),
          );
        const used = BLIND7_WORD_NAMES[lang].last.filter((w) =>
          persons.some((p) => wholeWord(w).test(p)),
        );
        expect(used.length, `${lang} ${kind}`).toBeGreaterThanOrEqual(4);
      }
  });

  it('writes spoken texts in lower case without digits or punctuation', () => {
    for (const item of items.filter((x) => x.kind === 'spoken'))
      expect(item.text).toMatch(/^[\p{Ll} ]+$/u);
  });

  it('gives written IBANs, cards, Steuer-IDs and SSNs valid check digits and ranges', () => {
    const written = items.filter((x) => x.kind === 'written');
    const values = (type: string) =>
      written.flatMap((x) =>
        x.spans.filter((s) => s.type === type).map((s) => x.text.slice(s.start, s.end)),
      );
    for (const iban of values('IBAN')) expect(ibanIsValid(iban), iban).toBe(true);
    for (const card of values('CREDIT_CARD')) {
      expect(luhnIsValid(card), card).toBe(true);
      expect(card.replace(/\D/g, '')).toMatch(/^(4\d{15}|2[2-7]\d{14}|3[47]\d{13})$/);
    }
    for (const id of values('DE_TAX_ID')) {
      const d = id.replace(/\s/g, '');
      expect(d).toMatch(/^[1-9]\d{10}$/);
      expect(steuerIdCheck(d.slice(0, 10))).toBe(+d[10]!);
      // One digit of the first ten occurs twice, the others at most once.
      const counts: Record<string, number> = {};
      for (const c of d.slice(0, 10)) counts[c] = (counts[c] ?? 0) + 1;
      expect(Object.values(counts).sort()).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 2]);
    }
    for (const ssn of values('US_SSN')) {
      expect(ssn).toMatch(/^\d{3}([- ])\d{2}\1\d{4}$/);
      expect(['000', '666']).not.toContain(ssn.slice(0, 3));
      expect(ssn[0]).not.toBe('9');
    }
  });

  it('shares no name or place with the other evaluation sets', () => {
    const others = [
      generateBlind(),
      generateBlind2(),
      generateBlind3(),
      generateBlind4(),
      generateBlind5(),
      generateBlind6(),
      generateHeldOut(),
      generateCorpus(),
    ]
      .flat()
      .map((x) => x.text);
    const mine = [...blind7Words(), ...personNames.flatMap(nameTokens)];
    expect(seenElsewhere(mine, others, blind6Words())).toEqual([]);
    // New word-surnames: none of the sixth set's.
    const sixth = Object.values(BLIND6_WORD_NAMES).flatMap((n) => n.last);
    expect(wordSurnames.filter((w) => sixth.includes(w))).toEqual([]);
  });

  it("has no person-name token on the detector's name or place lists, and no listed place", () => {
    const { firstNames, surnames } = gazetteer();
    const listedName = (token: string) => {
      const forms = [token.toLowerCase(), stripMarks(token.toLowerCase())];
      return (
        forms.some((f) => firstNames.has(f) || surnames.has(f)) ||
        isPlace(token) ||
        isPlace(token[0]!.toUpperCase() + token.slice(1))
      );
    };
    const names = personNames.filter((n) => isPlace(n) || nameTokens(n).some(listedName));
    const places = [...Object.values(BLIND7_TOWNS), ...Object.values(BLIND7_STREETS)]
      .flat()
      .filter((p) => isPlace(p));
    // Counts only: the test must not tell which entries the lists hold.
    expect(names.length, 'person names with a listed token').toBe(0);
    expect(places.length, 'towns or streets on the place lists').toBe(0);
  });
});
