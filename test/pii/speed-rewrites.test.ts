// Rewrites for speed (issue 17, session 13) that must keep what the detector finds: the shared
// one-space test against the closure it replaced, the phone cues read from one slice of the
// words before a number (in any case), and an address grown over a German town's tail found by
// one match. Cases written for these tests.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectPii } from '../../src/pii/index.js';
import { findNumbers } from '../../src/pii/numbers.js';
import type { PiiType } from '../../src/pii/types.js';
import { oneSpace, splitWords } from '../../src/pii/words.js';

/** The test person shapes wrote for itself before oneSpace was shared (words.ts). */
const oldOneSpace = (text: string, a: { end: number }, b: { start: number }) =>
  b.start === a.end + 1 && text[a.end] === ' ';

function phones(text: string): [string, number][] {
  const out: [string, number][] = [];
  findNumbers(text, 'en', (s, e, type: PiiType, score) => {
    if (type === 'PHONE') out.push([text.slice(s, e), score]);
  });
  return out;
}

describe('oneSpace', () => {
  it('is the test person shapes had, for every pair of words', () => {
    const texts = fc
      .array(fc.constantFrom('a', 'B', ' ', '  ', '\t', '\u00a0', '-', '1', 'ß'), { maxLength: 30 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(texts, (text) => {
        const words = splitWords(text);
        for (const a of words)
          for (const b of words) expect(oneSpace(text, a, b)).toBe(oldOneSpace(text, a, b));
      }),
      { numRuns: 300 },
    );
  });
});

describe('phone cues before a number', () => {
  it('reads a cue that says the number is the speaker own, in any case', () => {
    expect(phones('My number is 4471234 later')).toEqual([['4471234', 0.8]]);
    expect(phones('MY NUMBER IS 4471234 later')).toEqual([['4471234', 0.8]]);
    // No phone word in the window: only the speaker's own cue makes it one.
    expect(phones('I AM ON 4471234 till five')).toEqual([['4471234', 0.8]]);
    expect(phones('Catch her at home on 4471234')).toEqual([['4471234', 0.8]]);
  });
  it('takes no order number for a phone, after a phone label either', () => {
    expect(phones('ORDER NUMBER 2125550147 please')).toEqual([]);
    expect(phones('Phone: order number 2125550147')).toEqual([]);
    expect(phones('Phone: 212 555 0147 after six')).toEqual([['212 555 0147', 1]]);
  });
});

describe('an address grown over a town tail', () => {
  const spans = (text: string) => detectPii(text).map((s) => [s.type, s.text]);
  it('takes the German tail after the postcode and town', () => {
    expect(spans('Hauptstraße 4, 91234 Lenzen an der Ilm')).toEqual([
      ['ADDRESS', 'Hauptstraße 4, 91234 Lenzen an der Ilm'],
    ]);
    expect(spans('Lindenweg 3, 77099 Bad Lenzen am Main')).toEqual([
      ['ADDRESS', 'Lindenweg 3, 77099 Bad Lenzen am Main'],
    ]);
  });
});
