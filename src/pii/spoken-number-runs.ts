import { ALL_DIGITS, digitsOf, NUMBER_WORDS, REPEAT, TENS_EN, UNITS_EN } from './spoken-numbers.js';
import type { Replacement } from './spoken-replacements.js';
import type { Word } from './words.js';

/** Numbers said as a run of words ("null eins sieben eins …", "double four seven"), as digits. */

const STREET_WORD_SOURCE =
  '(?:straße|strasse|weg|gasse|platz|allee|ring|damm|street|road|avenue|lane)';
const STREET_WORD = new RegExp(`${STREET_WORD_SOURCE}$`, 'i');
const REPEAT_OR_PLUS = new Set(['double', 'doppel', 'triple', 'plus']);
const COMPOUND_ANY = /^\p{L}+und\p{L}+(?:zig|ßig|ssig)$/u;
const SEPARATOR_ONLY = /^[\s,-]+$/;

function numberish(w: string): boolean {
  if (NUMBER_WORDS.has(w) || REPEAT_OR_PLUS.has(w)) return true;
  const c = w.charCodeAt(0);
  // Cheap character tests first: this runs on every word of every text.
  if (c >= 48 && c <= 57) return ALL_DIGITS.test(w);
  const last = w.charCodeAt(w.length - 1);
  return last === 103 /* g */ && COMPOUND_ANY.test(w);
}

/** Two number words in a row, or one after a street name: the only texts worth a closer look. */
export function worthALook(text: string, words: readonly Word[]): boolean {
  for (let k = 0; k + 1 < words.length; k++) {
    const a = words[k]!;
    const b = words[k + 1]!;
    if (!numberish(b.lower) || !(numberish(a.lower) || STREET_WORD.test(a.lower))) continue;
    if (SEPARATOR_ONLY.test(text.slice(a.end, b.start))) return true;
  }
  return false;
}

/** Runs of number words (with "double", "triple", a leading "plus") long enough to matter. */
export function findNumberRuns(
  text: string,
  tokens: readonly Word[],
  replacements: Replacement[],
): void {
  const taken = (pos: number) => replacements.some((r) => pos >= r.start && pos < r.end);
  // "ein" is the article far more often than a digit said one by one ("6652, ein Kombi").
  const isDigitWord = (k: number) =>
    tokens[k] !== undefined &&
    tokens[k]!.lower !== 'ein' &&
    digitsOf(tokens[k]!.lower) !== undefined;
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i]!;
    const startsRun =
      isDigitWord(i) ||
      ((REPEAT[first.lower] !== undefined || first.lower === 'plus') && isDigitWord(i + 1)) ||
      // "plus double four …"
      (first.lower === 'plus' &&
        REPEAT[tokens[i + 1]?.lower ?? ''] !== undefined &&
        isDigitWord(i + 2));
    if (!startsRun || taken(first.start)) {
      i++;
      continue;
    }
    let digits = '';
    let repeat = 1;
    let j = i;
    while (j < tokens.length) {
      const t = tokens[j]!;
      if (j > i && !/^[\s,-]*$/.test(text.slice(tokens[j - 1]!.end, t.start))) break;
      if (taken(t.start)) break;
      if (j === i && t.lower === 'plus') digits = '+';
      else if (REPEAT[t.lower] !== undefined && isDigitWord(j + 1)) repeat = REPEAT[t.lower]!;
      else {
        const d = t.lower === 'ein' ? undefined : digitsOf(t.lower);
        if (d === undefined) break;
        const prev = j > i ? tokens[j - 1]!.lower : '';
        // "twenty one" is 21; German says units first ("einundzwanzig"), one word.
        if (TENS_EN[prev] !== undefined && (UNITS_EN[t.lower] ?? 0) > 0)
          digits = digits.slice(0, -1) + d;
        else digits += d.repeat(repeat);
        repeat = 1;
      }
      j++;
    }
    const last = tokens[j - 1]!;
    const spoken = tokens.slice(i, j).some((t) => !/^\d+$/.test(t.lower));
    const street =
      (i > 0 && STREET_WORD.test(tokens[i - 1]!.lower)) ||
      [tokens[j], tokens[j + 1], tokens[j + 2]].some(
        (t) => t !== undefined && STREET_WORD.test(t.lower),
      );
    if (spoken && digits.replace('+', '').length >= (street ? 1 : 5)) {
      replacements.push({ start: first.start, end: last.end, value: digits });
      i = j;
    } else i++;
  }
}
