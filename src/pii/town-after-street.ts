import { CUE_WORDS, verbShaped } from './frames.js';
import { EVERYDAY, FUNCTION, gazetteer, isPlace, PLACE_START } from './gazetteer.js';
import type { Emit } from './numbers.js';
import { digitsOf } from './spoken-numbers.js';
import type { PiiSpan } from './types.js';

// Regexes made once, not on every call.
const CAPITAL = /\p{Lu}/u;

/** Above the tagger (0.7) and the shape rules (0.6), so "27 Larkspur Avenue, Dunmanway" keeps its town as a place. */
export const TOWN_AFTER_STREET_SCORE = 0.8;

// After a street and number, a comma or a space, then one word (maybe hyphenated) and the end
// of the phrase or another word: "Lindenstraße 5, Kleinroda", "14 orchard close ballykinler".
const TOWN = /^(?:,\s*|\s+)(?:in\s+)?([\p{L}][\p{L}'’]*(?:-[\p{L}][\p{L}'’]*)*)/u;

const SPACES = /^ +$/;
const UK_POSTCODE_END = /[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/;
const POSTCODE_TOWN = /(?<!\d)\d{4,5} \p{Lu}/u;

const NEXT_CAPITAL = /^ (\p{Lu}[\p{L}'’]*(?:-[\p{L}][\p{L}'’]*)*)/u;

// Parts of an address that are no town: "Birkenweg 3, Erdgeschoss links", "12 Mill Lane, Flat 2".
const ADDRESS_PARTS = new Set(
  'erdgeschoss obergeschoss dachgeschoss untergeschoss souterrain hochparterre parterre hinterhaus vorderhaus seitenflügel gartenhaus etage stock links rechts mitte wohnung apartment appartement zimmer haus hof eingang aufgang klingel flat floor unit suite apt apartment building block room ground first second third upstairs downstairs rear front'.split(
    ' ',
  ),
);

/**
 * The town written right after a street address ("Lindenstraße 5, Kleinroda", "i live at 14
 * orchard close ballykinler"): a place by where it stands, which no list needs to know. Not a
 * word that a list calls ordinary, a function or cue word, a number word, nor one written in
 * small letters in a text that has capitals.
 */
export function findTownsAfterStreets(text: string, found: readonly PiiSpan[], emit: Emit): void {
  const flags = gazetteer().flags;
  let lowercase: boolean | undefined;
  // Only the spans found so far: the towns emitted here are no addresses.
  for (const s of found.slice()) {
    if (s.type !== 'ADDRESS') continue;
    lowercase ??= !CAPITAL.test(text);
    const m = TOWN.exec(text.slice(s.end, s.end + 60));
    if (!m) continue;
    // An address that holds its postcode holds its town (before a British postcode, after a
    // German one): the next line's first word ("… EH8 5JY\nAdmitted via …", "… 12345
    // Lindenfeld\nAufnahme über …") starts something else.
    if (m[0].includes('\n') && (UK_POSTCODE_END.test(s.text) || POSTCODE_TOWN.test(s.text)))
      continue;
    const word = m[1]!;
    const lower = word.toLowerCase();
    if (word.length < 3 || (!lowercase && word[0] === lower[0])) continue;
    if (ADDRESS_PARTS.has(lower) || CUE_WORDS.has(lower) || digitsOf(lower) !== undefined) continue;
    const start = s.end + m[0].length - word.length;
    // A transcript has no comma to split a street from its town: said in one piece, street,
    // town and postcode are one address, as written in one piece. A word between a street and
    // its postcode is the town even when it is also a word ("derby").
    const inOnePiece = lowercase && SPACES.test(m[0].slice(0, m[0].length - word.length));
    const postcode = inOnePiece
      ? (postcodeAfter(text, found, start + word.length) ??
        postcodeAfterTown(text, found, start + word.length))
      : undefined;
    const f = flags.get(lower) ?? 0;
    const listedPlace = (f & PLACE_START) !== 0 || isPlace(word);
    if (!postcode && !listedPlace && (f & (EVERYDAY | FUNCTION)) !== 0) continue;
    // "bitte an fliederweg siebzig a schicken": a verb closing the sentence, not a town.
    if (!postcode && !listedPlace && lowercase && verbAtEnd(text, lower, start + word.length))
      continue;
    if (inOnePiece) {
      const end = postcode?.end ?? townEnd(found, start, start + word.length);
      emit(s.start, postcodeAfter(text, found, end)?.end ?? end, 'ADDRESS', s.score);
      continue;
    }
    // A place the lists know is found already, with all its words ("New Haven").
    if (found.some((o) => o.type === 'LOCATION' && o.start === start)) continue;
    let end = start + word.length;
    if (!lowercase) {
      // Further capitalised words belong to the town: "Bad Kleinroda", "Port Ellin".
      for (let k = 0; k < 2; k++) {
        const n = NEXT_CAPITAL.exec(text.slice(end, end + 40));
        if (!n || CUE_WORDS.has(n[1]!.toLowerCase())) break;
        if (((flags.get(n[1]!.toLowerCase()) ?? 0) & FUNCTION) !== 0) break;
        end += n[0].length;
      }
    }
    emit(start, end, 'LOCATION', TOWN_AFTER_STREET_SCORE);
  }
}

/** The end of the town starting at `start`: all the words of a place or name found there ("bishop auckland"). */
function townEnd(found: readonly PiiSpan[], start: number, end: number): number {
  for (const o of found)
    if (o.start === start && (o.type === 'LOCATION' || o.type === 'PERSON') && o.end > end)
      end = o.end;
  return end;
}

/** An address (a postcode) found right after `end`, spaces between. */
function postcodeAfter(text: string, found: readonly PiiSpan[], end: number): PiiSpan | undefined {
  return found.find(
    (o) => o.type === 'ADDRESS' && o.start > end && SPACES.test(text.slice(end, o.start)),
  );
}

// One or two more words of a town's name before its postcode ("… tallow lane market deeping p
// e six …"): words of two letters or more, as the postcode's are spelt one letter at a time.
const TOWN_WORDS = /^(?: [a-z'’-]{2,}){1,2} $/u;

/** A transcript's postcode after one or two more words of the town, none a number word. */
function postcodeAfterTown(
  text: string,
  found: readonly PiiSpan[],
  end: number,
): PiiSpan | undefined {
  for (const o of found) {
    if (o.type !== 'ADDRESS' || o.start <= end || o.start - end > 40) continue;
    const between = text.slice(end, o.start);
    if (!TOWN_WORDS.test(between)) continue;
    const words = between.trim().split(' ');
    if (words.every((w) => digitsOf(w) === undefined && !CUE_WORDS.has(w))) return o;
  }
  return undefined;
}

const PHRASE_END = /^[\s.,!?]*$/;
/** A transcript's word shaped as a verb, or a German infinitive that ends the text. */
function verbAtEnd(text: string, lower: string, end: number): boolean {
  return verbShaped(lower) || (lower.endsWith('en') && PHRASE_END.test(text.slice(end)));
}
