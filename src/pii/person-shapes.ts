import { CUE_WORDS } from './frames.js';
import {
  AMBIGUOUS_WORD,
  DE_NOUN,
  DE_WORD,
  EN_WORD,
  FIRST,
  FUNCTION,
  gazetteer,
  isPlace,
  isPlaceLower,
  listedSurname,
  STOP,
  SUR,
} from './gazetteer.js';
import { DE_MONTH_VARIANTS, DE_MONTHS, EN_MONTHS } from './months.js';
import { nameLikeness, SURNAME_LIKENESS } from './name-likeness.js';
import { NAME_PARTICLES } from './name-particles.js';
import type { Emit } from './numbers.js';
import { SpellingSet } from './spelling-sets.js';
import { digitsOf } from './spoken-numbers.js';
import type { Lang, PiiSpan } from './types.js';
import { oneSpace, type Word, wordIndexAt } from './words.js';

/**
 * Written names by their shape, where the other finders leave half a name or none (issue 17,
 * session 12); run after them, before persons are split. Each rule reads how names are
 * written, never which names:
 *
 * - An initial: "T. Okafor", "J. R. Ede", "Z. Min Thu": a capital letter and a full stop before
 *   a capitalised word that may be a name (the tagger took the letter alone, or nothing).
 * - A particle between two capitalised words: "Ana de Souza", "Luca di Marco", "Jan van Aken":
 *   the name runs over it, when a list or another finder calls either side a name, or both
 *   sides look like names by their letters.
 * - A name in capitals: "KOFI MENSAH" alone on its line (a signature) or beside a person found in
 *   it ("holder ADA" + "OBI"): two or three words in capitals that no word list has.
 * - A full stop inside a person ends it: "Frau Ilić. Abholnummer 12" (a tagger span that ran on
 *   into the next sentence); not after an initial or an abbreviated title.
 *
 * A word "may be a name" when it is capitalised, no function, cue or number word, and either a
 * listed name or on no word list (an English or German word on a list is an ordinary word).
 */

const UPPER = /^\p{Lu}$/u;
const CAPITALISED = /^\p{Lu}\p{Ll}/u;
const ALL_CAPS = /^\p{Lu}{2,}$/u;
const DIGIT = /\p{N}/u;
const SMALL = /\p{Ll}/u;
// Particles inside names, written in small letters.
const PARTICLES: ReadonlySet<string> = new Set([
  ...NAME_PARTICLES,
  ...'della delle dos das el ibn'.split(' '),
]);
// After these, a listed given name is a second person, not the rest of a name ("Grüße an Jana
// von Tobias", "a card for Ana from … de Tom" is rare).
const GIVEN_NAME_BREAKS = new Set(['von', 'van', 'zu', 'der', 'den', 'de', 'da', 'di']);
// German articles: a particle only after another ("van der", "von den"); alone, a noun follows
// them ("mit Xia Moua den Zugang").
const SECOND_ONLY = new Set(['der', 'den']);
// A particle that may open the particles of a name, asked of every word (once per spelling).
const FIRST_PARTICLE = new SpellingSet({
  has: (lower: string) => PARTICLES.has(lower) && !SECOND_ONLY.has(lower),
});
// Particles that are also German prepositions.
const PREPOSITIONS = new Set(['von', 'zu']);
// Abbreviations whose full stop ends no name: titles and "St." of saints' names.
const ABBREVIATIONS = new Set(
  'dr prof mr mrs ms mx hr fr dipl ing mag med st jr sr rev hon sen gen col capt lt'.split(' '),
);
// Spelled out like initials but no name's: "z. B.", "u. a.", "d. h." (lower case) are excluded
// by the capital; these are capital letters that open common abbreviations.
const SCORE = 0.85;

export function findPersonShapes(
  text: string,
  lang: Lang,
  words: readonly Word[],
  found: PiiSpan[],
  emit: Emit,
  lowercase: boolean,
): void {
  if (!SMALL.test(text)) return; // a text all in capitals: no shape to read
  if (lowercase) {
    if (lang === 'en' || lang === 'de') growSpokenHalfNames(text, words, found, emit);
    return;
  }
  const flags = gazetteer().flags;
  cutAtFullStops(text, words, found);
  dropLoneLetters(found);
  dropNounsAndMonths(text, lang, words, found);
  const persons = found.filter((s) => s.type === 'PERSON');
  growHalfNames(text, lang, words, flags, found, persons, emit);
  if (mayHoldNumbered(text)) findNumberedNames(text, flags, emit);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const len = w.end - w.start;
    if (len === 1) {
      const end = initialName(text, words, flags, i);
      if (end >= 0) emit(w.start, words[end]!.end, 'PERSON', SCORE);
      continue;
    }
    const c = text.charCodeAt(w.start);
    // Particles are written in small ASCII letters; only such words are asked about them.
    if (c >= 97 && c <= 122) {
      if (FIRST_PARTICLE.has(w) && i > 0 && i + 1 < words.length) {
        const span = particleName(text, words, flags, persons, i);
        if (span) emit(span[0], span[1], 'PERSON', SCORE);
      }
      continue;
    }
    if (
      upperAt(text, w.start + 1) &&
      ALL_CAPS.test(text.slice(w.start, w.end)) &&
      (i === 0 || !capsWord(text, words[i - 1]!))
    ) {
      const end = capsName(text, words, flags, persons, i);
      if (end > i) emit(w.start, words[end]!.end, 'PERSON', SCORE);
    }
  }
}

/** Whether the word may be part of a name by the lists (see the file comment). */
function mayBeName(lower: string, flags: ReadonlyMap<string, number>): boolean {
  const f = flags.get(lower) ?? 0;
  if ((f & (FUNCTION | STOP)) !== 0 || CUE_WORDS.has(lower) || digitsOf(lower) !== undefined)
    return false;
  return (f & (FIRST | SUR)) !== 0 || (f & (DE_NOUN | DE_WORD | EN_WORD | AMBIGUOUS_WORD)) === 0;
}

/** A capitalised word with small letters after its capital that may be a name. */
function nameWord(text: string, w: Word, flags: ReadonlyMap<string, number>): boolean {
  const s = text.slice(w.start, w.end);
  return w.end - w.start >= 2 && CAPITALISED.test(s) && !DIGIT.test(s) && mayBeName(w.lower, flags);
}

const CAPITAL_START = /\p{Lu}/u;

/** Capitalised, two letters or more, no function, cue or number word (a list word counts). */
function wordShaped(text: string, w: Word, flags: ReadonlyMap<string, number>): boolean {
  const s = text.slice(w.start, w.end);
  if (w.end - w.start < 2 || !CAPITALISED.test(s) || DIGIT.test(s)) return false;
  const f = flags.get(w.lower) ?? 0;
  return (
    (f & (FUNCTION | STOP)) === 0 && !CUE_WORDS.has(w.lower) && digitsOf(w.lower) === undefined
  );
}

/** Whether the character at `pos` may be a capital: an ASCII capital or any non-ASCII letter. */
function upperAt(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  return (c >= 65 && c <= 90) || c >= 128;
}

/**
 * The last word of a name that starts with the initial at word i ("T. Okafor", "J. R. Ede"),
 * or -1: a capital letter, a full stop, one space, then a name word (or another initial);
 * up to two more name words follow ("Z. Min Thu").
 */
function initialName(
  text: string,
  words: readonly Word[],
  flags: ReadonlyMap<string, number>,
  i: number,
): number {
  let k = i;
  // Initials in a row: "J. R."
  while (k < words.length) {
    const w = words[k]!;
    if (w.end - w.start !== 1 || !UPPER.test(text[w.start]!) || text[w.end] !== '.') return -1;
    const n = words[k + 1];
    if (n === undefined || n.start !== w.end + 2 || text[w.end + 1] !== ' ') return -1;
    if (n.end - n.start === 1) k++;
    else break;
  }
  // "z. B. Meier" is no name; a lower-case letter before the initials opens an abbreviation.
  const before = words[i - 1];
  if (before && before.end - before.start === 1 && text[before.end] === '.') return -1;
  let last = k + 1;
  if (last >= words.length) return -1;
  // After an initial that follows a small word ("bei F. Gerste"), a surname that is also a word
  // counts; after a capitalised one ("Anlage B. Rechnung") the letter may end a label.
  const surname = words[last]!;
  const afterSmallWord = before === undefined || !CAPITAL_START.test(text[before.start]!);
  if (!nameWord(text, surname, flags) && !(afterSmallWord && wordShaped(text, surname, flags)))
    return -1;
  if (isPlaceLower(words[last]!.lower) && !listedSurname(words[last]!.lower)) return -1;
  while (
    last + 1 < words.length &&
    last - k < 3 &&
    oneSpace(text, words[last]!, words[last + 1]!) &&
    nameWord(text, words[last + 1]!, flags)
  )
    last++;
  return last;
}

/** The person found over the character at `pos`, if any. */
function personAt(persons: readonly PiiSpan[], pos: number): PiiSpan | undefined {
  for (const s of persons) if (s.start <= pos && pos < s.end) return s;
  return undefined;
}

/**
 * "Ana de Souza": the name over the particle at word i, as [start, end], or undefined. Both
 * sides capitalised and name words; the particle in small letters with one space either side.
 */
function particleName(
  text: string,
  words: readonly Word[],
  flags: ReadonlyMap<string, number>,
  persons: readonly PiiSpan[],
  i: number,
): [number, number] | undefined {
  const p = words[i]!;
  const a = words[i - 1]!;
  let b = words[i + 1]!;
  let bi = i + 1;
  // "Ghjulia della Pietri", "Jan van der Berg": one more particle may follow.
  if (PARTICLES.has(b.lower) && i + 2 < words.length && oneSpace(text, b, words[i + 2]!)) {
    b = words[i + 2]!;
    bi = i + 2;
  }
  if (!oneSpace(text, a, p) || !oneSpace(text, words[bi - 1]!, b)) return undefined;
  if (!nameWord(text, a, flags) || !nameWord(text, b, flags)) return undefined;
  const bf = flags.get(b.lower) ?? 0;
  if (isPlaceLower(b.lower) && (bf & SUR) === 0) return undefined;
  if (GIVEN_NAME_BREAKS.has(p.lower) && (bf & FIRST) !== 0 && (bf & SUR) === 0) return undefined;
  const left = personAt(persons, a.start);
  let right = personAt(persons, b.start);
  // A full name right after the word is its object ("Bewerbung von Anna Berg"), not a surname.
  if (right && right.start === b.start && right.end > b.end) right = undefined;
  const af = flags.get(a.lower) ?? 0;
  // German prepositions and articles ("von", "zu", "der", "den") join only after a name: "Ende
  // der Woche", "Angebot von Tom" hold no name over them.
  const named = PREPOSITIONS.has(p.lower)
    ? (left !== undefined || (af & FIRST) !== 0) && (bf & FIRST) === 0
    : left !== undefined ||
      right !== undefined ||
      (af & FIRST) !== 0 ||
      (bf & SUR) !== 0 ||
      (af === 0 &&
        bf === 0 &&
        nameLikeness(a.lower) > SURNAME_LIKENESS &&
        nameLikeness(b.lower) > SURNAME_LIKENESS);
  if (!named) return undefined;
  return [left?.start ?? a.start, Math.max(b.end, right?.end ?? b.end)];
}

/** A word in capitals, two letters or more. */
function capsWord(text: string, w: Word): boolean {
  return w.end - w.start >= 2 && ALL_CAPS.test(text.slice(w.start, w.end));
}

/**
 * The last word of a name in capitals that starts at word i, or -1: two or three words in
 * capitals one space apart, none on a word list, at least one of three letters or more; alone on
 * their line or beside a person found in them.
 */
function capsName(
  text: string,
  words: readonly Word[],
  flags: ReadonlyMap<string, number>,
  persons: readonly PiiSpan[],
  i: number,
): number {
  let last = i;
  while (
    last + 1 < words.length &&
    last - i < 2 &&
    oneSpace(text, words[last]!, words[last + 1]!) &&
    capsWord(text, words[last + 1]!)
  )
    last++;
  if (last === i) return -1;
  if (last + 1 < words.length && oneSpace(text, words[last]!, words[last + 1]!)) {
    // More capitals after a space: a heading or a shouted sentence, not a name.
    if (capsWord(text, words[last + 1]!)) return -1;
  }
  let long = false;
  for (let k = i; k <= last; k++) {
    const w = words[k]!;
    if (!mayBeName(w.lower, flags)) return -1;
    if (w.end - w.start >= 3) long = true;
  }
  if (!long) return -1;
  const start = words[i]!.start;
  const end = words[last]!.end;
  if (isPlace(text.slice(start, end))) return -1;
  if (persons.some((s) => s.start < end && start < s.end)) return last;
  // Alone on a line, a heading in capitals is as likely ("OPENING HOURS"): each word no list
  // knows must look like a name by its letters.
  for (let k = i; k <= last; k++) {
    const w = words[k]!;
    if ((flags.get(w.lower) ?? 0) === 0 && nameLikeness(w.lower) <= SURNAME_LIKENESS) return -1;
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  return line.trim() === text.slice(start, end) ? last : -1;
}

/**
 * Cuts a person at a full stop inside it that ends a sentence: after a word of two letters or
 * more that is no abbreviation, before a space and a capital ("Ilić. Abholnummer").
 */
function cutAtFullStops(text: string, words: readonly Word[], found: PiiSpan[]): void {
  for (let k = 0; k < found.length; k++) {
    const s = found[k]!;
    if (s.type !== 'PERSON' || !s.text.includes('. ')) continue;
    for (const w of words) {
      if (w.end <= s.start) continue;
      if (w.end >= s.end) break;
      if (text[w.end] !== '.' || text[w.end + 1] !== ' ' || w.end - w.start < 2) continue;
      if (ABBREVIATIONS.has(w.lower) || !UPPER.test(text[w.end + 2] ?? '')) continue;
      found[k] = { ...s, end: w.end, text: text.slice(s.start, w.end) };
      break;
    }
  }
}

// Endings of English adverbs and verb forms that open sentences ("Luckily", "Having").
const ADVERB_OR_VERB = /(?:ly|ing|ed)$/;
// Characters after which a word starts a sentence (or a field, a list item, a line).
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '\n']);

/** Whether the word opens a sentence, a line or a field ("Reference: Ana …", "\nAna …"). */
function opensSentence(text: string, w: Word): boolean {
  let k = w.start - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
  return k < 0 || SENTENCE_END.has(text[k]!);
}

/** Whether the word is followed by a comma, a line break, a bracket or the text's end. */
function endsPhrase(text: string, w: Word): boolean {
  const c = text[w.end];
  return c === undefined || c === ',' || c === '\n' || c === '\r' || c === '(' || c === ';';
}

/**
 * Half a name grown whole (issue 17, session 12):
 *
 * - Back: the shape rules read no capital at a sentence's start, so "Reference: Ana Pugh …"
 *   yields "Pugh" alone. A capitalised word that opens the sentence right before a person is
 *   its given name when a list has it as one or, on no list, its letters look like a name.
 * - Forward: a one-word person and a capitalised word after it that no list calls a place, a
 *   function or cue word: its surname. In German, where nouns are capitalised too, only when
 *   the person opens the sentence or the word ends the phrase ("Vertretung: Ana Berg, Raum 2");
 *   in English a word on a word list counts too ("Cressida Partridge"), as mid-sentence
 *   capitals there are names.
 */
function growHalfNames(
  text: string,
  lang: Lang,
  words: readonly Word[],
  flags: ReadonlyMap<string, number>,
  found: readonly PiiSpan[],
  persons: readonly PiiSpan[],
  emit: Emit,
): void {
  for (const s of persons) {
    const i = wordIndexAt(words, s.start);
    if (i < 0) continue;

    const w = words[i]!;
    const b = words[i - 1];
    // Cheap tests first: most persons have no word right before them that opens a sentence.
    if (
      b &&
      // The person is one word and no given name alone: the surname the given name is missing.
      w.end === s.end &&
      w.end - w.start >= 2 &&
      oneSpace(text, b, w) &&
      opensSentence(text, b)
    ) {
      const wf = flags.get(w.lower) ?? 0;
      if (
        ((wf & FIRST) === 0 || (wf & SUR) !== 0) &&
        !ADVERB_OR_VERB.test(b.lower) &&
        nameWord(text, b, flags) &&
        givenNameLike(b, flags) &&
        !found.some((o) => o.start < b.end && b.start < o.end) &&
        !isPlaceLower(b.lower)
      )
        emit(b.start, s.end, 'PERSON', Math.max(s.score, SCORE));
    }
    if (w.end !== s.end) continue;
    const n = words[i + 1];
    if (!n || n.end - n.start < 2 || !oneSpace(text, w, n) || !upperAt(text, n.start)) continue;
    const nf = flags.get(n.lower) ?? 0;
    if ((nf & (FUNCTION | STOP)) !== 0 || ((nf & FIRST) !== 0 && (nf & SUR) === 0)) continue;
    if (!CAPITALISED.test(text.slice(n.start, n.end)) || CUE_WORDS.has(n.lower)) continue;
    if (DIGIT.test(n.lower)) continue;
    const ok =
      lang === 'en'
        ? (nf & AMBIGUOUS_WORD) === 0 || (nf & SUR) !== 0
        : mayBeName(n.lower, flags) && (opensSentence(text, w) || endsPhrase(text, n));
    if (!ok) continue;
    // A person that another finder calls a place ("Pennick High Street") is not grown forward;
    // another finding over the word stops it, unless it is that word alone as a person.
    if (found.some((o) => o.type === 'LOCATION' && o.start < s.end && s.start < o.end)) continue;
    if (
      found.some(
        (o) =>
          o.start < n.end &&
          n.start < o.end &&
          !(o.type === 'PERSON' && o.start === n.start && o.end === n.end),
      )
    )
      continue;
    if (isPlaceLower(n.lower)) continue;
    emit(s.start, n.end, 'PERSON', Math.max(s.score, SCORE));
  }
}

/** A word before a surname that may be its given name: listed as one, or shaped like one. */
function givenNameLike(w: Word, flags: ReadonlyMap<string, number>): boolean {
  const f = flags.get(w.lower) ?? 0;
  if ((f & FIRST) !== 0) return true;
  return f === 0 && nameLikeness(w.lower) > SURNAME_LIKENESS;
}

/** A person that is one letter ("Plan B.", an initial whose name was not found) names no one. */
function dropLoneLetters(found: PiiSpan[]): void {
  for (let k = found.length - 1; k >= 0; k--) {
    const s = found[k]!;
    if (s.type === 'PERSON' && s.end - s.start === 1) found.splice(k, 1);
  }
}

// (Not "an": the German preposition, in texts the language guess calls English.)
const ARTICLES = new Set(['a', 'the']);
// Without "mai" and the variants, as this rule read months before the list was shared.
const MONTHS: ReadonlySet<string> = new Set([
  ...EN_MONTHS,
  ...DE_MONTHS.filter((m) => !DE_MONTH_VARIANTS.has(m) && m !== 'mai'),
]);
// Words of time before a month ("since June", "Ende Juli"); "from" and "to" stay out: "a card
// from June", "talk to April".
const BEFORE_MONTH = new Set(
  'since until till in during through of before after by early late mid end seit bis ab im anfang ende mitte'.split(
    ' ',
  ),
);
const YEAR_AFTER = /^ \d{4}(?!\d)/;

/**
 * Persons that are something else by the word around them: in English, anything right after an
 * article ("A Rook has nested", "visit the Zoo", "The Crown Inn": a name takes none), and a
 * month alone before a year or after a word of time ("to June 2024", "since August").
 */
function dropNounsAndMonths(
  text: string,
  lang: Lang,
  words: readonly Word[],
  found: PiiSpan[],
): void {
  for (let k = found.length - 1; k >= 0; k--) {
    const s = found[k]!;
    if (s.type !== 'PERSON') continue;
    const i = wordIndexAt(words, s.start);
    if (i < 0) continue;
    const w = words[i]!;
    const before = words[i - 1];
    const spaced = before !== undefined && oneSpace(text, before, w);
    if (lang === 'en' && spaced && ARTICLES.has(before.lower)) {
      found.splice(k, 1);
      continue;
    }
    if (w.end !== s.end || !MONTHS.has(w.lower)) continue;
    if (YEAR_AFTER.test(text.slice(s.end, s.end + 6)) || (spaced && BEFORE_MONTH.has(before.lower)))
      found.splice(k, 1);
  }
}

/** Whether a digit stands before some ". " of the text: the only texts a list item may be in. */
function mayHoldNumbered(text: string): boolean {
  let k = text.indexOf('. ');
  while (k > 0) {
    const c = text.charCodeAt(k - 1);
    if (c >= 48 && c <= 57) return true;
    k = text.indexOf('. ', k + 2);
  }
  return false;
}

// A numbered list's item: "1. Ana Berg, 2. …" (after the text's start, a colon, a comma or a
// line), one to three capitalised words up to a comma, a semicolon, a line end or the end.
const NUMBERED_ITEM =
  /(?:^|[\s:;,])\d{1,2}\. (\p{Lu}[\p{L}\p{M}'’-]+(?: \p{Lu}[\p{L}\p{M}'’-]+){0,2})(?=[,;\n]|$)/gu;

/**
 * A numbered list of people: "Rota: 1. Ana Berg, 2. Tom Reed, 3. Ivo": when two items or more
 * are two or three words that may be names, every item whose words may be names is a person
 * (an agenda's items are single nouns: "1. Begrüßung, 2. Bericht").
 */
function findNumberedNames(text: string, flags: ReadonlyMap<string, number>, emit: Emit): void {
  const items: [number, number, number][] = [];
  let full = 0;
  for (const m of text.matchAll(NUMBERED_ITEM)) {
    const name = m[1]!;
    const parts = name.split(' ');
    if (!parts.every((p) => mayBeName(p.toLowerCase(), flags))) continue;
    const start = m.index + m[0].length - name.length;
    items.push([start, start + name.length, parts.length]);
    if (parts.length > 1) full++;
  }
  if (full < 2) return;
  for (const [start, end] of items) emit(start, end, 'PERSON', SCORE);
}

// Particles a transcript keeps inside a name: none of them a German or English word on its own
// ("von", "da", "la" are).
const SPOKEN_PARTICLES = new Set('de del della di dos du van ter ten bin ibn'.split(' '));
// Words after which a transcript names the one something goes to or comes from ("to" and "from"
// also open places: "to banyumas lale told me").
const SPOKEN_CUES = new Set('by with for an von mit für bei'.split(' '));

/**
 * A transcript's half names (issue 17, session 12): a one-word person after a particle and an
 * unlisted word ("petru di pietri" found as "pietri"); a one-word person after an unlisted
 * word that follows "an", "von", "by", "with" … ("schicken sie das an selorm kpodo" found as
 * "kpodo"). A person that is a particle alone ("de") is dropped.
 */
function growSpokenHalfNames(
  text: string,
  words: readonly Word[],
  found: PiiSpan[],
  emit: Emit,
): void {
  const flags = gazetteer().flags;
  for (let k = found.length - 1; k >= 0; k--) {
    const s = found[k]!;
    if (s.type !== 'PERSON') continue;
    const i = wordIndexAt(words, s.start);
    if (i < 0) continue;
    const w = words[i]!;
    if (w.end === s.end && SPOKEN_PARTICLES.has(w.lower)) {
      found.splice(k, 1);
      continue;
    }
    if (w.end !== s.end || i < 2) continue;
    let b = i - 1;
    if (SPOKEN_PARTICLES.has(words[b]!.lower) && oneSpace(text, words[b]!, w)) b--;
    const g = words[b]!;
    const cue = words[b - 1];
    if (!oneSpace(text, g, words[b + 1]!) || !unlistedWord(g, flags)) continue;
    if (b === i - 1 && (cue === undefined || !SPOKEN_CUES.has(cue.lower))) continue;
    if (found.some((o) => o.start < g.end && g.start < o.end)) continue;
    emit(g.start, s.end, 'PERSON', s.score);
  }
}

/** A transcript's word on no list, three letters or more, no cue or number word. */
function unlistedWord(w: Word, flags: ReadonlyMap<string, number>): boolean {
  return (
    w.end - w.start >= 3 &&
    (flags.get(w.lower) ?? 0) === 0 &&
    !CUE_WORDS.has(w.lower) &&
    digitsOf(w.lower) === undefined
  );
}
