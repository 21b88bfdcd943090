import { FUNCTION_WORDS } from './function-words.js';
import type { Emit } from './numbers.js';
import { UK_POSTCODE_AREAS } from './patterns.js';
import { readDigits } from './spoken-digits.js';
import { gapOk } from './spoken-letters.js';
import { digitsOf } from './spoken-numbers.js';
import type { Word } from './words.js';

/**
 * Addresses as a transcript writes them, numbers in words: "lindenstraße dreiundzwanzig a",
 * "linden straße zwölf", "ringstraße hunderteinundzwanzig", a postcode said digit by digit or
 * in pairs before its town ("neun fünf sechs drei zwei zwiesel"); "forty two station road",
 * "one hundred and five high street", "one two five hawthorn drive", British postcodes spelt
 * ("l s six two a b"). Found on the text as it is; a postcode only beside a street or an
 * address cue, since five digits and a word alone say little.
 */

const DE_SUFFIX =
  /(?:straße|strasse|weg|allee|gasse|platz|ring|damm|ufer|pfad|steig|graben|stieg|chaussee|promenade|markt|zeile)$/;
// A suffix said as a word of its own after the name ("linden straße").
const DE_SUFFIX_WORD = new Set(['straße', 'strasse', 'weg', 'allee', 'gasse', 'platz', 'ring']);
const EN_SUFFIX = new Set([
  'street',
  'road',
  'lane',
  'avenue',
  'drive',
  'close',
  'way',
  'crescent',
  'gardens',
  'terrace',
  'hill',
  'place',
  'court',
  'grove',
  'mews',
  'square',
  'row',
  'parade',
]);
// Words a street name does not hold, and the units a number before "… way" or "… hill" would
// count instead ("a ten minute walk", "two miles up the hill").
const NOT_IN_NAME = new Set([
  ...FUNCTION_WORDS,
  'minute',
  'minutes',
  'mile',
  'miles',
  'hour',
  'hours',
  'year',
  'years',
  'day',
  'days',
  'pound',
  'pounds',
  'yard',
  'yards',
  'metre',
  'metres',
  'meter',
  'meters',
  'kilometer',
  'kilometre',
  'steep',
  'long',
  'little',
  'big',
  'small',
  'old',
]);
const UNIT_AFTER = new Set([
  'kilometer',
  'meter',
  'minuten',
  'stunden',
  'euro',
  'prozent',
  'mal',
  'jahre',
  'tage',
  'km',
  'uhr',
]);
const GERMAN_BIG = /hundert|tausend/;
const PREPOSITION_STREET = new Set(['am', 'im', 'an', 'auf', 'zum', 'zur', 'unter', 'hinter']);
const NEEDS_ARTICLE = new Set(['an', 'auf', 'unter', 'hinter']);
const ARTICLE = new Set(['der', 'dem', 'den', 'die']);
const TOWN_PREFIX = new Set(['bad', 'sankt', 'st', 'neu', 'alt', 'groß', 'klein', 'hohen']);
const ADDRESS_CUE =
  /(?<![\p{L}])(?:wohne|wohnt|wohnen|adresse|anschrift|postleitzahl|plz|liefer\p{L}*|p l z|address|postcode|post code|live at|lives at|deliver\p{L}*)(?![\p{L}])/iu;

/** Cheap test before the word walk: a street suffix or an address cue. */
const HINT =
  /straße|strasse|weg|allee|gasse|platz|ring|damm|ufer|pfad|steig|graben|stieg|chaussee|promenade|markt|zeile|street|road|lane|avenue|drive|close|way|crescent|gardens|terrace|hill|place|court|grove|mews|square|row|parade|adresse|address|postcode|postleitzahl|wohne|wohnt|anschrift|p l z|live/i;

function isNumberWord(w: Word | undefined): boolean {
  return w !== undefined && digitsOf(w.lower) !== undefined;
}

/** A number said in words: written digits are the written patterns' (`patterns.ts`). */
function isSpokenNumber(w: Word | undefined): boolean {
  if (w === undefined) return false;
  const c = w.lower.charCodeAt(0);
  return !(c >= 48 && c <= 57) && (digitsOf(w.lower) !== undefined || GERMAN_BIG.test(w.lower));
}

export function findSpokenAddresses(text: string, words: readonly Word[], emit: Emit): void {
  if (!HINT.test(text)) return;
  // Every form here holds a number: a text without one is done.
  let numbers = false;
  for (const w of words)
    if (isSpokenNumber(w)) {
      numbers = true;
      break;
    }
  if (!numbers) return;
  let streets = 0;
  const cue = ADDRESS_CUE.test(text);
  const taken: [number, number][] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // German: a street word, then its number.
    let nameStart = -1;
    if (DE_SUFFIX.test(w.lower) && !NOT_IN_NAME.has(w.lower)) {
      nameStart = i;
      if (DE_SUFFIX_WORD.has(w.lower)) {
        const prev = words[i - 1];
        nameStart =
          prev && gapOk(text, prev, w) && !NOT_IN_NAME.has(prev.lower) && !isNumberWord(prev)
            ? i - 1
            : -1;
      }
    }
    // "am mühlbach sieben", "an der kirche zwölf", "zum see drei": only in an address's context.
    if (nameStart < 0 && cue && PREPOSITION_STREET.has(w.lower) && i + 1 < words.length) {
      const article = ARTICLE.has(words[i + 1]!.lower) ? 1 : 0;
      const name = words[i + 1 + article];
      if (
        name &&
        !NOT_IN_NAME.has(name.lower) &&
        !isNumberWord(name) &&
        name.lower.length > 2 &&
        // "an der kirche", but "an birkenallee 12" is "an" before a street.
        (article === 1 || !NEEDS_ARTICLE.has(w.lower)) &&
        !DE_SUFFIX.test(name.lower) &&
        isNumberWord(words[i + 2 + article])
      ) {
        nameStart = i;
        i += 1 + article;
      }
    }
    let numberAt = i + 1;
    // "hauptstraße nummer zwölf", "hausnummer".
    if (nameStart >= 0 && /^(?:nummer|hausnummer|number|no)$/.test(words[numberAt]?.lower ?? ''))
      numberAt++;
    if (
      nameStart >= 0 &&
      numberAt < words.length &&
      gapOk(text, words[numberAt - 1]!, words[numberAt]!)
    ) {
      const n = houseNumber(text, words, numberAt);
      if (
        n &&
        n.digits.length <= 3 &&
        n.digits[0] !== '0' &&
        !UNIT_AFTER.has(words[n.next]?.lower ?? '')
      ) {
        let end = words[n.next - 1]!.end;
        let next = n.next;
        // "dreiundzwanzig a"
        const letter = words[next];
        if (letter && /^[a-h]$/.test(letter.lower) && gapOk(text, words[next - 1]!, letter)) {
          const after = words[next + 1];
          if (!after || !/^[a-z]$/.test(after.lower)) {
            end = letter.end;
            next++;
          }
        }
        emit(words[nameStart]!.start, end, 'ADDRESS', 0.8);
        taken.push([words[nameStart]!.start, end]);
        streets++;
        i = next - 1;
        continue;
      }
    }
    // English: a number, one or two name words, a street word.
    if (isSpokenNumber(w) && (i === 0 || !isNumberWord(words[i - 1]))) {
      const n = readDigits(text, words, i, 7);
      if (n && n.digits.length <= 4 && n.digits[0] !== '0') {
        for (let k = n.next; k < n.next + 4 && k < words.length; k++) {
          const x = words[k]!;
          if (!gapOk(text, words[k - 1]!, x)) break;
          if (k > n.next && EN_SUFFIX.has(x.lower)) {
            emit(w.start, x.end, 'ADDRESS', 0.8);
            taken.push([w.start, x.end]);
            streets++;
            i = k;
            break;
          }
          if (NOT_IN_NAME.has(x.lower) || isNumberWord(x)) break;
        }
      }
    }
  }
  if (streets === 0 && !cue) return;
  findSpokenPostcodes(text, words, emit, taken);
}

/**
 * The house number after a street word, 1–3 digits. When the digits run on into five more and a
 * town ("fünfundvierzig zwei neun acht null sieben lauterbach"), the run is cut where the
 * postcode starts.
 */
function houseNumber(
  text: string,
  words: readonly Word[],
  k: number,
): { digits: string; next: number } | undefined {
  const n = readDigits(text, words, k, 3);
  if (n === undefined || n.digits.length <= 3) {
    const whole = readDigits(text, words, k, 10);
    if (!whole || whole.digits.length <= 3) return n;
  }
  for (let p = k + 1; p <= k + 3 && p < words.length; p++) {
    const house = readDigits(text, words, k, p - k);
    const code = readDigits(text, words, p, 6);
    if (house && house.next === p && house.digits.length <= 3 && code?.digits.length === 5)
      return house;
  }
  return n;
}

function inside(taken: readonly [number, number][], pos: number): boolean {
  return taken.some(([a, b]) => pos >= a && pos < b);
}

/** German postcodes with their town, British postcodes spelt. */
function findSpokenPostcodes(
  text: string,
  words: readonly Word[],
  emit: Emit,
  taken: readonly [number, number][],
): void {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (inside(taken, w.start)) continue;
    if (
      isNumberWord(w) &&
      (i === 0 || !isNumberWord(words[i - 1]) || inside(taken, words[i - 1]!.start))
    ) {
      const n = readDigits(text, words, i, 6);
      const town = words[n?.next ?? -1];
      if (
        n &&
        n.digits.length === 5 &&
        town &&
        gapOk(text, words[n.next - 1]!, town) &&
        !NOT_IN_NAME.has(town.lower) &&
        !isNumberWord(town) &&
        town.lower.length > 2
      ) {
        let end = town.end;
        const second = words[n.next + 1];
        if (TOWN_PREFIX.has(town.lower) && second && gapOk(text, town, second)) end = second.end;
        emit(w.start, end, 'ADDRESS', 0.8);
        i = n.next;
        continue;
      }
    }
    const uk = ukPostcodeAt(text, words, i);
    if (uk !== undefined) {
      emit(w.start, words[uk - 1]!.end, 'ADDRESS', 0.8);
      i = uk - 1;
    }
  }
}

const isLetter = (w: Word | undefined) => w !== undefined && /^[a-z]$/.test(w.lower);

/** "l s six two a b", "e h three nine q t", "y o ten five d d": the index after it. */
function ukPostcodeAt(text: string, words: readonly Word[], i: number): number | undefined {
  let k = i;
  let area = '';
  while (
    area.length < 2 &&
    isLetter(words[k]) &&
    (k === i || gapOk(text, words[k - 1]!, words[k]!))
  ) {
    area += words[k]!.lower;
    k++;
  }
  if (area.length === 0 || !UK_POSTCODE_AREAS.has(area.toUpperCase())) return undefined;
  // The outward digits (one or two, "ten" too), an optional letter, then the inward code.
  const out = readDigits(text, words, k, 2);
  if (!out || out.digits.length > 3 || !gapOk(text, words[k - 1]!, words[k]!)) return undefined;
  let j = out.next;
  let digits = out.digits;
  if (isLetter(words[j]) && digitsOf(words[j + 1]?.lower ?? '') !== undefined) j++;
  // The inward code's digit may have been read with the outward ones ("six two" → "62").
  let inwardDigit = false;
  if (digits.length >= 2 && !isNumberWord(words[j])) {
    digits = digits.slice(0, -1);
    inwardDigit = true;
  } else if (isNumberWord(words[j]) && digitsOf(words[j]!.lower)!.length === 1) {
    inwardDigit = true;
    j++;
  }
  if (!inwardDigit || digits.length === 0) return undefined;
  if (!isLetter(words[j]) || !isLetter(words[j + 1])) return undefined;
  if (!gapOk(text, words[j - 1]!, words[j]!) || !gapOk(text, words[j]!, words[j + 1]!))
    return undefined;
  return j + 2;
}
