import { EVERYDAY, FUNCTION, gazetteer } from './gazetteer.js';
import type { Emit } from './numbers.js';
import { ORDINARY_WORDS } from './ordinary-words.js';
import { SpellingSet } from './spelling-sets.js';
import { SPELLING_WORDS } from './spoken-letters.js';
import { digitsOf } from './spoken-numbers.js';
import type { PiiSpan } from './types.js';
import { type Word, wordIndexAt } from './words.js';

/**
 * A person's name said again (issue 17, session 13): once a finder has found a person, each
 * other place where one of its words stands is that person too. A transcript says the given
 * name first and the whole name later ("ah milena so that is milena voss right"), a note gives
 * the whole name after the given name ("Tiv calls back; the full name is Tiv Oru"); the frame
 * that found one mention may be missing at the other.
 *
 * Only a word of three letters or more that no lexicon has (an ordinary word like "Moss" or
 * "Will" may stand for itself elsewhere), spelt the same, case and all (a capitalised name;
 * "Tiv" does not make "tiv" a person), and only where no other finding lies. Numbers and the spelling alphabet's words are never carried over.
 */

/** Below the frame rules' persons: a mention without a frame of its own. */
export const MENTION_SCORE = 0.7;
const MIN_LETTERS = 3;

/**
 * Whether a word is on a lexicon of ordinary or function words, or is a number or
 * spelling-alphabet word (a transcript's person may have run over "eight" or "delta").
 */
const LEXICON = new SpellingSet({
  has: (lower: string) =>
    ORDINARY_WORDS.has(lower) ||
    SPELLING_WORDS.has(lower) ||
    digitsOf(lower) !== undefined ||
    ((gazetteer().flags.get(lower) ?? 0) & (EVERYDAY | FUNCTION)) !== 0,
});

/** Emits the other mentions of the words of the persons in `found` (see the file comment). */
export function findOtherMentions(
  text: string,
  words: readonly Word[],
  found: readonly PiiSpan[],
  emit: Emit,
): void {
  // The names' words as spelt in the text; another mention is spelt the same (a transcript's
  // words are all small, so there any case is the same).
  let names: Set<string> | undefined;
  for (const s of found) {
    if (s.type !== 'PERSON') continue;
    // The first word that ends after the person's start (findings come in no order).
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (words[mid]!.end <= s.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < words.length && words[k]!.start < s.end; k++) {
      const w = words[k]!;
      if (w.end - w.start < MIN_LETTERS || LEXICON.has(w)) continue;
      names ??= new Set();
      names.add(text.slice(w.start, w.end));
    }
  }
  if (!names) return;
  // Each spelling looked up by indexOf: most occur once, in the person itself.
  for (const spelling of names)
    for (let at = text.indexOf(spelling); at >= 0; at = text.indexOf(spelling, at + 1)) {
      const end = at + spelling.length;
      const i = wordIndexAt(words, at);
      if (i < 0 || words[i]!.end !== end) continue;
      if (found.some((f) => f.start < end && at < f.end)) continue;
      emit(at, end, 'PERSON', MENTION_SCORE);
    }
}
