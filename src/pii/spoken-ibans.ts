import { IBAN_LENGTHS, ibanValid } from './checksums.js';
import { SPELLING_WORDS, speltLetter } from './spoken-letters.js';
import { digitsOf, REPEAT, TENS_EN, UNITS_EN } from './spoken-numbers.js';
import type { Replacement } from './spoken-replacements.js';
import type { Word } from './words.js';

/**
 * Spoken IBANs as a speech recogniser writes them: the country spelt ("d e", or "de"), then
 * the digits as number words or digits, one by one or in groups ("d e acht neun drei sieben
 * …", "d e neunundachtzig siebenunddreißig null vier …", "g b two nine n w b k …"), letters of
 * the account part spelt one by one. Written out as the IBAN they spell, so that the written
 * recognizer (`numbers.ts`) checks its length and mod-97 check digits: no cue needed, and a
 * run that spells no valid IBAN stays as it was.
 */

// Between two spoken parts: spaces, a comma or a hyphen of a grouped reading, a full stop.
const GAP = /^[\s,.-]*$/;
// "o" may be the letter O or the digit 0; at most this many are tried both ways.
const MAX_AMBIGUOUS = 6;

interface Part {
  readonly end: number;
  /** What the word may stand for: one reading, or the digit and the letter for "o". */
  readonly readings: readonly string[];
}

function isLetter(w: string): boolean {
  return letterOf(w) !== undefined;
}

/** A spelt letter: a lone letter, or a word of a spelling alphabet ("golf bravo", "berta"). */
function letterOf(w: string): string | undefined {
  if (w.length === 1) return w >= 'a' && w <= 'z' ? w : undefined;
  return SPELLING_WORDS.get(w);
}

const LINKS = new Set(['wie', 'for', 'as']);

/**
 * A letter spelt with its word at word k ("d wie dora", "g for golf", "o as in oscar"): the
 * letter and the index of the word after it. Only when a link word follows the lone letter.
 */
function linkedLetter(
  text: string,
  words: readonly Word[],
  k: number,
): { letter: string; next: number } | undefined {
  const link = words[k + 1]?.lower;
  if (link === undefined || !LINKS.has(link) || words[k]!.lower.length !== 1) return undefined;
  const s = speltLetter(text, words, k);
  return s?.alphabet ? { letter: s.letter, next: s.next } : undefined;
}

/** The country code spelt at word i ("d e", "de", "d wie dora e wie emil"), and the index of the word after it. */
function country(words: readonly Word[], text: string, i: number): [string, number] | undefined {
  const a = words[i]!.lower;
  if (a.length === 2 && IBAN_LENGTHS[a.toUpperCase()] !== undefined)
    return [a.toUpperCase(), i + 1];
  const linkedA = linkedLetter(text, words, i);
  const first = linkedA?.letter ?? letterOf(a);
  const j = linkedA?.next ?? i + 1;
  const b = words[j];
  if (first === undefined || b === undefined) return undefined;
  if (!GAP.test(text.slice(words[j - 1]!.end, b.start))) return undefined;
  const linkedB = linkedLetter(text, words, j);
  const second = linkedB?.letter ?? letterOf(b.lower);
  if (second === undefined) return undefined;
  const code = (first + second).toUpperCase();
  return IBAN_LENGTHS[code] === undefined ? undefined : [code, linkedB?.next ?? j + 1];
}

/**
 * The parts after the country code, until `need` characters are spelt: digits (with
 * "double"/"doppel"/"triple" and English "twenty one"), spelt letters. Undefined when the
 * words stop or overshoot first.
 */
function parts(
  words: readonly Word[],
  text: string,
  from: number,
  need: number,
): Part[] | undefined {
  const out: Part[] = [];
  let have = 0;
  let repeat = 1;
  for (let k = from; k < words.length; k++) {
    const w = words[k]!;
    // Done, unless this word is the unit of an English tens word that ended the count.
    if (
      have >= need &&
      !(TENS_EN[words[k - 1]!.lower] !== undefined && (UNITS_EN[w.lower] ?? 0) > 0)
    )
      break;
    if (!GAP.test(text.slice(words[k - 1]!.end, w.start))) {
      if (have >= need) break;
      return undefined;
    }
    const linked = linkedLetter(text, words, k);
    if (linked !== undefined) {
      const letter = linked.letter.toUpperCase().repeat(repeat);
      repeat = 1;
      have += letter.length;
      k = linked.next - 1;
      out.push({ end: words[k]!.end, readings: [letter] });
      continue;
    }
    const r = REPEAT[w.lower];
    if (r !== undefined && repeat === 1) {
      repeat = r;
      continue;
    }
    const d = digitsOf(w.lower);
    let readings: string[];
    if (d !== undefined) {
      const prev = words[k - 1]!.lower;
      // "twenty one" is 21: the unit takes the place of the tens' zero.
      if (repeat === 1 && TENS_EN[prev] !== undefined && (UNITS_EN[w.lower] ?? 0) > 0) {
        const last = out.pop()!;
        out.push({ end: w.end, readings: [last.readings[0]!.slice(0, -1) + d] });
        continue;
      }
      readings = [d.repeat(repeat)];
      // "oh" is said for the digit; "o" alone may be the letter of a bank code ("l o y d").
      if (w.lower === 'o' || w.lower === 'oh') readings.push('O'.repeat(repeat));
    } else if (w.lower === 'ray' && words[k - 1]?.lower === 'x') {
      continue; // "x-ray", split by the tokenizer: the "x" was the letter
    } else if (isLetter(w.lower)) readings = [letterOf(w.lower)!.toUpperCase().repeat(repeat)];
    else return undefined;
    repeat = 1;
    have += readings[0]!.length;
    out.push({ end: w.end, readings });
  }
  if (have !== need) return undefined;
  // The run must end there: twenty digits are no IBAN of eighteen.
  const used = from + wordsUsed(words, from, out);
  const after = words[used];
  if (after && GAP.test(text.slice(words[used - 1]!.end, after.start)))
    if (
      digitsOf(after.lower) !== undefined ||
      REPEAT[after.lower] ||
      (isLetter(after.lower) && !openingLoneLetter(words, used))
    )
      return undefined;
  return out;
}

/**
 * Whether the lone letter at word k opens the next sentence rather than going on with a spelt
 * run: "… eight two i have never seen it", "… vier zwei a ist …": the word after it is no spelt
 * part (no letter, digit or "double"), as a speaker's next spelt letter would be.
 */
function openingLoneLetter(words: readonly Word[], k: number): boolean {
  if (words[k]!.lower.length !== 1) return false;
  const next = words[k + 1]?.lower;
  return (
    next !== undefined &&
    digitsOf(next) === undefined &&
    !isLetter(next) &&
    REPEAT[next] === undefined
  );
}

function wordsUsed(words: readonly Word[], from: number, list: readonly Part[]): number {
  const end = list[list.length - 1]?.end ?? -1;
  let k = from;
  while (k < words.length && words[k]!.end <= end) k++;
  return k - from;
}

/** The first reading of the parts that is a valid IBAN, trying both readings of "o". */
function validReading(code: string, list: readonly Part[]): string | undefined {
  const ambiguous = list.filter((p) => p.readings.length > 1).length;
  if (ambiguous > MAX_AMBIGUOUS) return undefined;
  for (let mask = 0; mask < 1 << ambiguous; mask++) {
    let bit = 0;
    let s = code;
    for (const p of list) {
      if (p.readings.length > 1) s += p.readings[(mask >> bit++) & 1]!;
      else s += p.readings[0]!;
    }
    // The check digits are digits.
    if (/^[A-Z]{2}\d{2}/.test(s) && ibanValid(s)) return s;
  }
  return undefined;
}

export function findSpokenIbans(
  text: string,
  words: readonly Word[],
  replacements: Replacement[],
): void {
  let i = 0;
  while (i < words.length) {
    const c = country(words, text, i);
    if (c === undefined) {
      i++;
      continue;
    }
    const [code, next] = c;
    const list =
      next < words.length ? parts(words, text, next, IBAN_LENGTHS[code]! - 2) : undefined;
    const iban = list && list.length > 0 ? validReading(code, list) : undefined;
    const last = list?.[list.length - 1];
    if (iban !== undefined && last !== undefined) {
      replacements.push({ start: words[i]!.start, end: last.end, value: iban });
      while (i < words.length && words[i]!.end <= last.end) i++;
    } else i++;
  }
}
