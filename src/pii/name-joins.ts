import { CUE_WORDS, verbShaped } from './frames.js';
import {
  DE_NOUN,
  DE_WORD,
  EN_WORD,
  FIRST,
  FUNCTION,
  gazetteer,
  isPlace,
  STOP,
  SUR,
} from './gazetteer.js';
import type { Emit } from './numbers.js';
import { sortSmall } from './small-sort.js';
import { digitsOf } from './spoken-numbers.js';
import type { Lang, PiiSpan } from './types.js';
import type { Word } from './words.js';

/**
 * Names by what the other finders found around them; run after all of them. A one-word person
 * and a one-word person, or "place" no list knows, right beside it are one name ("chaiya"
 * "aurelia"; a surname the tagger called a place). Frames whose name stands between two words:
 * "let X know", "X (bitte) bescheid". A person or listed town right after a German contracted
 * article ("im Zug", "beim Bäcker") is a noun and is dropped; in a transcript, a verb at a
 * person's end is cut off ("cruz hat", "okafor texted").
 *
 * Tried and left out (they cost precision and recall on the tagger's development sets): taking
 * an unlisted word before a person as its given name ("kollege mandala"), and an unlisted word
 * after a lone given name as its surname ("ohne györgy schaffen wir das"); two unlisted words
 * before an auxiliary as a name ("my social security number is …", "the school run was …").
 */

const CAPITAL = /\p{Lu}/u;
// One space between two parts of a name; a transcript has nothing else there.
const ONE_SPACE = /^ $/;
const NUMBER_AFTER = /^\s*\d/;
// German prepositions fused with an article: a noun follows them, not a person.
const CONTRACTIONS = new Set(['im', 'am', 'zum', 'zur', 'vom', 'beim', 'ins', 'ans']);
// Fillers between a name and "bescheid": "sag anna bitte mal bescheid".
const BESCHEID_FILLERS = new Set(['bitte', 'mal', 'doch', 'kurz', 'schnell', 'noch', 'gleich']);
// "gib hoang bescheid": the verb before the name ("sag" is a cue word already).
const BESCHEID_VERBS = new Set(['gib', 'gibst', 'gebt', 'geb', 'gebe']);
// Words of a name between two frame words.
const NAME_WORDS_MAX = 3;

export function joinNameParts(
  text: string,
  lang: Lang,
  words: readonly Word[],
  found: PiiSpan[],
  emit: Emit,
  lowercase: boolean,
): void {
  const flags = gazetteer().flags;
  if (lang === 'de') dropAfterContractions(text, words, found);
  if (lowercase) trimVerbs(text, words, flags, found);
  const persons = sortSmall(
    found.filter((s) => s.type === 'PERSON' || s.type === 'LOCATION'),
    (a, b) => a.start - b.start || b.end - a.end,
  );
  for (const a of persons) {
    if (a.type !== 'PERSON') continue;
    // The next finding; beside it only if one space lies between.
    const b = persons.find((s) => s.start > a.end);
    if (
      b &&
      ONE_SPACE.test(text.slice(a.end, b.start)) &&
      (b.type === 'PERSON' || !isPlace(b.text)) &&
      // One word and one word: longer runs are a list of people ("eingeladen sind dipankar
      // oblak aisai sowa") or a wrong finding that would swallow the name ("abend kocht" +
      // "mustofa").
      wordCount(text, b.start, b.end) === 1 &&
      wordCount(text, a.start, a.end) === 1 &&
      !CUE_WORDS.has(b.text.toLowerCase()) &&
      !CUE_WORDS.has(a.text.toLowerCase())
    )
      emit(a.start, b.end, 'PERSON', Math.max(a.score, b.score));
  }
  findBetweenWords(text, words, flags, lowercase, found, emit);
}

/**
 * A transcript's person that ends in a verb, a cue or a function word ("cruz hat", "okafor
 * texted"): the name ends before it. (Finders that grow a name over unknown words cannot tell a
 * verb without a capital to stop them.)
 */
function trimVerbs(
  text: string,
  words: readonly Word[],
  flags: ReadonlyMap<string, number>,
  found: PiiSpan[],
): void {
  for (let k = 0; k < found.length; k++) {
    const s = found[k]!;
    if (s.type !== 'PERSON') continue;
    const last = wordEndingAt(words, s.end);
    if (!last || last.end !== s.end || last.start <= s.start) continue;
    const f = flags.get(last.lower) ?? 0;
    if ((f & (FIRST | SUR)) !== 0) continue;
    if (!CUE_WORDS.has(last.lower) && (f & FUNCTION) === 0 && !verbShaped(last.lower)) continue;
    const end = s.start + text.slice(s.start, last.start).trimEnd().length;
    found[k] = { ...s, end, text: text.slice(s.start, end) };
  }
}

function dropAfterContractions(text: string, words: readonly Word[], found: PiiSpan[]): void {
  for (let k = found.length - 1; k >= 0; k--) {
    const s = found[k]!;
    // A listed town there is the noun it is also ("im Zug"); regions ("im Allgäu") are on no list.
    if (s.type !== 'PERSON' && !(s.type === 'LOCATION' && isPlace(s.text))) continue;
    // "zur Beckers Kämpchen 53": a street's name before its number, better masked as a person
    // than left.
    if (NUMBER_AFTER.test(text.slice(s.end, s.end + 3))) continue;
    const before = wordEndingAt(words, s.start);
    if (before && CONTRACTIONS.has(before.lower) && ONE_SPACE.test(text.slice(before.end, s.start)))
      found.splice(k, 1);
  }
}

/**
 * "let orla cook know", "could you let rivers know": the one to three words between "let" and
 * "know"; "sag anna bitte bescheid", "kannst du yousef haddad bitte bescheid geben": the words
 * before "bescheid" and its fillers, after a word that is no part of a name.
 */
function findBetweenWords(
  text: string,
  words: readonly Word[],
  flags: ReadonlyMap<string, number>,
  lowercase: boolean,
  found: readonly PiiSpan[],
  emit: Emit,
): void {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let first = -1;
    let last = -1;
    if (w.lower === 'know') {
      for (let k = i - 2; k >= i - 1 - NAME_WORDS_MAX && k >= 0; k--)
        if (words[k]!.lower === 'let') {
          first = k + 1;
          last = i - 1;
          break;
        }
    } else if (w.lower === 'bescheid') {
      last = i - 1;
      while (last >= 0 && BESCHEID_FILLERS.has(words[last]!.lower)) last--;
      first = last;
      while (first > 0 && last - first < NAME_WORDS_MAX - 1 && nameWord(words[first - 1]!, flags))
        first--;
    }
    if (first < 0 || last < first) continue;
    let ok = true;
    for (let k = first; k <= last && ok; k++) {
      const x = words[k]!;
      ok =
        nameWord(x, flags) &&
        (k === first || ONE_SPACE.test(text.slice(words[k - 1]!.end, x.start))) &&
        (lowercase || CAPITAL.test(text[x.start]!));
    }
    if (!ok) continue;
    const start = words[first]!.start;
    const end = words[last]!.end;
    if (found.some((s) => s.start < end && start < s.end && !nameLikeSpan(s))) continue;
    emit(start, end, 'PERSON', 0.85);
  }
}

/** A finding a name found here may replace: a person, or a place on no list. */
function nameLikeSpan(s: PiiSpan): boolean {
  return s.type === 'PERSON' || (s.type === 'LOCATION' && !isPlace(s.text));
}

/** A word that may be part of a name between two frame words: no function, cue or number word. */
function nameWord(w: Word, flags: ReadonlyMap<string, number>): boolean {
  const f = flags.get(w.lower) ?? 0;
  return (
    w.lower.length >= 2 &&
    (f & (FUNCTION | STOP)) === 0 &&
    // An ordinary word ("let mum know", "sag dem chef bescheid") unless a list has it as a name.
    ((f & (DE_NOUN | DE_WORD | EN_WORD)) === 0 || (f & (FIRST | SUR)) !== 0) &&
    !CUE_WORDS.has(w.lower) &&
    digitsOf(w.lower) === undefined &&
    !BESCHEID_FILLERS.has(w.lower) &&
    !BESCHEID_VERBS.has(w.lower)
  );
}

function wordCount(text: string, start: number, end: number): number {
  return text.slice(start, end).split(/\s+/).length;
}

/** The last word ending before `pos`. */
function wordEndingAt(words: readonly Word[], pos: number): Word | undefined {
  let lo = 0;
  let hi = words.length - 1;
  let best: Word | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = words[mid]!;
    if (w.end <= pos) {
      best = w;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
