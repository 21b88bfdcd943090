// Towns in forms: the value after a field label that asks for a place ("Town/City: Brackwell",
// "Wohnort: Lindenbrunn", "PLZ/Ort: 12345 Kaltenfeld"). No list knows an unseen town, and the
// shape rules take a lone capitalised word after a colon for a person; the label says which.
import type { Emit } from './numbers.js';
import { WordHint } from './word-hints.js';
import type { Word } from './words.js';

// The label at a line's start (or after a separator), its colon, an optional postcode, then up
// to three capitalised words ("Bad Tannried", "Ashcombe Regis", "Stratford-upon-Avon").
export const LABELLED_PLACE =
  /(?:^|[\n\r|;]|\s{2})\s*(?:town\/city|town|city|hometown|place of birth|birthplace|city of residence|residence|wohnort|ort|stadt|geburtsort|wohnsitz|heimatort|plz\/ort|plz und ort)\s*:[ \t]*(?:\d{4,5}[ \t]+)?([^\n\r,;:(]{2,60})/giu;
const PLACE_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;
// Words that may join a town's name in lower case ("Frankfurt am Main", "Stratford upon Avon").
const JOINERS = new Set(['am', 'an', 'der', 'im', 'upon', 'on', 'in', 'ob', 'bei', 'vor']);
/**
 * Before LABELLED_PLACE, by word: every label ends in one of these words right before its colon
 * ("town/city" in "city", "place of birth" in "birth", "plz und ort" in "ort"), and that word is
 * one of `splitWords` (a separator, white space or "/" before it, white space or the colon
 * after it; only letters match its letters). Most texts with a colon hold a time or a heading.
 */
export const LABEL_WORD_HINT = new WordHint(
  /^(?:town|city|hometown|birth|birthplace|residence|wohnort|ort|stadt|geburtsort|wohnsitz|heimatort)$/iu,
);
/** Above the shape rules' guesses (0.6–0.8), below the cues of a person (0.85–0.95). */
export const LABELLED_PLACE_SCORE = 0.82;

/** Emits the town after each place label of a form. */
export function findLabelledPlaces(text: string, words: readonly Word[], emit: Emit): void {
  if (!text.includes(':') || !LABEL_WORD_HINT.mayHold(words)) return;
  for (const m of text.matchAll(LABELLED_PLACE)) {
    const value = m[1]!;
    const words = value.trimEnd().split(/[ \t]+/);
    // Up to the last capitalised word of the first few, joiners allowed inside.
    let n = 0;
    for (let k = 0; k < words.length && k < 5; k++) {
      if (PLACE_WORD.test(words[k]!)) n = k + 1;
      else if (!JOINERS.has(words[k]!) || k === 0) break;
    }
    if (n === 0) continue;
    const start = m.index + m[0].length - value.length;
    const len = words.slice(0, n).join(' ').length;
    // The value is where the words are when they are separated by single spaces only.
    if (text.slice(start, start + len) !== words.slice(0, n).join(' ')) continue;
    emit(start, start + len, 'LOCATION', LABELLED_PLACE_SCORE);
  }
}
