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
  /(?:(?:^|[^\p{L}])(?:mr|mrs|ms|mx|miss|mister|missus|dr|doctor|doktor|prof|professor|sir|dame|lady|lord|herr|herrn|frau|fr|hr|name is|name's|name ist|heiße|heisse|call me|nennt mich|named|called|genannt|namens|(?:sur|first |last |family |vor|nach|familien)?name(?: bitte| please| is| ist)?|ring|phone|ask|tell|leave it with|leave with|(?:klingeln|klingelt|klingle|läuten|läutet) bei)\.?|\p{L}[\p{L})]*:)\s*$/iu;
// A list's separator between two persons; group 1 when it is a comma alone.
const LIST_GAP = /^\s*(?:(,)|,?\s*(?:&|and|und|or|oder))\s*$/u;
// A number right before the word ("2 miles").
const COUNT_BEFORE = /\d\s$/u;
// Academic degrees after "Dr." ("Dr. med.", "Dr. rer. nat.").
const DEGREES = new Set(['med', 'rer', 'nat', 'dent', 'phil', 'jur', 'vet', 'habil']);
// The last words of practices, shops and clubs (see `organisation`).
const ORGANISATION_ENDS = new Set(
  'vets surgery practice clinic pharmacy chemist chemists club society library school academy nursery centre center shop store stores bakery garage salon studio studios cafe café kitchen bistro restaurant hotel gym motors lettings estates removals plumbing roofing cleaning catering praxis apotheke verein bäckerei schule kita werkstatt laden salon'.split(
    ' ',
  ),
);
// The first words of practices, shops and clubs in German ("Kita Regenbogen", "Praxis Ahorn").
const ORGANISATION_HEADS = new Set(
  'kita kindergarten praxis tierarztpraxis zahnarztpraxis arztpraxis apotheke bäckerei metzgerei autohaus kanzlei gasthaus gasthof pension hotel café cafe restaurant verein'.split(
    ' ',
  ),
);
// A person's first word and the space after it, when more follows.
const FIRST_WORD = /^([\p{L}'’.]+) +(?=\p{Lu})/u;
// A contraction or a possessive after the word: "we're", "isn't", "Tuesday's".
const WORD_TAIL = /['’](?:s|re|ve|ll|d|m|t)$|n['’]t$/u;
// The pronoun before a contraction ("I've", "I'm"), on no list as a word of one letter.
const I = 'i';

/** Whether one lower-case word of a person finding is an ordinary word (see the file comment). */
function ordinaryWord(word: string, lowercase: boolean): boolean {
  const bare = word.replace(WORD_TAIL, '');
  if (bare === '') return false;
  if (bare === I) return bare !== word;
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
  const words = s.text.toLowerCase().split(/[\s-]+/u);
  // "Dr. med.": a degree after a title is part of it, whatever frame the title makes.
  if (words.length === 1 && DEGREES.has(words[0]!.replace(/\.$/u, ''))) return true;
  // "2 Miles", "3 Will": a word after a number counts it, though a list has it as a name.
  const counted =
    words.length === 1 && ORDINARY_WORDS.has(words[0]!) && COUNT_BEFORE.test(before(text, s));
  if (!counted) {
    for (const w of words) if (w !== '' && !ordinaryWord(w, lowercase)) return organisation(words);
  }
  if (NAME_FRAME_BEFORE.test(before(text, s))) return false;
  return !inPersonList(text, s, found);
}

function before(text: string, s: PiiSpan): string {
  return text.slice(Math.max(0, s.start - 24), s.start);
}

/**
 * "Pawprint Vets", "Maple Lane Surgery", "Kita Regenbogen": two words or more that end or begin
 * as a practice, shop or club is named, none of them a listed given name, name the place of
 * business.
 */
function organisation(words: readonly string[]): boolean {
  if (words.length < 2) return false;
  if (!ORGANISATION_ENDS.has(words[words.length - 1]!) && !ORGANISATION_HEADS.has(words[0]!))
    return false;
  const flags = gazetteer().flags;
  for (const w of words) if (((flags.get(w) ?? 0) & FIRST) !== 0) return false;
  return true;
}

/**
 * Whether another person stands beside `s` in a list: after "and" / "und" / "&" / "or", or
 * with a comma on both sides ("Tuki, Moss and Ahiga", "Ode, Lamb, Iker"); one person before a
 * comma alone is followed by a remark as often ("Krebs, Hinterhaus").
 */
function inPersonList(text: string, s: PiiSpan, found: readonly PiiSpan[]): boolean {
  let left = false;
  let right = false;
  for (const o of found) {
    if (o.type !== 'PERSON' || o === s || ordinaryPerson(text, o, false, [])) continue;
    if (o.end <= s.start && s.start - o.end <= 6) {
      const gap = LIST_GAP.exec(text.slice(o.end, s.start));
      if (gap) {
        if (gap[1] === undefined) return true;
        left = true;
      }
    }
    if (o.start >= s.end && o.start - s.end <= 6) {
      const gap = LIST_GAP.exec(text.slice(s.end, o.start));
      if (gap) {
        if (gap[1] === undefined) return true;
        right = true;
      }
    }
  }
  return left && right;
}

/**
 * "Customer Ofelu", "Hi Qaris", "Library Assistant Oyelaran": a written person whose first
 * words are ordinary words and whose rest is not begins after them; they are a role, a greeting
 * or a sentence's words.
 */
function withoutLeadingWords(s: PiiSpan, lowercase: boolean): PiiSpan {
  // A transcript's words are all small: what is left after the first may be no name at all.
  if (lowercase) return s;
  let cut = s;
  for (;;) {
    const m = FIRST_WORD.exec(cut.text);
    if (!m || !ordinaryWord(m[1]!.toLowerCase(), false)) return cut;
    const rest = cut.text.slice(m[0].length);
    // The rest must hold a word that is no ordinary one ("Library Assistant" stays whole).
    if (
      !rest
        .toLowerCase()
        .split(/[\s-]+/u)
        .some((w) => w !== '' && !ordinaryWord(w, false))
    )
      return cut;
    cut = { ...cut, start: cut.start + m[0].length, text: rest };
  }
}

/** Drops, in place, the person findings made of ordinary words only (and cuts a leading one). */
export function dropOrdinaryPersons(text: string, found: PiiSpan[], lowercase: boolean): void {
  let k = 0;
  const all = found.slice();
  for (const s of all) {
    if (s.type !== 'PERSON') found[k++] = s;
    else if (!ordinaryPerson(text, s, lowercase, all))
      found[k++] = withoutLeadingWords(s, lowercase);
  }
  found.length = k;
}
