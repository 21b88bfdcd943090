import { mentionsVehicle, vehicleContext } from './context.js';
import { FUNCTION_WORDS } from './function-words.js';
import type { Emit } from './numbers.js';
import { readDigits } from './spoken-digits.js';
import { gapOk, SPELLING_WORDS, speltLetter } from './spoken-letters.js';
import { digitsOf } from './spoken-numbers.js';
import type { Word } from './words.js';

/**
 * Licence plates as a transcript writes them, German and British:
 * "m a b eins zwei drei", "h h minus x y neun neun", "martha anton berta zwölf vierunddreißig",
 * "münchen aachen berlin …" (2022 city alphabet), "w u n k zweiundvierzig", "mike alpha bravo
 * one two three"; British "a b one two c d e", "lima kilo seventy x-ray papa tango".
 * A run counts only beside a vehicle cue (before it, or shortly after), as before.
 */

const SEPARATORS = new Set(['minus', 'strich', 'bindestrich', 'dash', 'hyphen']);
// A district said as one token of two or three consonants ("hh", "hb", "wn").
const CLUSTER = /^[bcdfghjklmnpqrstvwxz]{2,3}$/;
// Or any two or three letters a recogniser wrote as one word ("wun", "gap", "ab"), when no
// function word or cue: only at the start of a run that goes on with letters or digits.
const LETTERS = /^[a-zäöü]{2,3}$/;
const NO_DISTRICT = new Set([
  ...FUNCTION_WORDS,
  'kfz',
  'pkw',
  'lkw',
  'car',
  'van',
  'reg',
  'suv',
  'cab',
  'bus',
  'ist',
  'its',
  'mit',
  'und',
  'the',
  'and',
  'one',
  'two',
  'six',
  'ten',
  'elf',
  'oh',
]);

function isCluster(w: string, afterNoun = false): boolean {
  return (
    (CLUSTER.test(w) || LETTERS.test(w)) &&
    (!NO_DISTRICT.has(w) || (afterNoun && w.length === 2 && !LINKING_VERBS.has(w))) &&
    digitsOf(w) === undefined
  );
}

// The nouns that name a plate; a district right after one ("kennzeichen da u acht", "plate is
// da c one five") may be a two-letter function word: Darmstadt is "da", Amberg "am".
const PLATE_NOUNS = new Set([
  'kennzeichen',
  'nummernschild',
  'autokennzeichen',
  'plate',
  'registration',
  'reg',
]);
const LINKING_VERBS = new Set(['ist', 'is', 'lautet', 'war', 'was', 'reads']);

/** Whether word i follows a plate noun, with at most a linking verb between them. */
function afterPlateNoun(words: readonly Word[], i: number): boolean {
  const a = words[i - 1]?.lower;
  if (a === undefined) return false;
  if (PLATE_NOUNS.has(a)) return true;
  return LINKING_VERBS.has(a) && PLATE_NOUNS.has(words[i - 2]?.lower ?? '');
}
const CUE_AFTER = 40;

interface Letters {
  readonly letters: string;
  readonly next: number;
  readonly start: number;
  /** Index of the separator word within the run, when one was said. */
  readonly separated: boolean;
}

/** Up to `max` spelt letters from word k (one said hyphen allowed after the first 1–3). */
function readLetters(
  text: string,
  words: readonly Word[],
  k: number,
  max: number,
  allowSeparator: boolean,
  allowCluster: boolean,
  afterNoun = false,
): Letters | undefined {
  let letters = '';
  let j = k;
  let separated = false;
  if (allowCluster && isCluster(words[k]?.lower ?? '', afterNoun)) {
    letters = words[k]!.lower;
    j = k + 1;
    // "gap k …", "m ab …": the letters after a district said as one word may be one word too.
    const two = words[j]?.lower ?? '';
    if (
      two.length === 2 &&
      isCluster(two) &&
      gapOk(text, words[j - 1]!, words[j]!) &&
      readDigits(text, words, j + 1, 1) !== undefined
    ) {
      letters += two;
      j++;
    }
  }
  while (j < words.length && letters.length < max) {
    if (j > k && !gapOk(text, words[j - 1]!, words[j]!)) break;
    if (
      allowSeparator &&
      !separated &&
      letters.length >= 1 &&
      letters.length <= 3 &&
      SEPARATORS.has(words[j]!.lower)
    ) {
      separated = true;
      j++;
      continue;
    }
    const s = speltLetter(text, words, j);
    if (s === undefined) {
      // "m ab zwölf": the letters after the district written as one word, right before digits.
      const two = words[j]!.lower;
      if (
        allowCluster &&
        letters !== 'i' &&
        letters !== 'a' &&
        letters.length >= 1 &&
        letters.length <= 3 &&
        LETTERS.test(two) &&
        two.length === 2 &&
        digitsOf(two) === undefined &&
        readDigits(text, words, j + 1, 1) !== undefined
      ) {
        letters += two;
        j++;
      }
      break;
    }
    letters += s.letter;
    j = s.next;
  }
  if (letters.length === 0) return undefined;
  return { letters, next: j, start: words[k]!.start, separated };
}

/** Whether spelling goes on at word k ("i" and "a" are English words more often). */
function longerRun(text: string, words: readonly Word[], k: number): boolean {
  const w = words[k];
  if (w === undefined || !gapOk(text, words[k - 1]!, w) || w.lower === 'i' || w.lower === 'a')
    return false;
  return speltLetter(text, words, k) !== undefined;
}

function vehicleCue(text: string, start: number, end: number): boolean {
  return vehicleContext(text, start, end, CUE_AFTER);
}

/** Finds spoken plates; `words` is the text's word split. */
export function findSpokenPlates(text: string, words: readonly Word[], emit: Emit): void {
  if (!mentionsVehicle(text)) return;
  let i = 0;
  while (i < words.length) {
    // A plate starts with a letter, a district of up to three letters or a spelling word.
    const first = words[i]!.lower;
    if (first.length > 3 && !SPELLING_WORDS.has(first)) {
      i++;
      continue;
    }
    const found = plateAt(text, words, i);
    if (found === undefined) {
      i++;
      continue;
    }
    const [end, next] = found;
    if (vehicleCue(text, words[i]!.start, end)) {
      // Opened with a spelling alphabet's word ("samuel …", "papa …") and holding a number, the
      // run outranks a name read from the same words.
      emit(
        words[i]!.start,
        end,
        'VEHICLE_PLATE',
        first.length > 1 && SPELLING_WORDS.has(first) ? 0.92 : 0.85,
      );
      i = next;
    } else i++;
  }
}

/** The end offset and next word index of a plate starting at word i. */
function plateAt(text: string, words: readonly Word[], i: number): [number, number] | undefined {
  const first = speltLetter(text, words, i);
  const afterNoun = afterPlateNoun(words, i);
  if (first === undefined && !isCluster(words[i]!.lower, afterNoun)) return undefined;
  // Never start inside a run of letters: the run's first letter starts the plate.
  if (i > 0 && gapOk(text, words[i - 1]!, words[i]!) && speltLetter(text, words, i - 1, false))
    return undefined;
  // British: two letters, two digits, three letters.
  const area = readLetters(text, words, i, 2, false, false);
  if (area && area.letters.length === 2) {
    const age = readDigits(text, words, area.next, 2);
    if (age && age.digits.length === 2 && gapOk(text, words[area.next - 1]!, words[area.next]!)) {
      const tail = readLetters(text, words, age.next, 3, false, false);
      if (
        tail &&
        tail.letters.length === 3 &&
        gapOk(text, words[age.next - 1]!, words[age.next]!) &&
        !longerRun(text, words, tail.next)
      )
        return [words[tail.next - 1]!.end, tail.next];
    }
  }
  // German: one to three district letters, a said hyphen maybe, one or two letters, 1–4 digits.
  const run = readLetters(text, words, i, 5, true, true, afterNoun);
  if (run === undefined || run.next >= words.length) return undefined;
  if (!gapOk(text, words[run.next - 1]!, words[run.next]!)) return undefined;
  const number = readDigits(text, words, run.next, 6);
  if (number === undefined || number.digits.length > 4 || number.digits[0] === '0')
    return undefined;
  if (run.letters.length >= 2)
    return (
      (run.letters.length <= 3 ? writtenTail(text, words, i, number.next) : undefined) ?? [
        words[number.next - 1]!.end,
        number.next,
      ]
    );
  return letteredTail(text, words, i, number.next);
}

// Written, the letters after the number are one word of capitals: "S 36 XP", "MD 326 JF"; not a
// floor's or a company's abbreviation ("Halle B 3 OG").
const WRITTEN_LETTERS = /^[A-ZÄÖÜ]{1,3}$/;
const NOT_PLATE_TAIL = new Set([
  'OG',
  'EG',
  'UG',
  'DG',
  'KG',
  'AG',
  'EUR',
  'USD',
  'KM',
  'PS',
  'KW',
]);

/** The capitals after a written plate's number (word k), when its first word (i) is capitals too. */
function writtenTail(
  text: string,
  words: readonly Word[],
  i: number,
  k: number,
): [number, number] | undefined {
  const w = words[k];
  if (w === undefined || !gapOk(text, words[k - 1]!, w)) return undefined;
  const tail = text.slice(w.start, w.end);
  if (!WRITTEN_LETTERS.test(tail) || NOT_PLATE_TAIL.has(tail)) return undefined;
  if (!WRITTEN_LETTERS.test(text.slice(words[i]!.start, words[i]!.end))) return undefined;
  return [w.end, k + 1];
}

/**
 * Letters, a number, letters: the order of many plates from abroad (Italian "ab 123 cd", French
 * "ab-123-cd", Polish and Balkan ones) and of a plate read out of order, "l zweiundfünfzig m",
 * "samuel fünfhundert berta". A single letter first (a longer district took the German path
 * already), never "a" or "i", English words more often; one to three letters after the number,
 * and no spelling going on after them.
 */
function letteredTail(
  text: string,
  words: readonly Word[],
  i: number,
  afterNumber: number,
): [number, number] | undefined {
  const first = words[i]!.lower;
  if (first === 'a' || first === 'i' || afterNumber >= words.length) return undefined;
  if (!gapOk(text, words[afterNumber - 1]!, words[afterNumber]!)) return undefined;
  const written = writtenTail(text, words, i, afterNumber);
  if (written !== undefined) return written;
  const tail = readLetters(text, words, afterNumber, 3, false, false);
  if (tail === undefined || longerRun(text, words, tail.next)) return undefined;
  return [words[tail.next - 1]!.end, tail.next];
}
