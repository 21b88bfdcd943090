import { FUNCTION_WORDS } from './function-words.js';
import type { Emit } from './numbers.js';
import { UK_POSTCODE_AREAS } from './patterns.js';
import { readDigits } from './spoken-digits.js';
import { gapOk } from './spoken-letters.js';
import { digitsOf, spellingDigits } from './spoken-numbers.js';
import { WordHint } from './word-hints.js';
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
  'boulevard',
  'wynd',
]);
// Street words that are ordinary nouns just as often ("one meadow view", "a long walk"): a
// street only in a text that speaks of an address.
const EN_SUFFIX_WITH_CUE = new Set([
  'view',
  'rise',
  'walk',
  'acre',
  'fields',
  'green',
  'park',
  'vale',
  'meadows',
  'side',
  'end',
  'bank',
  'gate',
  'wharf',
  'yard',
  'common',
  'wood',
]);
// German street names without one of the suffixes above ("schlossberg", "rosenhof", "obere
// au"): only in an address's context, like the English ones.
const DE_SUFFIX_WITH_CUE =
  /(?:berg|hof|au|feld|garten|höhe|tal|winkel|anger|hang|kamp|wall|brücke|tor)$/;
const DE_SUFFIX_WORD_WITH_CUE = new Set(['au', 'berg', 'hof', 'feld', 'höhe', 'tal', 'anger']);
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
  'little',
  'big',
  'small',
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
  /(?<![\p{L}])(?:wohne|wohnt|wohnen|umgezogen|adresse|anschrift|postleitzahl|plz|liefer\p{L}*|p l z|address|postcode|post code|live at|lives at|living at|moved to|move to|deliver\p{L}*|paket|parcel|navigate to|navigiere zu|navigation nach|directions to|route to|route nach)(?![\p{L}])/iu;

/** Cheap test before the word walk: a street suffix or an address cue. */
export const ADDRESS_HINT =
  /straße|strasse|weg|allee|gasse|platz|ring|damm|ufer|pfad|steig|graben|stieg|chaussee|promenade|markt|zeile|street|road|lane|avenue|drive|close|way|crescent|gardens|terrace|hill|place|court|grove|mews|square|row|parade|adresse|address|postcode|postleitzahl|wohne|wohnt|anschrift|p l z|live|living|moved|move to|umgezogen|liefer|paket|parcel|navigat|navigier|directions|route|flat/i;
// Before it, by word: a match of a one-word alternative lies inside one word (its letters are
// letters, and no other character matches them under /i); "move to" holds a word with "move",
// and "p l z" the word "l" alone.
export const ADDRESS_WORD_HINT = new WordHint(
  /straße|strasse|weg|allee|gasse|platz|ring|damm|ufer|pfad|steig|graben|stieg|chaussee|promenade|markt|zeile|street|road|lane|avenue|drive|close|way|crescent|gardens|terrace|hill|place|court|grove|mews|square|row|parade|adresse|address|postcode|postleitzahl|wohne|wohnt|anschrift|^l$|live|living|moved|move|umgezogen|liefer|paket|parcel|navigat|navigier|directions|route|flat/i,
);

function isNumberWord(w: Word | undefined): boolean {
  return w !== undefined && digitsOf(w.lower) !== undefined;
}

/** A number said in words: written digits are the written patterns' (`patterns.ts`). */
function isSpokenNumber(w: Word | undefined): boolean {
  if (w === undefined) return false;
  const c = w.lower.charCodeAt(0);
  return !(c >= 48 && c <= 57) && (spellingDigits(w) !== undefined || GERMAN_BIG.test(w.lower));
}

export function findSpokenAddresses(text: string, words: readonly Word[], emit: Emit): void {
  if (!ADDRESS_WORD_HINT.mayHold(words) || !ADDRESS_HINT.test(text)) return;
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
    if (
      (DE_SUFFIX.test(w.lower) || (cue && DE_SUFFIX_WITH_CUE.test(w.lower))) &&
      !NOT_IN_NAME.has(w.lower)
    ) {
      nameStart = i;
      if (DE_SUFFIX_WORD.has(w.lower) || DE_SUFFIX_WORD_WITH_CUE.has(w.lower)) {
        nameStart = -1;
        // "linden straße", "friedrich ebert straße", "obere au": up to three name words before.
        for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
          const prev = words[k]!;
          if (
            !gapOk(text, prev, words[k + 1]!) ||
            NOT_IN_NAME.has(prev.lower) ||
            isNumberWord(prev) ||
            ADDRESS_CUE.test(prev.lower)
          )
            break;
          nameStart = k;
        }
      }
    }
    // "am mühlbach sieben", "an der kirche zwölf", "zum see drei": only in an address's context.
    if (nameStart < 0 && cue && PREPOSITION_STREET.has(w.lower) && i + 1 < words.length) {
      const article = ARTICLE.has(words[i + 1]!.lower) ? 1 : 0;
      const name = words[i + 1 + article];
      // "im winkel nummer neunzig"
      const said = words[i + 2 + article]?.lower === 'nummer' ? 1 : 0;
      if (
        name &&
        !NOT_IN_NAME.has(name.lower) &&
        !isNumberWord(name) &&
        name.lower.length > 2 &&
        // "an der kirche", but "an birkenallee 12" is "an" before a street.
        (article === 1 || !NEEDS_ARTICLE.has(w.lower)) &&
        !DE_SUFFIX.test(name.lower) &&
        isNumberWord(words[i + 2 + article + said])
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
      // "the boiler at one three five meadow rise", "flat ten …": the word before is a cue too.
      const local = cue || LOCAL_CUE.has(words[i - 1]?.lower ?? '');
      const found = englishStreet(text, words, i, local);
      if (found !== undefined) {
        emit(words[found.start]!.start, words[found.end]!.end, 'ADDRESS', 0.8);
        taken.push([words[found.start]!.start, words[found.end]!.end]);
        streets++;
        i = found.end;
      }
    }
  }
  if (streets === 0 && !cue) return;
  findSpokenPostcodes(text, words, emit, taken);
}

const FLAT_WORDS = new Set(['flat', 'apartment', 'unit', 'wohnung']);
const LOCAL_CUE = new Set(['at', 'flat', 'apartment']);

/** "anne's", "anne’s": a word, an apostrophe and an s. */
function apostropheS(text: string, a: Word, b: Word): boolean {
  return b.lower === 's' && b.start === a.end + 1 && (text[a.end] === "'" || text[a.end] === '’');
}

/**
 * "forty two station road", "one two six a riverside drive", "flat ten one three one long
 * acre": a house number said from word i on (its last 1–4 digits when a flat's number comes
 * first), an optional letter, one to three name words and a street word. The first and last
 * word of the street, or undefined.
 */
function englishStreet(
  text: string,
  words: readonly Word[],
  i: number,
  cue: boolean,
): { start: number; end: number } | undefined {
  const run = readDigits(text, words, i, 7);
  if (!run) return undefined;
  // The house number is the run's end: where it starts, the digits read from there run to the
  // same word and make 1–4 digits, no leading zero.
  let start = -1;
  for (let k = i; k < run.next; k++) {
    const n = k === i ? run : readDigits(text, words, k, 7);
    if (n && n.next === run.next && n.digits.length <= 4 && n.digits[0] !== '0') {
      start = k;
      break;
    }
  }
  if (start < 0) return undefined;
  // "flat ten one three one long acre": the flat's number and the word before it belong to the
  // address as well.
  // "flat three twenty two …" (the run read as one number) keeps its flat word as well.
  if (FLAT_WORDS.has(words[i - 1]?.lower ?? '')) start = i - 1;
  else if (start > i) start = i;
  let from = run.next;
  // "twenty seven a old school lane"
  const letter = words[from];
  if (letter && /^[a-h]$/.test(letter.lower) && gapOk(text, words[from - 1]!, letter)) from++;
  for (let k = from; k < from + 5 && k < words.length; k++) {
    const x = words[k]!;
    // "saint anne's road": the apostrophe splits a name word.
    if (!gapOk(text, words[k - 1]!, x) && !apostropheS(text, words[k - 1]!, x)) break;
    if (k > from && (EN_SUFFIX.has(x.lower) || (cue && EN_SUFFIX_WITH_CUE.has(x.lower)))) {
      // "victoria park road": a street word may follow another.
      let end = k;
      while (
        EN_SUFFIX.has(words[end + 1]?.lower ?? '') &&
        gapOk(text, words[end]!, words[end + 1]!)
      )
        end++;
      return { start, end };
    }
    if (NOT_IN_NAME.has(x.lower) || isNumberWord(x)) break;
  }
  return undefined;
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

/**
 * The start of a street found just before word i: a street, postcode and town said in one
 * piece are one address, as they are written.
 */
function streetBefore(
  text: string,
  words: readonly Word[],
  i: number,
  taken: readonly [number, number][],
): number | undefined {
  const prev = words[i - 1];
  // Spaces only: "lindenstraße zwölf, null eins …" was split by whoever wrote it.
  if (prev === undefined || !/^ +$/.test(text.slice(prev.end, words[i]!.start))) return undefined;
  for (const [a, b] of taken) if (b === prev.end) return a;
  return undefined;
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
        emit(streetBefore(text, words, i, taken) ?? w.start, end, 'ADDRESS', 0.8);
        i = n.next;
        continue;
      }
    }
    const uk = ukPostcodeAt(text, words, i);
    if (uk !== undefined) {
      emit(streetBefore(text, words, i, taken) ?? w.start, words[uk - 1]!.end, 'ADDRESS', 0.8);
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
