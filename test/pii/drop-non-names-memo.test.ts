// dropNonNames (non-places.ts) reads the verdict of a finding once per range, type and text and
// gives it to every repeat: the result must be that of reading each finding on its own.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dropNonNames } from '../../src/pii/non-places.js';
import type { PiiSpan, PiiType } from '../../src/pii/types.js';

// Texts whose words get every verdict: dropped (an office word, a firm, a month by a day, a
// counter), kept, cut at a break, retyped to a person ("sent to …").
const TEXTS = [
  'Anna Berg works at Vantage Legal LLP in Marketing and moved to Kiel on 14 Nov.',
  'The password was sent to Ilvana, call Sprint 14 or Raum B12 in Hamburg.',
  'Von: Ana Brook\nBetreff: Gruß aus Bad Tannried, Anna Brook\nFirst name: Okoro',
  'i am at quintaro near leeds, ready to renew at SharePoint with Kessler & Partner GmbH',
];
const TYPES: PiiType[] = ['PERSON', 'LOCATION', 'EMAIL'];

/** Word boundaries of a text: where a finding may start and end. */
function edges(text: string): number[] {
  const out = new Set<number>([0, text.length]);
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    out.add(m.index);
    out.add(m.index + m[0].length);
  }
  return [...out].sort((a, b) => a - b);
}

const findings = fc
  .record({
    t: fc.nat({ max: TEXTS.length - 1 }),
    picks: fc.array(
      fc.record({
        a: fc.nat(),
        len: fc.nat({ max: 6 }),
        type: fc.constantFrom(...TYPES),
        score: fc.constantFrom(0.5, 0.7, 0.9),
        // Repeat an earlier finding: its range and type, or its range with another type.
        repeat: fc.constantFrom('no', 'same', 'retype', 'rescore'),
      }),
      { minLength: 1, maxLength: 14 },
    ),
    lang: fc.constantFrom('de' as const, 'en' as const),
  })
  .map(({ t, picks, lang }) => {
    const text = TEXTS[t]!;
    const e = edges(text);
    const spans: PiiSpan[] = [];
    for (const p of picks) {
      const prev = spans[p.a % Math.max(1, spans.length)];
      let s: PiiSpan;
      if (prev && p.repeat === 'same') s = { ...prev };
      else if (prev && p.repeat === 'retype') s = { ...prev, type: p.type };
      else if (prev && p.repeat === 'rescore') s = { ...prev, score: p.score };
      else {
        const i = p.a % (e.length - 1);
        const j = Math.min(e.length - 1, i + 1 + p.len);
        s = {
          start: e[i]!,
          end: e[j]!,
          type: p.type,
          score: p.score,
          text: text.slice(e[i]!, e[j]!),
        };
      }
      spans.push(s);
    }
    return { text, spans, lang };
  });

describe('dropNonNames reads a repeated finding once', () => {
  it('gives what reading each finding alone gives (property)', () => {
    fc.assert(
      fc.property(findings, ({ text, spans, lang }) => {
        const alone = spans.flatMap((s) => dropNonNames(text, lang, [s]));
        expect(dropNonNames(text, lang, spans)).toEqual(alone);
      }),
      { numRuns: 2000, seed: 17 },
    );
  });

  it('keeps apart findings of one range that differ in type or end', () => {
    const text = 'Anna Berg works in Marketing.';
    const at = text.indexOf('Marketing');
    const place: PiiSpan = {
      start: at,
      end: at + 9,
      type: 'LOCATION',
      score: 0.8,
      text: 'Marketing',
    };
    const anna: PiiSpan = { start: 0, end: 4, type: 'PERSON', score: 0.8, text: 'Anna' };
    const annaBerg: PiiSpan = { start: 0, end: 9, type: 'PERSON', score: 0.8, text: 'Anna Berg' };
    const email: PiiSpan = { ...place, type: 'EMAIL' };
    expect(dropNonNames(text, 'en', [place, email, anna, annaBerg, place])).toEqual([
      email,
      anna,
      annaBerg,
    ]);
  });
});
