// Structure of the eleventh blind set (bench/pii-eval/blind11.ts): exact spans, determinism, 1,600
// texts of 200 frames, enough items of every type per language and kind, spoken texts as a
// recogniser writes them, valid check digits in written and spoken values, the name forms the
// set promises (initials, "Surname, Given", capitals, hyphens, particles, possessives),
// capitalised non-places after place prepositions, no name or place shared with the other
// evaluation sets, and no name token or place on the detector's lists. It never runs the
// detector: the set must stay unseen until the main engineer measures it. The lists are asked
// only through gazetteer() and isPlace(), and a failure says how many entries are listed, never
// which.
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
  deNumber,
  ibanIsValid,
  luhnIsValid,
  spellLetter,
  steuerIdCheck,
} from '../../bench/pii-eval/blind6-values.js';
import { generateBlind7 } from '../../bench/pii-eval/blind7.js';
import { BLIND7_WORD_NAMES, blind7Words } from '../../bench/pii-eval/blind7-values.js';
import { generateBlind8 } from '../../bench/pii-eval/blind8.js';
import { BLIND8_WORD_NAMES, blind8Words } from '../../bench/pii-eval/blind8-values.js';
import { generateBlind9 } from '../../bench/pii-eval/blind9.js';
import { BLIND9_WORD_NAMES, blind9Words } from '../../bench/pii-eval/blind9-values.js';
import { generateBlind10 } from '../../bench/pii-eval/blind10.js';
import { BLIND10_WORD_NAMES, blind10Words } from '../../bench/pii-eval/blind10-values.js';
import {
  BLIND11_FRAME_COUNTS,
  generateBlind11,
  generateBlind11Items,
} from '../../bench/pii-eval/blind11.js';
import {
  BLIND11_NAMES,
  BLIND11_STREETS,
  BLIND11_TOWNS,
  BLIND11_WORD_NAMES,
  blind11Words,
} from '../../bench/pii-eval/blind11-values.js';
import { generateCorpus } from '../../bench/pii-eval/corpus.js';
import { generateHeldOut } from '../../bench/pii-eval/held-out.js';
import { gazetteer, isPlace } from '../../src/pii/gazetteer.js';
import { expectWellFormed } from './blind-set-checks.js';

const PER_FRAME = 4;
const SEED = 241;
const items = generateBlind11Items(PER_FRAME, SEED);
const LANGS = ['de', 'en'] as const;
const KINDS = ['written', 'spoken'] as const;
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

const origins = Object.values(BLIND11_NAMES);
const personNames = [
  ...origins.flatMap((n) => [...n.first, ...n.last]),
  ...Object.values(BLIND11_WORD_NAMES).flatMap((n) => n.first),
];
const places = [...Object.values(BLIND11_TOWNS), ...Object.values(BLIND11_STREETS)].flat();
const wordSurnames = Object.values(BLIND11_WORD_NAMES).flatMap((n) => n.last);
const stripMarks = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const words = (s: string) =>
  s
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w !== '');
const wholeWord = (w: string, flags = '') =>
  new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, `u${flags}`);
/** Tokens of a name or place a list could hold: split at spaces, hyphens and apostrophes. */
const tokens = (s: string) => s.split(/[\s'’-]+/).filter((t) => t !== '');

const valuesOf = (part: typeof items, type: string) =>
  part.flatMap((x) =>
    x.spans.filter((s) => s.type === type).map((s) => x.text.slice(s.start, s.end)),
  );

// --- spoken values back to characters, to check their check digits ---------------------------

const DE_WORDS = new Map<string, string>();
for (let n = 0; n < 100; n++) DE_WORDS.set(deNumber(n), String(n));
const EN_DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const SPELT = new Map<string, string>();
for (const lang of LANGS)
  for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') SPELT.set(spellLetter(c, lang), c);

/** Reads a spoken IBAN, card, Steuer-ID or SSN back into letters and digits. */
function unspeak(said: string, lang: 'de' | 'en'): string {
  let s = said;
  for (const [w, c] of SPELT) if (w.includes(' ')) s = s.replace(wholeWord(w, 'g'), c);
  const out: string[] = [];
  const ws = s.split(' ');
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (lang === 'en' && (w === 'double' || w === 'triple')) {
      const d = enDigit(ws[++i]!);
      out.push(d.repeat(w === 'double' ? 2 : 3));
    } else if (lang === 'en' && enDigit(w) !== '') out.push(enDigit(w));
    else if (lang === 'de' && DE_WORDS.has(w)) out.push(DE_WORDS.get(w)!);
    else if (SPELT.has(w)) out.push(SPELT.get(w)!);
    else if (/^\p{L}$/u.test(w)) out.push(w.toUpperCase());
    else out.push(`?${w}?`);
  }
  return out.join('');
}
function enDigit(w: string): string {
  if (w === 'oh') return '0';
  const i = EN_DIGITS.indexOf(w);
  return i < 0 ? '' : String(i);
}

/** Visa 16, Mastercard 2221–2720 (16), JCB 3528–3589 (16), American Express 37 (15). */
function cardRange(d: string): boolean {
  if (/^4\d{15}$/.test(d) || /^37\d{13}$/.test(d)) return true;
  if (!/^\d{16}$/.test(d)) return false;
  const head = +d.slice(0, 4);
  return (head >= 2221 && head <= 2720) || (head >= 3528 && head <= 3589);
}

function checkIdentifiers(values: (type: string) => string[]) {
  for (const iban of values('IBAN')) {
    expect(ibanIsValid(iban), iban).toBe(true);
    // Each country's IBAN has its own length.
    const s = iban.replace(/\s/g, '');
    const lengths: Record<string, number> = { DE: 22, AT: 20, BE: 16, LU: 20, CZ: 24 };
    Object.assign(lengths, { GB: 22, IE: 22, NO: 15, FI: 18, FR: 27 });
    expect(s.length, iban).toBe(lengths[s.slice(0, 2)]);
  }
  for (const card of values('CREDIT_CARD')) {
    expect(luhnIsValid(card), card).toBe(true);
    expect(cardRange(card.replace(/\D/g, '')), card).toBe(true);
  }
  for (const id of values('DE_TAX_ID')) {
    const d = id.replace(/\s/g, '');
    expect(d, id).toMatch(/^[1-9]\d{10}$/);
    expect(steuerIdCheck(d.slice(0, 10)), id).toBe(+d[10]!);
    // One digit of the first ten occurs twice, the others at most once.
    const counts: Record<string, number> = {};
    for (const c of d.slice(0, 10)) counts[c] = (counts[c] ?? 0) + 1;
    expect(Object.values(counts).sort(), id).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 2]);
  }
  for (const ssn of values('US_SSN')) {
    const d = ssn.replace(/[\s-]/g, '');
    expect(d, ssn).toMatch(/^\d{9}$/);
    expect(['000', '666'], ssn).not.toContain(d.slice(0, 3));
    expect(d[0], ssn).not.toBe('9');
    expect(d.slice(3, 5), ssn).not.toBe('00');
    expect(d.slice(5), ssn).not.toBe('0000');
  }
}

describe('eleventh blind set', () => {
  it('has each span equal to the value it was built from, trimmed, in order and typed', () => {
    for (const item of items) {
      expect(item.spans.length).toBe(item.values.length);
      item.spans.forEach((s, i) => {
        expect(s.end).toBeGreaterThan(s.start);
        expect(s.end).toBeLessThanOrEqual(item.text.length);
        expect(item.text.slice(s.start, s.end)).toBe(item.values[i]);
        expect(item.values[i]).toBe(item.values[i]!.trim());
        expect([...ALL_TYPES, 'DE_TAX_ID', 'US_SSN']).toContain(s.type);
        if (i > 0) expect(s.start).toBeGreaterThan(item.spans[i - 1]!.end);
        // A span never starts or ends inside a word.
        expect(item.text.slice(s.start - 1, s.start + 1)).not.toMatch(/^[\p{L}\d]{2}$/u);
        expect(item.text.slice(s.end - 1, s.end + 1)).not.toMatch(/^[\p{L}\d]{2}$/u);
      });
    }
  });

  it('passes the shared markup checks (no overlap, clean span edges, spoken words only)', () => {
    for (const item of items) expectWellFormed(item);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(generateBlind11(3, 5)).toEqual(generateBlind11(3, 5));
    expect(generateBlind11(3, 6)).not.toEqual(generateBlind11(3, 5));
    expect(generateBlind11(PER_FRAME, SEED)).toEqual(
      items.map(({ text, lang, kind, spans }) => ({ text, lang, kind, spans })),
    );
  });

  it('has 1,600 texts of 200 frames: 40 PII and 10 PII-free per language and kind', () => {
    expect(generateBlind11().length).toBe(1600);
    for (const lang of LANGS)
      for (const kind of KINDS)
        expect(BLIND11_FRAME_COUNTS[`${lang} ${kind}`]).toEqual({ pii: 40, free: 10 });
  });

  it('has every type per language and kind, and the word-surnames as words', () => {
    for (const lang of LANGS)
      for (const kind of KINDS) {
        const part = items.filter((x) => x.lang === lang && x.kind === kind);
        const types = [...ALL_TYPES, lang === 'de' ? 'DE_TAX_ID' : 'US_SSN'];
        for (const type of types) {
          const n = part.filter((x) => x.spans.some((s) => s.type === type)).length;
          expect(n, `${type} ${lang} ${kind}`).toBeGreaterThanOrEqual(2 * PER_FRAME);
        }
        const other = lang === 'de' ? 'US_SSN' : 'DE_TAX_ID';
        expect(part.some((x) => x.spans.some((s) => s.type === other))).toBe(false);
        expect(part.filter((x) => x.spans.length > 0).length).toBe(40 * PER_FRAME);
        const free = part.filter((x) => x.spans.length === 0);
        expect(free.length).toBe(10 * PER_FRAME);
        // Precision is measured on the word-surnames used as words.
        for (const w of BLIND11_WORD_NAMES[lang].last)
          expect(
            free.some((x) => wholeWord(w, 'i').test(x.text)),
            `${w} as a word (${lang} ${kind})`,
          ).toBe(true);
        expect(part.filter((x) => x.spans.some((s) => s.type === 'PERSON')).length).toBeGreaterThan(
          20 * PER_FRAME,
        );
      }
  });

  it('uses word-surnames as names too, in both languages and kinds', () => {
    for (const lang of LANGS)
      for (const kind of KINDS) {
        const persons = valuesOf(
          items.filter((x) => x.lang === lang && x.kind === kind),
          'PERSON',
        );
        const used = BLIND11_WORD_NAMES[lang].last.filter((w) =>
          persons.some((p) => wholeWord(w, 'i').test(p)),
        );
        expect(used.length, `${lang} ${kind}`).toBeGreaterThanOrEqual(5);
      }
  });

  it('writes names as initials, surname first, in capitals, hyphenated, with particles and possessives', () => {
    for (const lang of LANGS) {
      const written = items.filter((x) => x.lang === lang && x.kind === 'written');
      const persons = valuesOf(written, 'PERSON');
      const count = (re: RegExp) => persons.filter((p) => re.test(p)).length;
      expect(count(/^\p{Lu}\. \p{Lu}/u), `initials ${lang}`).toBeGreaterThanOrEqual(2 * PER_FRAME);
      expect(count(/^[\p{Lu} -]{5,}$/u), `capitals ${lang}`).toBeGreaterThanOrEqual(2 * PER_FRAME);
      expect(count(/\p{Ll}-\p{Lu}/u), `hyphens ${lang}`).toBeGreaterThanOrEqual(2 * PER_FRAME);
      expect(count(/^[\p{L} -]+, \p{Lu}\p{Ll}/u), `surname first ${lang}`).toBeGreaterThanOrEqual(
        2 * PER_FRAME,
      );
      expect(count(/ (?:de|del|du) \p{Lu}/u), `particles ${lang}`).toBeGreaterThanOrEqual(
        PER_FRAME,
      );
      // Several origins stand in the set, not a few.
      const used = origins.filter((o) => o.last.some((l) => persons.some((p) => p.includes(l))));
      expect(used.length, `origins ${lang}`).toBeGreaterThanOrEqual(25);
    }
    const en = items.filter((x) => x.lang === 'en' && x.kind === 'written');
    const possessive = en.filter((x) =>
      x.spans.some((s) => s.type === 'PERSON' && x.text.slice(s.end, s.end + 2) === "'s"),
    );
    expect(possessive.length).toBeGreaterThanOrEqual(2 * PER_FRAME);
  });

  it('puts capitalised words that are no place after place prepositions in written text', () => {
    for (const lang of LANGS) {
      const part = items.filter((x) => x.lang === lang && x.kind === 'written');
      const prep = lang === 'de' ? '(?:in|bei|nach|aus|am)' : '(?:in|at|from|on|after)';
      const found = part.filter((x) =>
        [...x.text.matchAll(new RegExp(`\\b${prep} (\\p{Lu}\\p{L}+)`, 'gu'))].some(
          (m) =>
            !x.spans.some(
              (s) =>
                s.start <= m.index! + m[0].length - 1 &&
                s.end > m.index! + m[0].length - m[1]!.length,
            ),
        ),
      );
      expect(found.length, lang).toBeGreaterThanOrEqual(15 * PER_FRAME);
    }
  });

  it('writes spoken texts in lower case without digits or punctuation', () => {
    for (const item of items.filter((x) => x.kind === 'spoken'))
      expect(item.text).toMatch(/^[\p{Ll} ]+$/u);
  });

  it('gives written IBANs, cards, Steuer-IDs and SSNs valid check digits and ranges', () => {
    const written = items.filter((x) => x.kind === 'written');
    checkIdentifiers((type) => valuesOf(written, type));
  });

  it('gives spoken IBANs, cards, Steuer-IDs and SSNs valid check digits when read back', () => {
    for (const lang of LANGS) {
      const spoken = items.filter((x) => x.kind === 'spoken' && x.lang === lang);
      checkIdentifiers((type) => valuesOf(spoken, type).map((v) => unspeak(v, lang)));
    }
  });

  it('shares no name, place or word-surname with the other evaluation sets', () => {
    const others = [
      generateBlind(),
      generateBlind2(),
      generateBlind3(),
      generateBlind4(),
      generateBlind5(),
      generateBlind6(),
      generateBlind7(),
      generateBlind8(),
      generateBlind9(),
      generateBlind10(),
      generateHeldOut(),
      generateCorpus(),
    ]
      .flat()
      .map((x) => x.text.toLowerCase());
    const seen = new Set(others.flatMap(words));
    for (const w of [
      ...blind6Words(),
      ...blind7Words(),
      ...blind8Words(),
      ...blind9Words(),
      ...blind10Words(),
    ])
      for (const t of words(w)) seen.add(t);
    const known = (t: string) => seen.has(t.toLowerCase()) || seen.has(stripMarks(t.toLowerCase()));
    expect(personNames.flatMap(tokens).filter(known)).toEqual([]);
    expect(wordSurnames.filter(known)).toEqual([]);
    // A place's own word (its longest token) is new, and the whole name occurs nowhere else.
    const own = (p: string) => tokens(p).sort((a, b) => b.length - a.length)[0]!;
    expect(places.map(own).filter(known)).toEqual([]);
    expect(places.filter((p) => others.some((x) => x.includes(p.toLowerCase())))).toEqual([]);
    expect(blind11Words().length).toBe(personNames.length + places.length);
    expect(new Set(personNames).size, 'a name part in two origins').toBe(personNames.length);
    const earlier = [
      ...Object.values(BLIND6_WORD_NAMES),
      ...Object.values(BLIND7_WORD_NAMES),
      ...Object.values(BLIND8_WORD_NAMES),
      ...Object.values(BLIND9_WORD_NAMES),
      ...Object.values(BLIND10_WORD_NAMES),
    ];
    expect(wordSurnames.filter((w) => earlier.some((n) => n.last.includes(w)))).toEqual([]);
    expect(wordSurnames.length).toBeGreaterThanOrEqual(12);
    expect(origins.length).toBeGreaterThanOrEqual(40);
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
    const names = personNames.filter((n) => isPlace(n) || tokens(n).some(listedName));
    const listedPlaces = places.filter((p) => isPlace(p) || isPlace(stripMarks(p)));
    // Counts only: the test must not tell which entries the lists hold.
    expect(names.length, 'person names with a listed token').toBe(0);
    expect(listedPlaces.length, 'towns or streets on the place lists').toBe(0);
  });
});
