import { EVERYDAY, FIRST, FUNCTION, gazetteer, STOP } from './gazetteer.js';
import { ORDINARY_WORDS } from './ordinary-words.js';
import type { PiiSpan } from './types.js';

/**
 * Persons made of ordinary words only are no one (issue 17, session 13): a job title or a
 * department ("Library Assistant", "Club Secretary"), a notice's heading ("Priority", "Claim"),
 * food, animals and things ("Herring", "Lamb", "Badger Watch", "Der Keller"), a day's
 * possessive ("Tuesday's"), a contraction ("We're", "isn't"), and in transcripts words of
 * speech ("years old", "will"). The shape, capital and tagger rules guess these from
 * capitals and place; the lexicons (the gazetteer's word lists and `ordinary-words.ts`) say
 * they are words.
 *
 * Kept all the same: a finding with a word the lists give as a given name, in written text
 * ("Hazel", "Reed Moss"; in a transcript only one that is no function word: "and will be
 * there" drops); and one in a strong frame, a title, a name's label or a phrase of naming
 * right before it ("Mr Baker", "Frau Keller", "Surname: Lamb", "my name is Rook"), where a
 * word-surname stands alone.
 */

// A title, a field's label, a spoken name label, a phrase of naming, or a verb of ringing or
// asking someone, right before the finding ("Dr Lamb", "Owner: Moss", "nachname bitte krebs",
// "my name is Rook", "klingeln bei Krebs", "leave it with Trout").
const NAME_FRAME_BEFORE =
  /(?:(?:^|[^\p{L}])(?:mr|mrs|ms|mx|miss|mister|missus|dr|doctor|doktor|prof|professor|sir|dame|lady|lord|herr|herrn|frau|fr|hr|name is|name's|name ist|heiße|heisse|call me|nennt mich|named|called|genannt|namens|(?:sur|first |last |family |vor|nach|familien)?name(?: bitte| please| is| ist)?|ring|phone|ask|tell|leave it with|leave with|bei)\.?|\p{L}[\p{L})]*:)\s*$/iu;
// A list's separator between two persons ("Tuki, Moss and Ahiga").
const LIST_GAP = /^\s*(?:,|&|and|und|or|oder)\s*$/u;
// A contraction or a possessive after the word: "we're", "isn't", "Tuesday's".
const WORD_TAIL = /['’](?:s|re|ve|ll|d|m|t)$|n['’]t$/u;

/** Whether one lower-case word of a person finding is an ordinary word (see the file comment). */
function ordinaryWord(word: string, lowercase: boolean): boolean {
  const bare = word.replace(WORD_TAIL, '');
  if (bare === '') return false;
  const f = gazetteer().flags.get(bare) ?? 0;
  if ((f & FIRST) !== 0 && (!lowercase || (f & (FUNCTION | STOP)) === 0)) return false;
  return ORDINARY_WORDS.has(bare) || (f & (EVERYDAY | FUNCTION)) !== 0;
}

/** Whether a person finding is made of ordinary words only, outside a strong name frame. */
export function ordinaryPerson(
  text: string,
  s: PiiSpan,
  lowercase: boolean,
  found: readonly PiiSpan[],
): boolean {
  for (const w of s.text.toLowerCase().split(/[\s-]+/u))
    if (w !== '' && !ordinaryWord(w, lowercase)) return false;
  if (NAME_FRAME_BEFORE.test(text.slice(Math.max(0, s.start - 24), s.start))) return false;
  return !inPersonList(text, s, found);
}

/** Whether another person stands right before or after `s`, a list's separator between them. */
function inPersonList(text: string, s: PiiSpan, found: readonly PiiSpan[]): boolean {
  for (const o of found) {
    if (o.type !== 'PERSON' || o === s) continue;
    if (o.end <= s.start && s.start - o.end <= 6 && LIST_GAP.test(text.slice(o.end, s.start)))
      return !ordinaryPerson(text, o, false, []);
    if (o.start >= s.end && o.start - s.end <= 6 && LIST_GAP.test(text.slice(s.end, o.start)))
      return !ordinaryPerson(text, o, false, []);
  }
  return false;
}

/** Drops, in place, the person findings made of ordinary words only. */
export function dropOrdinaryPersons(text: string, found: PiiSpan[], lowercase: boolean): void {
  let k = 0;
  const all = found.slice();
  for (const s of all)
    if (s.type !== 'PERSON' || !ordinaryPerson(text, s, lowercase, all)) found[k++] = s;
  found.length = k;
}
