// Runs of spoken numbers in linear time (issue 17, session 11): a text of spaced digits ("0 1 2
// 3 …") made `findNumberRuns` start a run at every token and follow it to the text's end, so
// 80 KB took a minute of CPU and a 16 MB line (what `pii redact` accepts) would take days. It now
// goes on at the end of a run of digits alone. These cases check that the shortcut changes no
// replacement (against the loop that tries every start) and that the claim it rests on holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNumberRuns, numberRunAt, replacesRun } from '../../src/pii/spoken-number-runs.js';
import type { Replacement } from '../../src/pii/spoken-replacements.js';
import { splitWords } from '../../src/pii/words.js';

const WORDS = [
  ...['0', '1', '7', '12', '345', '0171', 'four', 'eins', 'zwei', 'null', 'twenty', 'one'],
  ...['oh', 'double', 'triple', 'doppel', 'dash', 'minus', 'plus', 'hundred', 'ein', 'x'],
  ...['straße', 'road', 'and', 'neunundzwanzig'],
];
const GAPS = [' ', ' ', ' ', ', ', ' - ', '. ', '\n'];

const texts = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...GAPS)), { maxLength: 40 })
  .map((parts) => parts.map(([w, g]) => w + g).join(''));

/** The loop before the shortcut: a run tried at every token that starts no replacement. */
function everyStart(text: string): Replacement[] {
  const tokens = splitWords(text);
  const out: Replacement[] = [];
  let i = 0;
  while (i < tokens.length) {
    const run = numberRunAt(text, tokens, out, i);
    if (replacesRun(tokens, i, run)) {
      out.push({ start: tokens[i]!.start, end: tokens[run.end - 1]!.end, value: run.digits });
      i = run.end;
    } else i++;
  }
  return out;
}

describe('runs of spoken numbers', () => {
  it('are replaced as by the loop that tries every start', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const found: Replacement[] = [];
        findNumberRuns(text, splitWords(text), found);
        expect(found).toEqual(everyStart(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('that hold digits alone end where every run starting inside them ends', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const tokens = splitWords(text);
        for (let i = 0; i < tokens.length; i++) {
          const run = numberRunAt(text, tokens, [], i);
          if (run.end === i || run.spoken) continue;
          for (let k = i + 1; k < run.end; k++) {
            const inner = numberRunAt(text, tokens, [], k);
            if (inner.end === k) continue;
            expect(inner.end).toBe(run.end);
            expect(inner.spoken).toBe(false);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('are still found where digits and number words mix', () => {
    const text = 'meine nummer ist 0 1 7 1 zwei drei vier fünf sechs sieben';
    const found: Replacement[] = [];
    findNumberRuns(text, splitWords(text), found);
    expect(found).toEqual([{ start: 17, end: text.length, value: '0171234567' }]);
  });

  it('look at each token a bounded number of times', () => {
    // Before the change a text of n spaced digits made the pass look at ~n²/2 tokens.
    for (const text of ['0 1 2 3 4 5 6 7 8 9 '.repeat(2_000), '12 34 56 78 90 '.repeat(2_000)]) {
      const tokens = splitWords(text);
      expect(findNumberRuns(text, tokens, [])).toBeLessThanOrEqual(2 * tokens.length);
    }
    // A run not replaced has fewer than five digits unless it is digits alone, so from any start
    // the pass looks at a handful of tokens.
    fc.assert(
      fc.property(texts, (text) => {
        const tokens = splitWords(text);
        expect(findNumberRuns(text, tokens, [])).toBeLessThanOrEqual(12 * tokens.length + 1);
      }),
      { numRuns: 2000 },
    );
  });
});
