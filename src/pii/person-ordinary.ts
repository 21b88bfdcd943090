import {
  EVERYDAY,
  FIRST,
  FUNCTION,
  gazetteer,
  holdsSpace,
  isPlace,
  STOP,
  splitAtSpace,
} from './gazetteer.js';
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
// Academic degrees after "Dr." ("Dr. med.", "Dr. rer. nat.").
const DEGREES = new Set(
  ['med', 'rer', 'nat', 'dent', 'phil', 'jur', 'vet', 'habil'].flatMap((d) => [d, `${d}.`]),
);
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
  // Most words hold no apostrophe: no regex for them.
  const bare = word.includes("'") || word.includes('’') ? word.replace(WORD_TAIL, '') : word;
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
  reading: Reading = readingOf(s.text, lowercase),
): boolean {
  // "Dr. med.": a degree after a title is part of it, whatever frame the title makes.
  if (DEGREES.has(s.text)) return true;
  const kind = reading.kind;
  if (kind === ORGANISATION) return true;
  if (kind === NAME && !counted(text, s)) return false;
  if (nameFrameBefore(before(text, s))) return false;
  return !inPersonList(text, s, found);
}

/**
 * "2 Miles", "3 Will": one ordinary word right after a number counts it, though a list has it
 * as a name.
 */
function counted(text: string, s: PiiSpan): boolean {
  if (s.start < 2 || text.charCodeAt(s.start - 1) !== 32) return false;
  const c = text.charCodeAt(s.start - 2);
  return c >= 48 && c <= 57 && !holdsSpace(s.text) && ORDINARY_WORDS.has(s.text.toLowerCase());
}

/** What a person's words are, read from its text alone (memoised: names recur). */
interface Reading {
  readonly kind: Kind;
  /** How many characters of leading ordinary words to cut (`withoutLeadingWords`). */
  readonly cut: number;
}
type Kind = 0 | 1 | 2;
const NAME = 0;
const ORDINARY = 1;
const ORGANISATION = 2;
const readings: [Map<string, Reading>, Map<string, Reading>] = [new Map(), new Map()];
const READING_LIMIT = 50_000;

function readingOf(t: string, lowercase: boolean): Reading {
  const memo = readings[lowercase ? 1 : 0];
  const known = memo.get(t);
  if (known !== undefined) return known;
  const words = lowerWords(t);
  let kind: Kind = ORDINARY;
  for (const w of words)
    if (w !== '' && !ordinaryWord(w, lowercase)) {
      kind = organisation(words) ? ORGANISATION : NAME;
      break;
    }
  const reading = { kind, cut: kind === NAME ? leadingCut(t, lowercase) : 0 };
  // Bounded: a stream of distinct names must not grow the process without limit.
  if (memo.size >= READING_LIMIT) memo.clear();
  memo.set(t, reading);
  return reading;
}

/** The words of a person in lower case, split at white space and hyphens. */
function lowerWords(t: string): string[] {
  const lower = t.toLowerCase();
  // Most persons hold no hyphen: the loop split of gazetteer.ts, not a regex.
  return lower.includes('-') ? lower.split(/[\s-]+/u) : splitAtSpace(lower);
}

/**
 * The last word each of NAME_FRAME_BEFORE's frames ends in ("name is" in "is", "leave it with"
 * in "with"). Tried at every offset before every finding, the pattern cost a text full of names
 * ten times the detector's own work; a frame it can match must end in one of these words or in a
 * label's colon, so other endings need no regex at all.
 */
const FRAME_LAST_WORDS: ReadonlySet<string> = new Set(
  'mr mrs ms mx miss mister missus dr doctor doktor prof professor sir dame lady lord herr herrn frau fr hr is s ist heiße heisse me mich named called genannt namens name surname vorname nachname familienname bitte please ring phone ask tell with bei'.split(
    ' ',
  ),
);
const LETTER = /\p{L}/u;
const SPACE = /\s/u;

/** NAME_FRAME_BEFORE.test(b), without the regex where its last word rules a frame out. */
export function nameFrameBefore(b: string): boolean {
  let end = b.length;
  while (end > 0 && SPACE.test(b[end - 1] as string)) end--;
  if (end === 0) return false;
  if (b[end - 1] === ':') return NAME_FRAME_BEFORE.test(b);
  if (b[end - 1] === '.') end--;
  let start = end;
  while (start > 0 && LETTER.test(b[start - 1] as string)) start--;
  // Case folding as the pattern's /iu does it, the long s included.
  const last = b.slice(start, end).toLowerCase().replace(/ſ/gu, 's');
  return FRAME_LAST_WORDS.has(last) && NAME_FRAME_BEFORE.test(b);
}

/** NAME_FRAME_BEFORE itself, for the test that holds nameFrameBefore to it. */
export const NAME_FRAME_PATTERN = NAME_FRAME_BEFORE;

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
    // Only a neighbour within six characters can make a list: test that before asking whether it
    // is itself ordinary, which read every person against every other one in a piece.
    const nearBefore = o.end <= s.start && s.start - o.end <= 6;
    const nearAfter = o.start >= s.end && o.start - s.end <= 6;
    if ((!nearBefore && !nearAfter) || o.type !== 'PERSON' || o === s) continue;
    if (ordinaryPerson(text, o, false, [])) continue;
    if (nearBefore) {
      const gap = LIST_GAP.exec(text.slice(o.end, s.start));
      if (gap) {
        if (gap[1] === undefined) return true;
        left = true;
      }
    }
    if (nearAfter) {
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
function leadingCut(t: string, lowercase: boolean): number {
  // A transcript's words are all small: what is left after the first may be no name at all.
  if (lowercase || !holdsSpace(t)) return 0;
  let cut = 0;
  for (;;) {
    const m = FIRST_WORD.exec(t.slice(cut));
    if (!m || !ordinaryWord(m[1]!.toLowerCase(), false)) return cut;
    const rest = t.slice(cut + m[0].length);
    // The rest must hold a word that is no ordinary one ("Library Assistant" stays whole).
    if (!lowerWords(rest).some((w) => w !== '' && !ordinaryWord(w, false))) return cut;
    cut += m[0].length;
  }
}

function withoutLeadingWords(s: PiiSpan, cut: number): PiiSpan {
  return cut === 0 ? s : { ...s, start: s.start + cut, text: s.text.slice(cut) };
}

/**
 * Drops, in place, the person findings made of ordinary words only (and cuts leading ones), and
 * a place guessed over the same words, which the person had hidden in `resolveOverlaps` ("post
 * of Library Assistant": no place either; a listed place stays).
 */
export function dropOrdinaryPersons(text: string, found: PiiSpan[], lowercase: boolean): void {
  // Read against the findings as they came; a copy is made only once one changes (most texts
  // have none to change).
  let out: PiiSpan[] | undefined;
  let dropped: PiiSpan[] | undefined;
  for (let i = 0; i < found.length; i++) {
    const s = found[i]!;
    let r: PiiSpan | undefined = s;
    if (s.type === 'PERSON') {
      const reading = readingOf(s.text, lowercase);
      if (ordinaryPerson(text, s, lowercase, found, reading)) {
        r = undefined;
        dropped ??= [];
        dropped.push(s);
      } else r = withoutLeadingWords(s, reading.cut);
    }
    if (r !== s) out ??= found.slice(0, i);
    if (out && r) out.push(r);
  }
  if (!out) return;
  found.length = 0;
  for (const s of out) if (!sameWordsPlace(s, dropped)) found.push(s);
}

/** A guessed place over exactly the words of a dropped person. */
function sameWordsPlace(s: PiiSpan, dropped: readonly PiiSpan[] | undefined): boolean {
  if (s.type !== 'LOCATION' || !dropped) return false;
  return dropped.some((d) => d.start === s.start && d.end === s.end) && !isPlace(s.text);
}
