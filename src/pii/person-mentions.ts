import { EVERYDAY, FUNCTION, gazetteer } from './gazetteer.js';
import type { Emit } from './numbers.js';
import { ORDINARY_WORDS } from './ordinary-words.js';
import { SPELLING_WORDS } from './spoken-letters.js';
import { digitsOf } from './spoken-numbers.js';
import type { PiiSpan } from './types.js';
import type { Word } from './words.js';

/**
 * A person's name said again (issue 17, session 13): once a finder has found a person, each
 * other place where one of its words stands is that person too. A transcript says the given
 * name first and the whole name later ("ah milena so that is milena voss right"), a note gives
 * the whole name after the given name ("Tiv calls back; the full name is Tiv Oru"); the frame
 * that found one mention may be missing at the other.
 *
 * Only a word of three letters or more that no lexicon has (an ordinary word like "Moss" or
 * "Will" may stand for itself elsewhere), written in the same case in written text (a
 * capitalised name; "Rook" does not make "rook" a person), and only where no other finding
 * lies. Numbers and the spelling alphabet's words are never carried over.
 */

/** Below the frame rules' persons: a mention without a frame of its own. */
export const MENTION_SCORE = 0.7;
const MIN_LETTERS = 3;

/**
 * Whether a lower-case word is on a lexicon of ordinary or function words, or is a number or
 * spelling-alphabet word (a transcript's person may have run over "eight" or "delta").
 */
function lexiconWord(lower: string): boolean {
  if (ORDINARY_WORDS.has(lower) || SPELLING_WORDS.has(lower) || digitsOf(lower) !== undefined)
    return true;
  return ((gazetteer().flags.get(lower) ?? 0) & (EVERYDAY | FUNCTION)) !== 0;
}

/** Emits the other mentions of the words of the persons in `found` (see the file comment). */
export function findOtherMentions(
  text: string,
  words: readonly Word[],
  found: readonly PiiSpan[],
  emit: Emit,
): void {
  // The names' words, lower case → their spelling in the text (written text matches it).
  let names: Map<string, string> | undefined;
  let wi = 0;
  for (const s of found) {
    if (s.type !== 'PERSON') continue;
    while (wi > 0 && words[wi - 1]!.end > s.start) wi--;
    while (wi < words.length && words[wi]!.end <= s.start) wi++;
    for (let k = wi; k < words.length && words[k]!.start < s.end; k++) {
      const w = words[k]!;
      if (w.end - w.start < MIN_LETTERS || lexiconWord(w.lower)) continue;
      names ??= new Map();
      names.set(w.lower, text.slice(w.start, w.end));
    }
  }
  if (!names) return;
  let fi = 0;
  const sorted = [...found].sort((a, b) => a.start - b.start);
  let reach = 0;
  for (const w of words) {
    const spelling = names.get(w.lower);
    // Findings that end before the word are passed; `reach` is the furthest end seen so far.
    while (fi < sorted.length && sorted[fi]!.start < w.end)
      reach = Math.max(reach, sorted[fi++]!.end);
    if (spelling === undefined || reach > w.start) continue;
    if (text.slice(w.start, w.end) !== spelling && spelling !== w.lower) continue;
    emit(w.start, w.end, 'PERSON', MENTION_SCORE);
  }
}
