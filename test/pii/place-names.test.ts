// The one-probe place look-up and the pre-checks of non-places.ts must answer as what they
// replace: isPlace as the join over the places that start with the same word, splitAtSpace as
// split(/\s+/), and a pre-check may say "no" only where its regex cannot match.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gazetteer, isPlace, isSpaceUnit, splitAtSpace } from '../../src/pii/gazetteer.js';
import {
  CAPITAL_RUN_AFTER,
  mayBreak,
  mayStartRun,
  PERSON_BREAK,
  PLACE_BREAK,
} from '../../src/pii/non-places.js';

/** The look-up isPlace made before the set of joined names. */
function isPlaceByFirstWord(name: string): boolean {
  const words = name.toLowerCase().split(/\s+/);
  const list = gazetteer().places.get(words[0]!);
  return list?.some((p) => p.join(' ') === words.join(' ')) ?? false;
}

// White space of every kind `\s` knows, letters that lower-case to more units, a lone surrogate.
const UNITS = [' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b'];
const LETTERS = ['a', 'B', 'ß', 'İ', 'ä', '-', '.', ',', ':', ';', '\ud83d', '😀', 'und', '&'];

describe('place names', () => {
  it('isSpaceUnit is /\\s/ for every UTF-16 unit', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++)
      if (isSpaceUnit(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });

  it('splitAtSpace gives the parts of split(/\\s+/) (property)', () => {
    expect(splitAtSpace('')).toEqual(['']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...UNITS, ...LETTERS), { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        expect(splitAtSpace(s)).toEqual(s.split(/\s+/));
      }),
      { numRuns: 3000 },
    );
  });

  it('isPlace answers as the look-up by first word, on listed names and their neighbours', () => {
    const names = [...gazetteer().places.values()].flat().map((p) => p.join(' '));
    expect(names.length).toBeGreaterThan(1000);
    let listed = 0;
    for (let k = 0; k < names.length; k += 7) {
      const n = names[k]!;
      const variants = [
        n,
        n.toUpperCase(),
        n.replaceAll(' ', '\t '),
        ` ${n}`,
        `${n} `,
        n.slice(0, -1),
        `${n} x`,
        n.split(' ')[0]!,
      ];
      for (const v of variants) {
        const want = isPlaceByFirstWord(v);
        if (want) listed++;
        expect([v, isPlace(v)]).toEqual([v, want]);
      }
    }
    expect(listed).toBeGreaterThan(500);
  });

  it('isPlace answers as the look-up by first word on joined words (property)', () => {
    const firsts = [...gazetteer().places.keys()].slice(0, 400);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...firsts, 'am', 'bad', 'new', 'san', ''), { maxLength: 4 }),
        fc.constantFrom(...UNITS),
        (words, gap) => {
          const name = words.join(gap);
          expect(isPlace(name)).toBe(isPlaceByFirstWord(name));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('non-places pre-checks', () => {
  it('mayStartRun says no only where the capital run after a span is empty', () => {
    const rests = ['', 'nd Partner', 'x', ' Legal', 'Partner GmbH', '. Foo'];
    for (let c = 0; c <= 0xffff; c++) {
      if (mayStartRun(c)) continue;
      for (const rest of rests)
        expect(CAPITAL_RUN_AFTER.exec(` ${String.fromCharCode(c)}${rest}`)?.[0]).toBe('');
    }
    expect(mayStartRun(Number.NaN)).toBe(false);
    expect(CAPITAL_RUN_AFTER.exec(' ')?.[0]).toBe('');
  });

  it('mayBreak says no only where the break patterns find nothing (property)', () => {
    let breaks = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...UNITS, ...LETTERS, ', '), { maxLength: 10 }), (p) => {
        const t = p.join('');
        if (PERSON_BREAK.test(t)) {
          breaks++;
          expect(mayBreak(t, false)).toBe(true);
        }
        if (PLACE_BREAK.test(t)) expect(mayBreak(t, true)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(breaks).toBeGreaterThan(300);
  });
});
