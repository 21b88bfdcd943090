import { describe, expect, it } from 'vitest';
import { BLIND_FIRST, BLIND_LAST, BLIND_PLACES } from '../../bench/pii-eval/blind.js';
import {
  generateHeldOut,
  HELD_OUT_FIRST,
  HELD_OUT_LAST,
  HELD_OUT_PLACES,
  HELD_OUT_WORD_NAMES,
} from '../../bench/pii-eval/held-out.js';
import { FIRST_NAMES, PLACES, SURNAMES } from '../../src/pii/data/gazetteer.js';
import { isCommonWord } from '../../src/pii/gazetteer.js';

const listed = new Set([...FIRST_NAMES, ...SURNAMES, ...PLACES].map((x) => x.toLowerCase()));

describe('held-out evaluation corpus', () => {
  it('uses no name or place that the gazetteer lists', () => {
    const heldOut = [
      ...HELD_OUT_FIRST,
      ...HELD_OUT_LAST,
      ...HELD_OUT_WORD_NAMES.de,
      ...HELD_OUT_WORD_NAMES.en,
      ...HELD_OUT_PLACES.de,
      ...HELD_OUT_PLACES.en,
      ...BLIND_FIRST,
      ...BLIND_LAST,
      ...BLIND_PLACES.de,
      ...BLIND_PLACES.en,
    ];
    expect(heldOut.filter((x) => listed.has(x.toLowerCase()))).toEqual([]);
    // Nor any of their parts ("Al-Masri", "O’Sullivan").
    const parts = heldOut.flatMap((x) => x.split(/[-’ ]/)).filter((p) => p.length > 2);
    expect(parts.filter((x) => listed.has(x.toLowerCase()))).toEqual([]);
  });

  it('has word-names that the gazetteer knows only as everyday words', () => {
    const notWords = [...HELD_OUT_WORD_NAMES.de, ...HELD_OUT_WORD_NAMES.en].filter(
      (x) => !isCommonWord(x),
    );
    expect(notWords).toEqual([]);
  });

  it('labels spans that cover exactly the inserted values, reproducibly', () => {
    const a = generateHeldOut(3, 5);
    expect(generateHeldOut(3, 5)).toEqual(a);
    for (const item of a) {
      for (const s of item.spans) {
        const value = item.text.slice(s.start, s.end);
        expect(value.trim()).toBe(value);
        expect(value.length).toBeGreaterThan(0);
      }
      if (item.kind === 'spoken') expect(item.text).toBe(item.text.toLowerCase());
    }
  });
});
