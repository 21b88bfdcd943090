import { afterZu, CUE_WORD, findFramedNames, nounByWordBefore } from './frames.js';
import {
  AMBIGUOUS_WORD,
  DE_NOUN,
  DE_WORD,
  EN_WORD,
  EVERYDAY,
  FIRST,
  FUNCTION,
  type Gazetteer,
  gazetteer,
  PLACE_START,
  STOP,
  SUR,
} from './gazetteer.js';
import type { Emit } from './numbers.js';
import { SpellingSet } from './spelling-sets.js';
import { findTaggedNames } from './tagged-names.js';
import { taggerModel } from './tagger-model.js';
import { type Token, tokenize } from './tokens.js';
import type { Lang } from './types.js';
import type { Word } from './words.js';

// Regexes made once, not on every call.
const CAPITAL = /\p{Lu}/u;

// Phrases that name the next word(s) as a person. Strong ones are taken even for unknown names.
const STRONG_PERSON = [
  'mein name ist',
  'mein name lautet',
  'ich heiße',
  'ich heisse',
  'heiße',
  'my name is',
  "my name's",
  'name is',
  'herr',
  'herrn',
  'frau',
  'dr',
  'prof',
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'call me',
  'nennt mich',
  'ansprechpartner',
  'ansprechpartnerin',
].map((p) => p.split(' '));
const WEAK_PERSON = [
  'this is',
  'hier ist',
  'hier spricht',
  'i am',
  "i'm",
  'im',
  'ich bin',
  'call',
  'ruf',
  'rufe',
  'anrufen',
  'schreib',
  'schreibe',
  'text',
  'message',
  'email',
  'hallo',
  'hi',
  'hey',
  'liebe',
  'lieber',
  'dear',
  'grüße',
  'gruß',
  'lg',
  'vg',
  'cheers',
  'thanks',
  'danke',
  'mit',
  'with',
  'von',
  'from',
  'für',
  'for',
  'an',
  'to',
  'und',
  'and',
  'bei',
  'tell',
  'sag',
  'sage',
  'frag',
  'ask',
  'remind',
  'erinnere',
].map((p) => p.split(' '));
const PLACE_CUES = new Set(
  'in aus nach bei nahe near from to around von vom zu richtung via visiting besuche gegenüber wohne lebe live lives living moved gezogen zog'.split(
    ' ',
  ),
);
const STRONG_PLACE = [
  'wohne in',
  'lebe in',
  'komme aus',
  'live in',
  'lives in',
  "i'm from",
  'i am from',
  'moved to',
  'gezogen nach',
  'zog nach',
  'wohnhaft in',
  'based in',
].map((p) => p.split(' '));

/** Phrases grouped by their last word, so a token is checked only against phrases it can end. */
function byLastWord(phrases: readonly string[][]): ReadonlyMap<string, readonly string[][]> {
  const map = new Map<string, string[][]>();
  for (const p of phrases) {
    const last = p[p.length - 1]!;
    map.set(last, [...(map.get(last) ?? []), p]);
  }
  return map;
}
const STRONG_PERSON_BY_LAST = byLastWord(STRONG_PERSON);
const WEAK_PERSON_BY_LAST = byLastWord(WEAK_PERSON);
const STRONG_PLACE_BY_LAST = byLastWord(STRONG_PLACE);
// The last words of all three phrase lists, asked once per spelling: most tokens follow none,
// and `follows` then costs a bit test instead of a string-keyed probe per list.
const PHRASE_LAST = new SpellingSet(
  new Set([
    ...STRONG_PERSON_BY_LAST.keys(),
    ...WEAK_PERSON_BY_LAST.keys(),
    ...STRONG_PLACE_BY_LAST.keys(),
  ]),
);

/** Names of people and places from gazetteers, context words and capitalisation. */
export function findNames(text: string, lang: Lang, emit: Emit, words: readonly Word[] = []): void {
  const g = gazetteer();
  const lowercase = !CAPITAL.test(text);
  const tokens = tokenize(text, g.flags, words);
  // What the rules find, so that the tagger (run last) adds only names they left.
  const ruled: [number, number][] = [];
  const emitRuled = recording(ruled, emit);
  findFramedNames(text, tokens, lang, lowercase, emitRuled);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    // Function words ("Oma", "Easter") are no name without a title, but may start a place.
    if (
      ((t.f & STOP) !== 0 && (t.f & FIRST) === 0) ||
      ((t.f & FUNCTION) !== 0 &&
        (t.f & PLACE_START) === 0 &&
        !follows(tokens, i, STRONG_PERSON_BY_LAST))
    ) {
      i++;
      continue;
    }
    const nameLike = lowercase || t.cap;
    // A function word that is also a listed name ("allen", "will") counts as a name only after
    // a strong cue.
    const functionWord =
      ((t.f & FUNCTION) !== 0 && !follows(tokens, i, STRONG_PERSON_BY_LAST)) || CUE_WORD.has(t);
    const first = (t.f & FIRST) !== 0 && !functionWord;
    const sur = (t.f & SUR) !== 0 && !functionWord;
    const ambiguous = isAmbiguous(t, lang, lowercase);
    let score = 0;
    if (t.joined && follows(tokens, i, STRONG_PERSON_BY_LAST))
      score =
        (ambiguous && !(first || sur)) || (t.f & FUNCTION) !== 0 || CUE_WORD.has(t) ? 0 : 0.95;
    else if (
      t.joined &&
      follows(tokens, i, WEAK_PERSON_BY_LAST) &&
      // German "im" ("im Sommer", "im keller") is not English "I'm".
      !(lang === 'de' && tokens[i - 1]!.lower === 'im') &&
      (first || sur) &&
      // Written text: a lower-case word after "I'm" is no name ("I'm fine").
      (lowercase || t.cap) &&
      (t.f & FUNCTION) === 0
    )
      score = 0.85;
    else if (first && nameLike && !ambiguous) score = t.sentenceStart || lowercase ? 0.7 : 0.8;
    else if (first && nameLike && nextIsSurname(tokens, i, lowercase)) score = 0.85;
    else if (sur && !first && nameLike && !ambiguous)
      score = t.sentenceStart || lowercase ? 0.5 : 0.6;
    // A strong cue names even an unknown word, unless it is an everyday word.
    if (
      score === 0 &&
      t.joined &&
      follows(tokens, i, STRONG_PERSON_BY_LAST) &&
      (t.f & (EVERYDAY | FUNCTION)) === 0 &&
      !CUE_WORD.has(t)
    )
      score = 0.9;
    const place = score < 0.85 ? matchPlace(g, tokens, i, lowercase) : undefined;
    if (place && !(lowercase && place === i && afterZu(tokens, i))) {
      const cue = i > 0 && tokens[i]!.joined && PLACE_CUES.has(tokens[i - 1]!.lower);
      const strong = follows(tokens, i, STRONG_PLACE_BY_LAST);
      const placeAmbiguous = ambiguous || first || sur || functionWord || (t.f & EVERYDAY) !== 0;
      const placeScore = strong || cue ? (placeAmbiguous ? 0.85 : 0.95) : placeAmbiguous ? 0 : 0.75;
      if (placeScore > score) {
        emitRuled(t.start, tokens[place]!.end, 'LOCATION', placeScore);
        i = place + 1;
        continue;
      }
    } else if (
      score === 0 &&
      !lowercase &&
      t.cap &&
      follows(tokens, i, STRONG_PLACE_BY_LAST) &&
      (t.f & EVERYDAY) === 0
    ) {
      emitRuled(t.start, t.end, 'LOCATION', 0.8);
    }
    // A transcript: a listed word with no cue after an article or a number ("im keller", "kein
    // mehl", "the line", "five miles") is the common noun, not the name.
    if (score > 0 && score < 0.85 && lowercase && nounByWordBefore(tokens, i)) score = 0;
    if (score === 0) {
      i++;
      continue;
    }
    // Extend over following surnames or capitalised unknown words ("Anna Lena Schmidt").
    let last = i;
    while (last - i < 2 && last + 1 < tokens.length) {
      const n = tokens[last + 1]!;
      if (!n.joined || n.comma || n.sentenceStart || (n.f & STOP) !== 0) break;
      // A lone letter in a transcript is spelt ("van h p …"), not a name's part.
      if (lowercase && n.lower.length < 2) break;
      const known = (n.f & SUR) !== 0 || (n.f & FIRST) !== 0;
      const unknownCapital =
        !lowercase && n.cap && (n.f & EVERYDAY) === 0 && (n.f & PLACE_START) === 0;
      // Lower case: after a known given name, an unknown non-everyday word is the surname.
      const unknownLower = lowercase && (tokens[i]!.f & FIRST) !== 0 && last === i;
      if (!known && !unknownCapital && !unknownLower) break;
      // Written text: "Mr Farouk will call" – a lower-case word continues no name.
      if (!lowercase && !n.cap) break;
      if (lowercase && (n.f & EVERYDAY) !== 0) break;
      last++;
    }
    // A known surname after an unknown capitalised word: "Swetlana Dietrich".
    let from = i;
    const p = tokens[i - 1];
    if (
      p &&
      mixedCase(text, p) &&
      mixedCase(text, t) &&
      t.joined &&
      !t.comma &&
      !lowercase &&
      !follows(tokens, i, STRONG_PERSON_BY_LAST) &&
      !follows(tokens, i, WEAK_PERSON_BY_LAST) &&
      p.cap &&
      (p.f & STOP) === 0 &&
      (p.f & EVERYDAY) === 0 &&
      (t.f & SUR) !== 0 &&
      (t.f & FIRST) === 0
    )
      from = i - 1;
    if (last > from) score = Math.max(score, 0.9);
    emit(tokens[from]!.start, tokens[last]!.end, 'PERSON', score);
    ruled.push([tokens[from]!.start, tokens[last]!.end]);
    i = last + 1;
  }
  findTaggedNames(taggerModel(), text, tokens, lowercase, (start, end, type, score) => {
    // Written text: the tagger may grow a rule's name over capitalised words beside it ("Frau
    // Dr. Anna Nguyen"); in a transcript only capitals would tell where a name ends, so there
    // the rules' span stands.
    const clash = ruled.some(
      ([a, b]) => a < end && start < b && (lowercase || a < start || b > end),
    );
    if (!clash) emit(start, end, type, score);
  });
}

// Module-level helpers rather than closures made on every call: cheaper, and esbuild's name
// keeping (which tsx, and so the bench, uses) wraps every named closure it makes.

/** An Emit that also records each span's range in `ruled`. */
function recording(ruled: [number, number][], emit: Emit): Emit {
  return (start, end, type, score) => {
    ruled.push([start, end]);
    emit(start, end, type, score);
  };
}

/** Whether token i follows one of the phrases (the phrase ends at token i - 1). */
function follows(
  tokens: readonly Token[],
  i: number,
  phrases: ReadonlyMap<string, readonly string[][]>,
): boolean {
  if (i === 0) return false;
  const prev = tokens[i - 1]!;
  if (!PHRASE_LAST.has(prev)) return false;
  const candidates = phrases.get(prev.lower);
  if (candidates === undefined) return false;
  for (const p of candidates) if (endsWith(tokens, i, p)) return true;
  return false;
}

const SMALL_LETTER = /\p{Ll}/u;
/** A small letter after the token's first character. */
function mixedCase(text: string, k: Token): boolean {
  return SMALL_LETTER.test(text.slice(k.start + 1, k.end));
}

function endsWith(tokens: readonly Token[], i: number, phrase: readonly string[]): boolean {
  if (i < phrase.length) return false;
  for (let k = 0; k < phrase.length; k++) {
    const t = tokens[i - phrase.length + k]!;
    if (t.lower !== phrase[k]) return false;
    if (k > 0 && !t.joined) return false;
  }
  return true;
}

/**
 * German capitalises every noun, so a capitalised German noun says nothing; an English word
 * capitalised mid-sentence usually is a name. Lower-case transcripts carry no signal at all.
 */
function isAmbiguous(t: Token, lang: Lang, lowercase: boolean): boolean {
  if ((t.f & AMBIGUOUS_WORD) !== 0) return true;
  if (lowercase) return (t.f & EVERYDAY) !== 0;
  if ((t.f & DE_NOUN) !== 0) return true;
  if (lang === 'de') return t.sentenceStart && ((t.f & DE_WORD) !== 0 || (t.f & EN_WORD) !== 0);
  return t.sentenceStart ? (t.f & EN_WORD) !== 0 || (t.f & DE_WORD) !== 0 : false;
}

function nextIsSurname(tokens: readonly Token[], i: number, lowercase: boolean): boolean {
  const n = tokens[i + 1];
  return n?.joined === true && (lowercase || n.cap) && (n.f & SUR) !== 0;
}

/** Index of the last token of the longest place starting at token i, if any. */
function matchPlace(
  g: Gazetteer,
  tokens: readonly Token[],
  i: number,
  lowercase: boolean,
): number | undefined {
  const t = tokens[i]!;
  if (!lowercase && !t.cap) return undefined;
  // The first words of places, and only they, carry PLACE_START (gazetteer.ts): no probe of the
  // large map for the others.
  if ((t.f & PLACE_START) === 0) return undefined;
  const candidates = g.places.get(t.lower);
  if (!candidates) return undefined;
  for (const words of candidates) {
    let ok = true;
    for (let k = 1; k < words.length && ok; k++) {
      const n = tokens[i + k];
      ok = n?.joined === true && n.lower === words[k];
    }
    if (ok) return i + words.length - 1;
  }
  return undefined;
}
