import { EVERYDAY, FIRST, FUNCTION, gazetteer, PLACE_START, SUR } from './gazetteer.js';
import { nameLikeness, SURNAME_LIKENESS } from './name-likeness.js';
import type { Emit } from './numbers.js';
import { digitsOf } from './spoken-numbers.js';
import type { PiiSpan } from './types.js';

/**
 * Above a person's rules (0.85) so that a town the name rules took for a person ("… of pelham
 * cross" as PERSON) is retyped, not kept as a name.
 */
export const TOWN_AFTER_PERSON_SCORE = 0.9;

// After a person (and perhaps one more word of the name the rules missed), "of" and one to
// three words: "registered to mara lind of pelham cross". Not "from": a caller "from" somewhere
// names a firm as often as a town ("dave from british gas", "kate from specsavers is calling").
// Transcripts only: written text has capitals, which the place rules read already.
const AFTER = /^(?: [a-z'’-]{2,})? of ((?:[a-z'’-]{2,})(?: [a-z'’-]{2,}){0,2})(?= |$)/u;

// Words that end a town's name and go on with the sentence: a verb or a small word of time or
// place. Only a town so closed (or closing the text) is taken; else the words may be anything.
const CLOSERS = new Set(
  `is was has had never says said called rang phoned wants wanted asked asks asking complained
  complaining needs needed would will can could did does and who on at in about today yesterday
  tomorrow please`.split(/\s+/),
);

/** Whether the gazetteer word flags allow `lower` as the first word of a town's name. */
function mayOpenTown(flags: ReadonlyMap<string, number>, lower: string): boolean {
  const f = flags.get(lower) ?? 0;
  if ((f & PLACE_START) !== 0) return true;
  return (f & (EVERYDAY | FUNCTION | FIRST | SUR)) === 0;
}

// "a friend of mine", "of course": words after "of" that the lists do not know but are no town.
const NOT_TOWNS = new Set('mine yours hers ours theirs course'.split(' '));

/**
 * Whether the words' letters look like a town's: each word opens towns' names ("great",
 * "market") or looks like a name by its letters ("pelham", not "resources"); a short word after
 * the first may end a town's name whatever its letters ("fen", "end").
 */
function townLetters(flags: ReadonlyMap<string, number>, words: readonly string[]): boolean {
  return words.every(
    (w, i) =>
      !NOT_TOWNS.has(w) &&
      (((flags.get(w) ?? 0) & PLACE_START) !== 0 ||
        (i > 0 && w.length <= 4) ||
        nameLikeness(w) > SURNAME_LIKENESS),
  );
}

/**
 * The town said right after a person in an English transcript ("the car is registered to mara
 * lind of pelham cross", "mister fox of dunwick is asking"): a place by where it stands. The
 * first word must be no everyday, function or name word (or one that opens towns' names:
 * "great", "market"), no word a number word, and the town must close the text or stand before
 * a word that goes on with the sentence ("is", "never", "on").
 */
export function findTownsAfterPersons(text: string, found: readonly PiiSpan[], emit: Emit): void {
  const flags = gazetteer().flags;
  for (const s of found.slice()) {
    if (s.type !== 'PERSON') continue;
    const m = AFTER.exec(text.slice(s.end, s.end + 80));
    if (!m) continue;
    let words = m[1]!.split(' ');
    // The town ends before the first closing word.
    const close = words.findIndex((w) => CLOSERS.has(w));
    if (close === 0) continue;
    if (close > 0) words = words.slice(0, close);
    const end0 = s.end + m[0].length - m[1]!.length;
    const after = text.slice(end0 + words.join(' ').length);
    if (after !== '' && !CLOSERS.has(after.trimStart().split(' ')[0]!)) continue;
    if (!mayOpenTown(flags, words[0]!) || !townLetters(flags, words)) continue;
    // A function word ends no town, unless it also opens towns' names ("little", "great").
    const fn = (w: string) => ((flags.get(w) ?? 0) & (FUNCTION | PLACE_START)) === FUNCTION;
    if (words.some((w) => digitsOf(w) !== undefined || fn(w))) continue;
    const end = end0 + words.join(' ').length;
    // A place a list or another rule found there already keeps its own edges.
    if (found.some((o) => o.type === 'LOCATION' && o.start < end && end0 < o.end)) continue;
    emit(end0, end, 'LOCATION', TOWN_AFTER_PERSON_SCORE);
  }
}
