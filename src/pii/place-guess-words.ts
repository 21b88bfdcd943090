// Evidence from a one-word place guess's own letters and its neighbours (a rule's or the
// tagger's guess, no list knowing it as a place) that it names no place:
// - German capitalises every noun, so a capital after "aus", "nach", "bei" is weak evidence:
//   a compound whose last part is an everyday German noun of the lists ("Terminabsprache",
//   "Kundensprechstunde") is a noun, unless it ends as towns end ("…burg", "…stadt", "…heim") or in a noun of land, water
//   or a building ("…wasser", "…brücke", "…haus");
// - a word before a colon right after a possessive ("Dein Login: …", "Your Handle: …") is the
//   name of a field, not a place;
// - a word in capitals beside another word in capitals on a name's line ("MARTA QUELLING")
//   is a person's name written in capitals, unless the other word is an everyday word or a
//   place ("LAKE …", "NEW …");
// - English: a capitalised participle ("from United", "at Closed") names no town (a town's
//   "…sted" is kept: "Halsted");
// - a facility named by a compass or order word ("North Warehouse", "Main Office") is a part
//   of a site, not a place to redact.
// And the other way round: a person guess of two words after a place preposition whose second
// word is a town's qualifier ("branch in Wadderton Heath") is a town.
// Hand-written (ours, Apache-2.0); the nouns come from the gazetteer's DE_NOUNS and DE_WORDS
// (faker, MIT; see data/README.md).
import {
  DE_NOUN,
  DE_WORD,
  EN_WORD,
  FIRST,
  FUNCTION,
  gazetteer,
  isPlaceLower,
  PLACE_START,
} from './gazetteer.js';
import { ENGLISH_TOWN_QUALIFIERS, endingRegex, GERMAN_TOWN_ENDINGS } from './town-endings.js';
import type { Lang } from './types.js';

const GERMAN_TOWN_END = endingRegex(GERMAN_TOWN_ENDINGS);
/**
 * Nouns that name land, water or a building, and the old words German towns' names end in
 * (Aschers-leben, Bieden-kopf, Dort-mund, Salz-wedel): a compound of one is left a place
 * ("Trübenwasser", "Kaltenbrücke", "Krähenleben"). Without the second half, every unlisted
 * town ending in a word the noun lists also hold was dropped as a noun.
 */
const LANDSCAPE_NOUNS: ReadonlySet<string> = new Set(
  [
    'brücke burg ebene fels fluss gebirge haus hütte kirche land meer palast riff schlucht stadt tempel wasser',
    'leben kopf mund münde wedel grund garten winkel hof markt born horst hain holz moor see stein',
    'ried zell wiese wörth werder hude büttel siel fehn kamp kirch münster hafen haven hütten',
  ]
    .join(' ')
    .split(' '),
);
const LANDSCAPE_LONGEST = Math.max(...[...LANDSCAPE_NOUNS].map((w) => w.length));
/**
 * The shortest last part read as a noun ("sprache" of "Terminabsprache"), and the first part.
 * Shorter nouns are what towns end in (Ror-schach, Eis-leben): with four letters, unlisted real
 * towns were dropped, and on the dev sets no noun under seven letters was a place guess.
 */
const MIN_NOUN = 7;
const MIN_HEAD = 3;
const POSSESSIVE_BEFORE =
  /(?:^|[^\p{L}])(?:dein|deine|ihr|ihre|euer|eure|mein|meine|unser|unsere|your|my|our|their)\s+$/iu;
const CAPS_WORD = /^\p{Lu}[\p{Lu}'’-]+$/u;
/** The word in capitals right before the guess (with the line's start or a space before it). */
const CAPS_BEFORE = /(?:^|[\s,])(\p{Lu}[\p{Lu}'’-]+) $/u;
/** The word in capitals right after the guess, ending at a line's end or punctuation. */
const CAPS_AFTER = /^ (\p{Lu}[\p{Lu}'’-]+)(?=$|[\s,.;:])/u;
/** A neighbour that is an everyday word or starts places' names ("LAKE", "MOUNT"). */
const NOT_A_NAME_WORD = EN_WORD | DE_WORD | DE_NOUN | FUNCTION | PLACE_START;
const PARTICIPLE = /^\p{Lu}\p{Ll}{2,}[^aeiouy]ed$/u;
const TOWN_STED = /sted$/u;
const SITE_HEADS: ReadonlySet<string> = new Set(
  'north south east west northern southern eastern western main central upper lower front back rear inner outer'.split(
    ' ',
  ),
);
const FACILITIES: ReadonlySet<string> = new Set(
  'warehouse depot office offices building block wing annex annexe site plant yard entrance gate car-park campus lab laboratory reception lobby stockroom'.split(
    ' ',
  ),
);
const WORD_BEFORE = /(\p{L}+) $/u;
const QUALIFIERS: ReadonlySet<string> = new Set(ENGLISH_TOWN_QUALIFIERS);
const capitalised = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
/** The facilities and qualifiers as a capitalised guess writes them ("Warehouse", "Magna"). */
const FACILITIES_WRITTEN: ReadonlySet<string> = new Set([...FACILITIES].map(capitalised));
const QUALIFIERS_WRITTEN: ReadonlySet<string> = new Set(ENGLISH_TOWN_QUALIFIERS.map(capitalised));
const TWO_CAPITALISED = /^\p{Lu}\p{Ll}+ (\p{Lu}\p{Ll}+)$/u;
const PLACE_PREPOSITION_BEFORE = /(?:^|[^\p{L}])(?:in|from|near|to|of)\s+$/u;

/** 'person', 'other' (no personal data) or undefined (a place still) by the evidence above. */
export function placeGuessWords(
  text: string,
  lang: Lang,
  start: number,
  end: number,
  value: string,
): 'person' | 'other' | undefined {
  const lower = value.toLowerCase();
  if (lang === 'de' && germanNounCompound(lower)) return 'other';
  if (
    text.charCodeAt(end) === 58 &&
    POSSESSIVE_BEFORE.test(text.slice(Math.max(0, start - 10), start))
  )
    return 'other';
  if (CAPS_WORD.test(value) && capitalNameBeside(text, start, end)) return 'person';
  if (lang === 'en' && PARTICIPLE.test(value) && !TOWN_STED.test(lower)) return 'other';
  return undefined;
}

/**
 * Whether the guess at start..end is a facility named by a compass or order word ("North
 * Warehouse") or the facility's word of one ("Warehouse" after "North "); `lower` is its text
 * in lower case.
 */
export function siteFacility(text: string, start: number, lower: string): boolean {
  const space = lower.indexOf(' ');
  if (space < 0) {
    if (!FACILITIES.has(lower)) return false;
    const head = WORD_BEFORE.exec(text.slice(Math.max(0, start - 12), start))?.[1];
    return head !== undefined && SITE_HEADS.has(head.toLowerCase());
  }
  if (lower.indexOf(' ', space + 1) >= 0) return false;
  return SITE_HEADS.has(lower.slice(0, space)) && FACILITIES.has(lower.slice(space + 1));
}

/**
 * 'place' for a person guess that names a town by its qualifier, true for one that names a
 * facility, false otherwise. Most guesses are passed over by a look-up of their last word as
 * written (no lower-casing, no regex): person guesses are many.
 */
export function personGuessVerdict(text: string, start: number, value: string): 'place' | boolean {
  const space = value.lastIndexOf(' ');
  if (space < 0)
    return FACILITIES_WRITTEN.has(value) && siteFacility(text, start, value.toLowerCase());
  if (!QUALIFIERS_WRITTEN.has(value.slice(space + 1))) return false;
  return townByQualifier(text, start, value) ? 'place' : false;
}

/** Whether a person guess of two capitalised words ends in a town's qualifier after "in", … */
export function townByQualifier(text: string, start: number, value: string): boolean {
  const m = TWO_CAPITALISED.exec(value);
  if (m === null || !QUALIFIERS.has(m[1]!.toLowerCase())) return false;
  if (
    ((gazetteer().flags.get(value.slice(0, value.indexOf(' ')).toLowerCase()) ?? 0) & FIRST) !==
    0
  )
    return false;
  return PLACE_PREPOSITION_BEFORE.test(text.slice(Math.max(0, start - 8), start));
}

/** "terminabsprache": a listed German noun after at least three letters, no town's ending. */
export function germanNounCompound(lower: string): boolean {
  if (lower.length < MIN_HEAD + MIN_NOUN || GERMAN_TOWN_END.test(lower)) return false;
  const flags = gazetteer().flags;
  // Most words end in no listed noun's last three letters: one look-up, no slices.
  if (!nounTails(flags).has(lower.slice(-3))) return false;
  // A town's old last word decides first, whether or not the lists hold it: "wedel" of
  // "Salzwedel" is listed nowhere, but the "edel" inside it is.
  for (let n = 3; n <= LANDSCAPE_LONGEST && n < lower.length; n++)
    if (LANDSCAPE_NOUNS.has(lower.slice(-n))) return false;
  for (let i = MIN_HEAD; i <= lower.length - MIN_NOUN; i++) {
    const last = lower.slice(i);
    if (((flags.get(last) ?? 0) & (DE_NOUN | DE_WORD)) !== 0) return true;
  }
  return false;
}

let NOUN_TAILS: Set<string> | undefined;
/** The last three letters of the listed German nouns and words of four letters or more. */
function nounTails(flags: ReadonlyMap<string, number>): ReadonlySet<string> {
  if (NOUN_TAILS) return NOUN_TAILS;
  NOUN_TAILS = new Set();
  for (const [w, f] of flags)
    if (f & (DE_NOUN | DE_WORD) && w.length >= MIN_NOUN) NOUN_TAILS.add(w.slice(-3));
  return NOUN_TAILS;
}

/** Whether a word in capitals that names no place and is no everyday word stands beside. */
function capitalNameBeside(text: string, start: number, end: number): boolean {
  const before = CAPS_BEFORE.exec(text.slice(Math.max(0, start - 30), start))?.[1];
  const after = CAPS_AFTER.exec(text.slice(end, end + 30))?.[1];
  const flags = gazetteer().flags;
  for (const w of [before, after]) {
    if (w === undefined) continue;
    const lower = w.toLowerCase();
    if (((flags.get(lower) ?? 0) & NOT_A_NAME_WORD) === 0 && !isPlaceLower(lower)) return true;
  }
  return false;
}
