import { CUE_WORDS } from './frames.js';
import { EVERYDAY, FIRST, FUNCTION, gazetteer, isPlace, STOP, SUR } from './gazetteer.js';
import type { Emit } from './numbers.js';
import { SpellingSet } from './spelling-sets.js';
import { digitsOf } from './spoken-numbers.js';
import type { PiiSpan } from './types.js';
import type { Word } from './words.js';

/**
 * People named as the one whose opinion is reported, and as the one greeted (issue 17, ninth
 * round); run after the other name finders.
 *
 * - Words right before a verb of reporting ("reckons", "said", "meinte"), after the start of
 *   a clause, are who said it: "so peter vilaseca reckons …", "as bambang wells said …". In a
 *   transcript nothing else marks them, and the surnames are often everyday words there.
 * - German "… an X weiter" (leiten, geben: passed on to X), X one to three words no list calls
 *   a function word: "leite das bitte an ratu kranich weiter".
 * - A place no list holds in those frames, or after "say hi to" / "grüß", is a person: the
 *   place rules took it by its preposition ("to wietske", "As Yuina Wells said").
 */

// Third-person verbs of reporting an opinion or a word; not "says" alone after a thing
// ("the sign says"), since a clause start must come before the name.
const REPORTING = new Set(
  'reckons reckoned thinks thought says said reckon told meinte meint sagte sagt findet fand glaubt glaubte'.split(
    ' ',
  ),
);
// REPORTING as a bit per spelling: the first loop asks it of every word of every text.
const REPORTING_WORD = new SpellingSet(REPORTING);
// Words that open a clause whose subject follows: the name starts right after them.
const CLAUSE_OPENERS = new Set('so and but as also well und aber wie also na tja'.split(' '));
// "say hi to X", "say hello to X", "grüß X": the greeted.
const GREETINGS = new Set(['hi', 'hello', 'regards', 'love']);
const NAME_WORDS_MAX = 3;
const ONE_SPACE = /^ $/;
const SCORE = 0.8;

export function findSpeakers(
  text: string,
  words: readonly Word[],
  found: PiiSpan[],
  emit: Emit,
): void {
  const flags = gazetteer().flags;
  for (let i = 1; i < words.length; i++) {
    const verb = words[i]!;
    if (!REPORTING_WORD.has(verb)) continue;
    // The longest run of name words before the verb that a clause opener (or the text's start)
    // precedes.
    let first = i;
    while (
      first > 0 &&
      i - first < NAME_WORDS_MAX &&
      part(flags, words[first - 1]!) &&
      ONE_SPACE.test(text.slice(words[first - 1]!.end, words[first]!.start))
    )
      first--;
    if (first === i) continue;
    const opener = words[first - 1];
    if (opener && !CLAUSE_OPENERS.has(opener.lower)) continue;
    emitRun(flags, found, emit, words[first]!, words[i - 1]!);
  }
  for (let i = 2; i < words.length; i++) {
    if (words[i]!.lower !== 'weiter') continue;
    let first = i;
    while (first > 0 && i - first < NAME_WORDS_MAX && part(flags, words[first - 1]!)) first--;
    if (first === i || words[first - 1]?.lower !== 'an') continue;
    emitRun(flags, found, emit, words[first]!, words[i - 1]!);
  }
  for (let i = 2; i < words.length; i++) {
    const to = words[i - 1]!;
    const greeted =
      (to.lower === 'to' && GREETINGS.has(words[i - 2]!.lower)) ||
      // "grüß X", not "Grüße aus X" (there X is the place greeted from).
      to.lower === 'grüß';
    if (!greeted) continue;
    const w = words[i]!;
    const s = found.find((x) => x.start === w.start && x.type === 'LOCATION' && !isPlace(x.text));
    if (!s) continue;
    retypePlaces(found, s.start, s.end);
    emit(s.start, s.end, 'PERSON', SCORE);
  }
}

/**
 * A run of name words from `head` to `last` becomes a person, unless an everyday word opens it
 * ("so mum reckons", unless listed as a name) or it overlaps a finding that is no name. (A
 * module function, not a closure made per call: the bench's tsx wraps every named closure.)
 */
function emitRun(
  flags: ReadonlyMap<string, number>,
  found: PiiSpan[],
  emit: Emit,
  head: Word,
  last: Word,
): void {
  const headFlags = flags.get(head.lower) ?? 0;
  if ((headFlags & EVERYDAY) !== 0 && (headFlags & (FIRST | SUR)) === 0) return;
  const start = head.start;
  const end = last.end;
  if (found.some((s) => s.start < end && start < s.end && !nameLike(s))) return;
  retypePlaces(found, start, end);
  emit(start, end, 'PERSON', SCORE);
}

/** A word that may stand in a name here: no function, cue or number word. (A module function:
 * the bench's tsx wraps every closure made per call.) */
function part(flags: ReadonlyMap<string, number>, w: Word): boolean {
  return (
    ((flags.get(w.lower) ?? 0) & (FUNCTION | STOP)) === 0 &&
    !CUE_WORDS.has(w.lower) &&
    !REPORTING.has(w.lower) &&
    !CLAUSE_OPENERS.has(w.lower) &&
    digitsOf(w.lower) === undefined &&
    w.lower.length >= 2
  );
}

/** A finding a name found here may replace: a person, or a place on no list. */
function nameLike(s: PiiSpan): boolean {
  return s.type === 'PERSON' || (s.type === 'LOCATION' && !isPlace(s.text));
}

/** Drops the unlisted places inside [start, end): the name found there replaces them. */
function retypePlaces(found: PiiSpan[], start: number, end: number): void {
  for (let k = found.length - 1; k >= 0; k--) {
    const s = found[k]!;
    if (s.type === 'LOCATION' && s.start >= start && s.end <= end && !isPlace(s.text))
      found.splice(k, 1);
  }
}
