import { SpellingSet } from './spelling-sets.js';
import { germanHundreds } from './spoken-ips.js';
import {
  ALL_DIGITS,
  digitsOf,
  NUMBER_WORDS,
  REPEAT,
  spellingDigits,
  TENS_EN,
  UNITS_EN,
} from './spoken-numbers.js';
import type { Replacement } from './spoken-replacements.js';
import type { Word } from './words.js';

// Regexes made once, not on every call.
const SEPARATORS_OR_NONE = /^[\s,-]*$/;

/** Numbers said as a run of words ("null eins sieben eins …", "double four seven"), as digits. */

const STREET_WORD_SOURCE =
  '(?:straße|strasse|weg|gasse|platz|allee|ring|damm|street|road|avenue|lane)';
const STREET_WORD = new RegExp(`${STREET_WORD_SOURCE}$`, 'i');
const REPEAT_OR_PLUS = new Set(['double', 'doppel', 'triple', 'plus']);
const COMPOUND_ANY = /^\p{L}+und\p{L}+(?:zig|ßig|ssig)$/u;
const SEPARATOR_ONLY = /^[\s,-]+$/;
const GROUP_SEPARATOR = new Set(['dash', 'hyphen', 'minus', 'bindestrich', 'strich']);

function numberish(w: string): boolean {
  if (NUMBER_WORDS.has(w) || REPEAT_OR_PLUS.has(w)) return true;
  const c = w.charCodeAt(0);
  // Cheap character tests first: this runs on every word of every text.
  if (c >= 48 && c <= 57) return ALL_DIGITS.test(w);
  const last = w.charCodeAt(w.length - 1);
  return last === 103 /* g */ && COMPOUND_ANY.test(w);
}

// `numberish` once per spelling: `worthALook` asks it of every word of every text.
const NUMBERISH = new SpellingSet({ has: numberish });

/** Two number words in a row, or one after a street name: the only texts worth a closer look. */
export function worthALook(text: string, words: readonly Word[]): boolean {
  for (let k = 0; k + 1 < words.length; k++) {
    const a = words[k]!;
    const b = words[k + 1]!;
    if (!NUMBERISH.has(b) || !(NUMBERISH.has(a) || STREET_WORD.test(a.lower))) continue;
    if (SEPARATOR_ONLY.test(text.slice(a.end, b.start))) return true;
  }
  return false;
}

// Module-level helpers rather than closures made on every call (cheaper, and esbuild's name
// keeping, which tsx uses, wraps every closure it makes).
function taken(replacements: readonly Replacement[], pos: number): boolean {
  for (const r of replacements) if (pos >= r.start && pos < r.end) return true;
  return false;
}

/** "ein" is the article far more often than a digit said one by one ("6652, ein Kombi"). */
function isDigitWord(tokens: readonly Word[], k: number): boolean {
  const t = tokens[k];
  return t !== undefined && t.lower !== 'ein' && spellingDigits(t) !== undefined;
}

/**
 * `REPEAT[w]`, skipping the look-up for words that cannot be a key: a property look-up with a
 * string made from the text costs a probe of the engine's string table. Words are lower case
 * letters and digits, so only REPEAT's own words and the inherited "constructor" start with
 * d, t or c; the answer is REPEAT[w]'s for every word.
 */
function repeatOf(w: string): number | undefined {
  const c = w.charCodeAt(0);
  return c === 100 || c === 116 || c === 99 ? REPEAT[w] : undefined;
}

/**
 * "oh eight hundred one six …": "hundred" between a digit said alone and a further digit said
 * alone is two zeros of the run (a freephone prefix), not the end of it. "one hundred and five"
 * (no digit after it), "two hundred twenty" (a count) and "two hundred five" (a count: one digit
 * after it, no leading zero, no more digits) end the run as before.
 */
function hundredInRun(tokens: readonly Word[], j: number, i: number): boolean {
  if (j === i || tokens[j]!.lower !== 'hundred') return false;
  const before = digitsOf(tokens[j - 1]!.lower);
  const after = tokens[j + 1] ? digitsOf(tokens[j + 1]!.lower) : undefined;
  if (before?.length !== 1 || before === '0' || after?.length !== 1) return false;
  // A leading zero ("oh eight hundred") makes it a number; else more digits must follow.
  const next = tokens[j + 2]?.lower;
  return (
    (j >= 2 && digitsOf(tokens[j - 2]!.lower) === '0') ||
    (next !== undefined && (digitsOf(next) !== undefined || repeatOf(next) !== undefined))
  );
}

/**
 * A three-digit country code said as one number after "plus": German in one word
 * ("dreihundertzweiundfünfzig" → 352), English in words ("three hundred fifty three" → 353).
 */
function countryCodeAt(
  tokens: readonly Word[],
  k: number,
): { digits: string; next: number } | undefined {
  const t = tokens[k];
  if (t === undefined) return undefined;
  const de = germanHundreds(t.lower);
  if (de !== undefined)
    return de >= 200 && de <= 999 ? { digits: String(de), next: k + 1 } : undefined;
  const h = UNITS_EN[t.lower] ?? 0;
  if (h < 2 || tokens[k + 1]?.lower !== 'hundred') return undefined;
  const tens = TENS_EN[tokens[k + 2]?.lower ?? ''];
  if (tens === undefined) return undefined;
  const unit = UNITS_EN[tokens[k + 3]?.lower ?? ''] ?? 0;
  const next = unit > 0 ? k + 4 : k + 3;
  return { digits: String(h * 100 + tens + unit), next };
}

/**
 * The run of number words that starts at token `i` (with "double", "triple", a leading "plus"):
 * `end` is the token after it (`end === i` when no run starts there), `digits` what it says, and
 * `spoken` whether any of its words is not written in digits.
 */
export interface NumberRun {
  readonly end: number;
  readonly digits: string;
  readonly spoken: boolean;
}

const NO_RUN = (i: number): NumberRun => ({ end: i, digits: '', spoken: false });

export function numberRunAt(
  text: string,
  tokens: readonly Word[],
  replacements: readonly Replacement[],
  i: number,
): NumberRun {
  const first = tokens[i]!;
  const startsRun =
    isDigitWord(tokens, i) ||
    ((repeatOf(first.lower) !== undefined || first.lower === 'plus') &&
      isDigitWord(tokens, i + 1)) ||
    // "plus double four …"
    (first.lower === 'plus' &&
      repeatOf(tokens[i + 1]?.lower ?? '') !== undefined &&
      isDigitWord(tokens, i + 2)) ||
    // "plus dreihundertzweiundfünfzig …", "plus three hundred fifty three …"
    (first.lower === 'plus' && countryCodeAt(tokens, i + 1) !== undefined);
  if (!startsRun || taken(replacements, first.start)) return NO_RUN(i);
  let digits = '';
  let repeat = 1;
  let spoken = false;
  let j = i;
  while (j < tokens.length) {
    const t = tokens[j]!;
    if (j > i && !SEPARATORS_OR_NONE.test(text.slice(tokens[j - 1]!.end, t.start))) break;
    if (taken(replacements, t.start)) break;
    // "four three six dash ninety one dash …": a said hyphen between digits is a separator,
    // skipped; the digits run on.
    // "… dash double four …": the next group may start with a repeat word.
    const separator =
      j > i &&
      GROUP_SEPARATOR.has(t.lower) &&
      (isDigitWord(tokens, j + 1) ||
        (repeatOf(tokens[j + 1]?.lower ?? '') !== undefined && isDigitWord(tokens, j + 2)));
    if (separator) repeat = 1;
    else if (hundredInRun(tokens, j, i)) digits += '00';
    else if (j === i && t.lower === 'plus') {
      digits = '+';
      const code = countryCodeAt(tokens, i + 1);
      if (code !== undefined) {
        digits += code.digits;
        spoken = true;
        j = code.next;
        continue;
      }
    } else if (repeatOf(t.lower) !== undefined && isDigitWord(tokens, j + 1))
      repeat = repeatOf(t.lower)!;
    else {
      const d = t.lower === 'ein' ? undefined : spellingDigits(t);
      if (d === undefined) break;
      const prev = j > i ? tokens[j - 1]!.lower : '';
      // "twenty one" is 21; German says units first ("einundzwanzig"), one word.
      if (TENS_EN[prev] !== undefined && (UNITS_EN[t.lower] ?? 0) > 0)
        digits = digits.slice(0, -1) + d;
      else digits += d.repeat(repeat);
      repeat = 1;
    }
    if (!ALL_DIGITS.test(t.lower)) spoken = true;
    j++;
  }
  return { end: j, digits, spoken };
}

/** Whether the run from token `i` to `run.end` is replaced by its digits. */
export function replacesRun(tokens: readonly Word[], i: number, run: NumberRun): boolean {
  if (!run.spoken) return false;
  const j = run.end;
  const street =
    (i > 0 && STREET_WORD.test(tokens[i - 1]!.lower)) ||
    [tokens[j], tokens[j + 1], tokens[j + 2]].some(
      (t) => t !== undefined && STREET_WORD.test(t.lower),
    );
  return run.digits.replace('+', '').length >= (street ? 1 : 5);
}

/**
 * Runs of number words long enough to matter, as replacements by their digits. Returns the
 * tokens it looked at, counting each run's tokens from every start it tried: a measure of the
 * pass's cost, which test/pii/number-runs-linear.test.ts holds proportional to the text.
 */
export function findNumberRuns(
  text: string,
  tokens: readonly Word[],
  replacements: Replacement[],
): number {
  let looked = 0;
  let i = 0;
  while (i < tokens.length) {
    const run = numberRunAt(text, tokens, replacements, i);
    looked += run.end - i + 1;
    if (replacesRun(tokens, i, run)) {
      replacements.push({
        start: tokens[i]!.start,
        end: tokens[run.end - 1]!.end,
        value: run.digits,
      });
      i = run.end;
    } else if (run.end > i && !run.spoken) {
      // A run of digits alone ("0 1 2 3 …") is not replaced, and neither is any run starting
      // inside it: that one ends at the same token (where a run ends does not depend on where
      // it started, test/pii/number-runs-linear.test.ts) and holds digits alone too. Going on at
      // its end, not at the next token, keeps the pass linear: a text of spaced digits made it
      // quadratic (80 KB took a minute of CPU).
      i = run.end;
    } else i++;
  }
  return looked;
}
