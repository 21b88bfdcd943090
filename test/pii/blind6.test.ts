// Structure of the sixth blind set (bench/pii-eval/blind6.ts): exact spans, determinism, enough
// items of every type per language and kind, spoken texts as a recogniser writes them, valid
// check digits, and no name or place shared with the other evaluation sets. It never runs the
// detector: the set must stay unseen until the main engineer measures it.
import { describe, expect, it } from 'vitest';
import { generateBlind } from '../../bench/pii-eval/blind.js';
import { generateBlind2 } from '../../bench/pii-eval/blind2.js';
import { generateBlind3 } from '../../bench/pii-eval/blind3.js';
import { generateBlind4 } from '../../bench/pii-eval/blind4.js';
import { generateBlind5 } from '../../bench/pii-eval/blind5.js';
import { generateBlind6, generateBlind6Items } from '../../bench/pii-eval/blind6.js';
import {
  blind6Words,
  ibanIsValid,
  luhnIsValid,
  steuerIdCheck,
} from '../../bench/pii-eval/blind6-values.js';
import { generateCorpus } from '../../bench/pii-eval/corpus.js';
import { generateHeldOut } from '../../bench/pii-eval/held-out.js';

const PER_FRAME = 4;
const items = generateBlind6Items(PER_FRAME, 137);
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

describe('sixth blind set', () => {
  it('has each span equal to the value it was built from, non-empty and not overlapping', () => {
    for (const item of items) {
      expect(item.spans.length).toBe(item.values.length);
      item.spans.forEach((s, i) => {
        expect(item.text.slice(s.start, s.end)).toBe(item.values[i]);
        expect(s.end).toBeGreaterThan(s.start);
        expect(item.values[i]).toBe(item.values[i]!.trim());
        if (i > 0) expect(s.start).toBeGreaterThanOrEqual(item.spans[i - 1]!.end);
      });
    }
  });

  it('is the same for the same seed and differs for another', () => {
    expect(generateBlind6(3, 5)).toEqual(generateBlind6(3, 5));
    expect(generateBlind6(3, 6)).not.toEqual(generateBlind6(3, 5));
    expect(generateBlind6(PER_FRAME, 137)).toEqual(
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
        expect(part.filter((x) => x.spans.length > 0).length).toBeGreaterThanOrEqual(
          30 * PER_FRAME,
        );
        expect(part.filter((x) => x.spans.length === 0).length).toBeGreaterThanOrEqual(
          8 * PER_FRAME,
        );
        expect(part.filter((x) => x.spans.some((s) => s.type === 'PERSON')).length).toBeGreaterThan(
          15 * PER_FRAME,
        );
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
    for (const card of values('CREDIT_CARD')) expect(luhnIsValid(card), card).toBe(true);
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
      expect(ssn).toMatch(/^\d{3}-\d{2}-\d{4}$/);
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
      generateHeldOut(),
      generateCorpus(),
    ]
      .flat()
      .map((x) => x.text)
      .join('\n')
      .toLowerCase();
    const shared = blind6Words().filter((w) => {
      const escaped = w.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return new RegExp(`(?<!\\p{L})${escaped}(?!\\p{L})`, 'u').test(others);
    });
    expect(shared).toEqual([]);
  });
});
