import { describe, expect, it } from 'vitest';
import {
  EN_ORDINARY_RARER,
  EN_ORDINARY_TRANSCRIPTS,
  EN_PLACE_CASES,
} from '../../bench/pii-train/dev-places.js';
import { detectPii } from '../../src/pii/index.js';

// Our own invented towns (bench/pii-train/dev-places.ts): found by frame and shape, not a list.
describe('English places by shape', () => {
  it.each(EN_PLACE_CASES)('%s', (text, places) => {
    const found = detectPii(text, { lang: 'en' });
    for (const place of places)
      expect(found.some((s) => s.type === 'LOCATION' && s.text === place)).toBe(true);
    expect(found.filter((s) => s.type === 'PERSON')).toEqual([]);
  });

  it('keeps a person with a place opener as a given name after a title', () => {
    const found = detectPii('Mr Little called about the invoice.', { lang: 'en' });
    expect(found.some((s) => s.type === 'LOCATION')).toBe(false);
  });

  it('reads a capitalised pair before "says" as a person, not a place', () => {
    const found = detectPii('Yesterday Aroha Tane said the van was late.', { lang: 'en' });
    expect(found.filter((s) => s.type === 'LOCATION')).toEqual([]);
  });
});

describe('ordinary words in English transcripts', () => {
  it.each([
    'remind me to water the plants tomorrow morning',
    'remind me to renew the parking permit',
    'the recipe says to simmer the chutney for an hour',
    'the printer keeps jamming whenever i use glossy paper',
    'pick up some lentils and courgettes on the way home',
  ])('%s: nothing found', (text) => {
    expect(detectPii(text, { lang: 'en' })).toEqual([]);
  });

  it('most of the dev transcripts hold no finding at all', () => {
    const all = [...EN_ORDINARY_TRANSCRIPTS, ...EN_ORDINARY_RARER];
    const clean = all.filter((t) => detectPii(t, { lang: 'en' }).length === 0);
    // One known miss left: "marmalade" after "and" (the tagger's guess, no ending tells).
    expect(clean.length).toBeGreaterThanOrEqual(all.length - 1);
  });

  it('still finds a lower-case place at the end of a phrase and a name after a cue', () => {
    expect(detectPii('take the bus to truro tomorrow', { lang: 'en' })).toEqual([
      expect.objectContaining({ type: 'LOCATION', text: 'truro' }),
    ]);
    const found = detectPii('call tamari about the keys', { lang: 'en' });
    expect(found.some((s) => s.type === 'PERSON' && s.text === 'tamari')).toBe(true);
  });
});
