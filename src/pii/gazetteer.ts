import {
  AMBIGUOUS,
  DE_NOUNS,
  DE_WORDS,
  EN_WORDS,
  FIRST_NAMES,
  PLACES,
  SURNAMES,
} from './data/gazetteer.js';
import { FUNCTION_WORDS } from './function-words.js';
import { STOPWORDS } from './lang.js';

/** Bits of `Gazetteer.flags`: which lists a (lower-case) word is on. */
export const FIRST = 1;
export const SUR = 2;
export const AMBIGUOUS_WORD = 4;
export const DE_NOUN = 8;
export const DE_WORD = 16;
export const EN_WORD = 32;
export const STOP = 64;
export const PLACE_START = 128;
/** Function words and frequent verbs (`function-words.ts`): never a name found by its frame. */
export const FUNCTION = 256;
/** Everyday words: never a name or place on their own. */
export const EVERYDAY = DE_NOUN | DE_WORD | EN_WORD | AMBIGUOUS_WORD | STOP;

/** Lookup tables over the generated lists; keys are lower-cased. Built once per process. */
export interface Gazetteer {
  readonly firstNames: ReadonlySet<string>;
  readonly surnames: ReadonlySet<string>;
  /** First word of a place (lower case) → the place names starting with it, longest first. */
  readonly places: ReadonlyMap<string, readonly string[][]>;
  /** Every place name of `places`, its words joined by one space: `isPlace` asks this once. */
  readonly placeNames: ReadonlySet<string>;
  readonly ambiguous: ReadonlySet<string>;
  readonly deNouns: ReadonlySet<string>;
  readonly deWords: ReadonlySet<string>;
  readonly enWords: ReadonlySet<string>;
  /** Every listed word (lower case) → its list bits, so a token needs one lookup. */
  readonly flags: ReadonlyMap<string, number>;
}

let cached: Gazetteer | undefined;

export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
  const places = new Map<string, string[][]>();
  const placeNames = new Set<string>();
  for (const place of PLACES) {
    const words = place.toLowerCase().split(/[\s]+/);
    const list = places.get(words[0]!) ?? [];
    list.push(words);
    places.set(words[0]!, list);
    placeNames.add(words.join(' '));
  }
  for (const list of places.values()) list.sort((a, b) => b.length - a.length);
  const flags = new Map<string, number>();
  const mark = (words: Iterable<string>, bit: number) => {
    for (const w of words) flags.set(w, (flags.get(w) ?? 0) | bit);
  };
  mark(lower(FIRST_NAMES), FIRST);
  mark(lower(SURNAMES), SUR);
  mark(lower(AMBIGUOUS), AMBIGUOUS_WORD);
  mark(lower(DE_NOUNS), DE_NOUN);
  mark(lower(DE_WORDS), DE_WORD);
  mark(lower(EN_WORDS), EN_WORD);
  mark(STOPWORDS, STOP);
  mark(places.keys(), PLACE_START);
  mark(FUNCTION_WORDS, FUNCTION);
  cached = {
    flags,
    firstNames: lower(FIRST_NAMES),
    surnames: lower(SURNAMES),
    places,
    placeNames,
    ambiguous: lower(AMBIGUOUS),
    deNouns: lower(DE_NOUNS),
    deWords: lower(DE_WORDS),
    enWords: lower(EN_WORDS),
  };
  return cached;
}

/** Whether the lists hold `lower` (one word in lower case) as a given name or surname. */
export function listedName(lower: string): boolean {
  return ((gazetteer().flags.get(lower) ?? 0) & (FIRST | SUR)) !== 0;
}

/** Whether the lists hold `lower` (one word in lower case) as a surname. */
export function listedSurname(lower: string): boolean {
  return ((gazetteer().flags.get(lower) ?? 0) & SUR) !== 0;
}

/** True when `name` (any case, words separated by spaces or hyphens) is a listed place. */
export function isPlace(name: string): boolean {
  return isPlaceLower(name.toLowerCase());
}

/**
 * `isPlace` of a name already in lower case. One set probe instead of a join per place that
 * starts with the same word: the words hold no white space, so two word lists joined by one
 * space are equal exactly when the lists are, first word included.
 */
export function isPlaceLower(lower: string): boolean {
  const key = holdsSpace(lower) ? splitAtSpace(lower).join(' ') : lower;
  return gazetteer().placeNames.has(key);
}

/** Whether `s` holds a character that `\s` matches; most names are one word and need no split. */
export function holdsSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isSpaceUnit(s.charCodeAt(i))) return true;
  return false;
}

/**
 * `s.split(/\s+/)` by a loop over the units: the same parts (an empty first or last part where
 * `s` starts or ends with white space, `['']` for ''), without the regex engine's split.
 */
export function splitAtSpace(s: string): string[] {
  const parts: string[] = [];
  const n = s.length;
  let from = 0;
  let i = 0;
  while (i < n) {
    if (!isSpaceUnit(s.charCodeAt(i))) {
      i++;
      continue;
    }
    parts.push(s.slice(from, i));
    while (i < n && isSpaceUnit(s.charCodeAt(i))) i++;
    from = i;
  }
  parts.push(s.slice(from));
  return parts;
}

/** The UTF-16 units `\s` matches (all in the BMP), by number instead of a regex per character. */
export function isSpaceUnit(c: number): boolean {
  if (c < 0xa0) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** True for everyday words that must not be read as a name or place on their own. */
export function isCommonWord(word: string): boolean {
  const g = gazetteer();
  const w = word.toLowerCase();
  return g.deNouns.has(w) || g.enWords.has(w) || g.ambiguous.has(w) || UNITS.has(w);
}

// Words that follow a number without being a town ("10000 Euro").
const UNITS = new Set(
  'euro eur dollar usd franken pfund mal stück menschen leute jahre jahren tage tagen kilometer km meter minuten stunden sekunden prozent einwohner mitglieder follower likes views besucher teilnehmer kunden people years days hours minutes'.split(
    ' ',
  ),
);
