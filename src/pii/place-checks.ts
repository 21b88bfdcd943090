// Places by a rule's or the tagger's guess that the words around them show to be something
// else: a form's field ("Mobile: 0171 …", "…, Betreff: …"), a subject after "Dept. of", a
// German noun after its article ("Der Zug fährt …"), a compound of everyday words ("Hafer-Feld",
// "Flieder-Sirup"), a firm ("versichert bei HUK-Coburg"), a pub ("at The
// Feathers") and fixed phrases ("voted in favour"). Run after `dropNonNames`, before overlaps
// are resolved. Hand-written (ours, Apache-2.0); no place name is listed here.
import {
  DE_NOUN,
  EN_WORD,
  EVERYDAY,
  FIRST,
  gazetteer,
  isPlaceLower,
  PLACE_START,
  SUR,
} from './gazetteer.js';
import { notPlaceShape } from './non-place-shapes.js';
import { personGuessVerdict, placeGuessWords, siteFacility } from './place-guess-words.js';
import { endingRegex, GERMAN_TOWN_ENDINGS } from './town-endings.js';
import type { Lang, PiiSpan } from './types.js';

/** A field's value after the colon: a number, a phone's plus or bracket. */
const FIELD_VALUE_AFTER = /^:[ \t]*[+(\d]/u;
const FIELD_START_BEFORE = /(?:^|\n|[,;|·(])[ \t]*$/u;
const SUBJECT_BEFORE =
  /(?:^|[^\p{L}])(?:dept\.?|department|faculty|school|institute|professor|lecturer|chair|degree|abteilung|institut|lehrstuhl|fakultät|professur)\s+(?:of|for|in|für)\s+$/iu;
const ARTICLE_BEFORE = /(?:^|[^\p{L}])(?:der|die|das|dem|den|des|ein|eine|einem|einen|einer)\s+$/iu;
/** A preposition before the article: "in der Pfalz", "aus dem Allgäu" may name a region. */
const PREPOSITION_ARTICLE_BEFORE =
  /(?:^|[^\p{L}])(?:in|im|aus|nach|an|am|bei|von|vom|zu|zum|zur|auf|über|unter|vor|hinter|neben|zwischen|durch|für|gegen|um|mit|ins|ans)\s+(?:der|die|das|dem|den|des)\s+$/iu;
/** Countries take an article in German ("die Schweiz", "die Türkei", "der Iran"). */
const COUNTRY_SHAPE = /(?:ei|ien|land|lande|reich|schweiz|iran|irak|sudan|jemen|kongo|usa)$/u;
const TOWN_END = endingRegex([
  ...'ton ford bury by ham wick ley field'.split(' '),
  ...GERMAN_TOWN_ENDINGS,
  ...'ow ach ing ungen'.split(' '),
]);
const WORD_BEFORE = /(?:^|[^\p{L}])(\p{Ll}+) $/u;
const PREPOSITIONS = new Set(
  'in im aus nach bei von vom zu zum zur ab an am auf über unter vor hinter neben zwischen durch für gegen um mit ins ans richtung bis und oder sowie'.split(
    ' ',
  ),
);
const ACRONYM_FIRST = /^\p{Lu}{2,5}-\p{Lu}/u;
const THE_FIRST = /^The \p{Lu}/u;
const IN_BEFORE = /(?:^|[^\p{L}])in\s+$/iu;
/** Nouns of fixed phrases after "in": "voted in favour", "in person", "in advance". */
const IN_PHRASE_NOUNS = new Set(
  'favour favor person advance general particular public private return addition charge touch total turn'.split(
    ' ',
  ),
);
/** At or below the tagger's and the frames' guesses; a date line's or a tail's town stands. */
const GUESS_SCORE = 0.8;

/** The findings less the places that the words around them show to be something else. */
export function dropNonPlaces(text: string, lang: Lang, found: readonly PiiSpan[]): PiiSpan[] {
  let out: PiiSpan[] | undefined;
  for (let i = 0; i < found.length; i++) {
    const s = found[i]!;
    const verdict =
      s.type === 'LOCATION'
        ? notAPlace(text, lang, s)
        : s.type === 'PERSON' && s.score <= GUESS_SCORE
          ? personGuessVerdict(text, s.start, s.text)
          : false;
    if (verdict && !out) out = found.slice(0, i);
    if (verdict === 'person') out!.push({ ...s, type: 'PERSON' });
    else if (verdict === 'place') out!.push({ ...s, type: 'LOCATION' });
    else if (!verdict && out) out.push(s);
  }
  return out ?? (found as PiiSpan[]);
}

/** True or 'person' (a name by the words around it) when the guess is no place. */
function notAPlace(text: string, lang: Lang, s: PiiSpan): boolean | 'person' {
  const lower = s.text.toLowerCase();
  const listed = isPlaceLower(lower);
  const oneWord = !/\s/u.test(s.text);
  // A field's name: "Mobile: 0171 2345678" at a line's start, "…, Betreff: …" (a town before a
  // colon follows a preposition: "Anna aus Bad Tannried: …").
  if (oneWord && text.charCodeAt(s.end) === 58) {
    const before = text.slice(Math.max(0, s.start - 8), s.start);
    if (FIELD_START_BEFORE.test(before)) {
      if (!listed || FIELD_VALUE_AFTER.test(text.slice(s.end, s.end + 4))) return true;
    }
  }
  if (s.score > GUESS_SCORE) return false;
  const before = text.slice(Math.max(0, s.start - 24), s.start);
  if (oneWord && lang === 'de' && ARTICLE_BEFORE.test(before)) {
    if (!PREPOSITION_ARTICLE_BEFORE.test(before) && !COUNTRY_SHAPE.test(lower)) return true;
  }
  if (listed) return false;
  const shape = oneWord
    ? (notPlaceShape(text, s.start, s.end, s.text) ??
      placeGuessWords(text, lang, s.start, s.end, s.text))
    : undefined;
  if (shape !== undefined) return shape === 'person' ? 'person' : true;
  if (SUBJECT_BEFORE.test(before)) return true;
  if (siteFacility(text, s.start, lower)) return true;
  if (ACRONYM_FIRST.test(s.text) || THE_FIRST.test(s.text)) return true;
  if (oneWord && IN_PHRASE_NOUNS.has(lower) && IN_BEFORE.test(before)) return true;
  if (lang === 'de' && oneWord && s.text.includes('-') && everydayCompound(lower)) return true;
  if (lang !== 'de' || !oneWord) return false;
  // Right after a verb or other small word, no preposition between: an object ("verliert Nadeln").
  const w = WORD_BEFORE.exec(before);
  return w !== null && !PREPOSITIONS.has(w[1]!) && !TOWN_END.test(lower);
}

/** "hafer-feld": a last part that is an everyday word or a town's ending alone, or no town's. */
function everydayCompound(lower: string): boolean {
  const last = lower.slice(lower.lastIndexOf('-') + 1);
  const flags = gazetteer().flags;
  const f = flags.get(last) ?? 0;
  if (f & (EVERYDAY | DE_NOUN | EN_WORD)) return true;
  const m = TOWN_END.exec(last);
  if (m !== null) return m[0] === last;
  // No town's ending: a compound unless a part is a name's or a town's ("Saint-Denis").
  const first = flags.get(lower.slice(0, lower.indexOf('-'))) ?? 0;
  return ((f | first) & (FIRST | SUR | PLACE_START)) === 0;
}
