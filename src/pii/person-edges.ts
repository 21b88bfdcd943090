import { CUE_WORDS } from './frames.js';
import {
  DE_NOUN,
  DE_WORD,
  FIRST,
  FUNCTION,
  gazetteer,
  isPlaceLower,
  STOP,
  SUR,
} from './gazetteer.js';
import type { Emit } from './numbers.js';
import { digitsOf } from './spoken-numbers.js';
import type { Lang, PiiSpan } from './types.js';
import { type Word, wordIndexAt } from './words.js';

/**
 * The edges of the persons the other finders found (issue 17, ninth round); run after them.
 *
 * - German: a one-word person no list knows right after an article ("Die Rechnung geht an …",
 *   "mit der hausverwaltung") is a noun: German names take no article in writing, and the
 *   colloquial "der Müller" has a listed surname, which stays.
 * - German transcripts: a one-word person no list knows, shaped like a finite verb and followed
 *   by a pronoun or article, is the verb of an inverted clause ("wie anna schon sagte reicht
 *   das nicht": a frame of speaking took "reicht" for the speaker).
 * - Written text: a listed given name found alone, followed by one capitalised word no list or
 *   lexicon calls anything else, is a full name ("David Short, Haruto …"): the surname beside a
 *   known given name otherwise survives as half a name. In German, capitalised nouns follow
 *   names ("hat Anna Kuchen gebacken"), so there the word must be no German word at all.
 */

const CAPITAL = /^\p{Lu}/u;
const ONE_SPACE = /^ $/;
// A letter no German word has ("ć" in "Vuković", "ł" in "Wałęsa"): such a word after an article
// is a person spoken of colloquially ("die Vuković"), not a German noun.
const NOT_GERMAN_LETTER = /[^a-zäöüß-]/u;
const DE_ARTICLES = new Set(
  'der die das dem den des ein eine einen einem einer eines kein keine keinen keinem keiner'.split(
    ' ',
  ),
);
// What opens the rest of an inverted German clause after its verb.
const DE_SUBJECTS = new Set(
  'das es er sie ich du wir ihr man der die dies mir mich uns'.split(' '),
);
// Endings of German finite verbs in the third person or plural.
const DE_FINITE = /(?:t|en)$/;

export function fixPersonEdges(
  text: string,
  lang: Lang,
  words: readonly Word[],
  found: PiiSpan[],
  emit: Emit,
  lowercase: boolean,
): void {
  const flags = gazetteer().flags;
  for (let k = found.length - 1; k >= 0; k--) {
    const s = found[k]!;
    if (s.type !== 'PERSON') continue;
    const i = wordIndexAt(words, s.start);
    if (i < 0) continue;
    const w = words[i]!;
    const oneWord = w.end === s.end;
    if (lang === 'de' && oneWord && ((flags.get(w.lower) ?? 0) & (FIRST | SUR)) === 0) {
      const before = words[i - 1];
      const after = words[i + 1];
      if (
        before &&
        DE_ARTICLES.has(before.lower) &&
        ONE_SPACE.test(text.slice(before.end, w.start)) &&
        !NOT_GERMAN_LETTER.test(w.lower)
      ) {
        found.splice(k, 1);
        continue;
      }
      if (lowercase && after && DE_SUBJECTS.has(after.lower) && DE_FINITE.test(w.lower)) {
        found.splice(k, 1);
        continue;
      }
    }
    if (!lowercase && oneWord && ((flags.get(w.lower) ?? 0) & FIRST) !== 0) {
      const next = words[i + 1];
      if (
        next &&
        ONE_SPACE.test(text.slice(w.end, next.start)) &&
        surnameShaped(text, flags, next, lang)
      )
        emit(s.start, next.end, 'PERSON', s.score);
    }
  }
}

/** A word after a given name that may be its surname (see the file comment). */
function surnameShaped(
  text: string,
  flags: ReadonlyMap<string, number>,
  x: Word,
  l: Lang,
): boolean {
  const f = flags.get(x.lower) ?? 0;
  if (!CAPITAL.test(text.slice(x.start, x.end)) || x.lower.length < 2) return false;
  if ((f & (FUNCTION | STOP)) !== 0 || CUE_WORDS.has(x.lower)) return false;
  if (digitsOf(x.lower) !== undefined || isPlaceLower(x.lower)) return false;
  if ((f & FIRST) !== 0) return false;
  // A German noun or word after a German given name is more often the object than a surname.
  return !(l === 'de' && (f & (DE_NOUN | DE_WORD)) !== 0 && (f & SUR) === 0);
}
