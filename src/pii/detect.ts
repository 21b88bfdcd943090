import { findChatNames } from './chat-names.js';
import { joinGermanAddresses } from './de-addresses.js';
import { findGermanTownShapes } from './de-town-shapes.js';
import { gazetteer, isCommonWord, isPlace } from './gazetteer.js';
import { findHouseAddresses } from './house-numbers.js';
import { detectLanguage } from './lang.js';
import { findLetterPlaces } from './letter-heads.js';
import { joinNameParts } from './name-joins.js';
import { findListedNames } from './name-lists.js';
import { findNames } from './names.js';
import { dropNonNames } from './non-places.js';
import { type Emit, findNumbers } from './numbers.js';
import { findCustom, findPatterns } from './patterns.js';
import { fixPersonEdges } from './person-edges.js';
import { findLabelledPersons } from './person-labels.js';
import { findOtherMentions } from './person-mentions.js';
import { dropOrdinaryPersons } from './person-ordinary.js';
import { findPersonShapes } from './person-shapes.js';
import { splitPersons } from './person-splits.js';
import { dropNonPlaces } from './place-checks.js';
import { findLabelledPlaces } from './place-labels.js';
import { growPlaceTails } from './place-tails.js';
import { resolveOverlaps } from './resolve.js';
import { findSpeakers } from './speakers.js';
import { normaliseSpoken } from './spoken.js';
import { findSpokenForms } from './spoken-forms.js';
import { growSpokenNames } from './spoken-name-pairs.js';
import type { Normalised } from './spoken-replacements.js';
import { findSpokenSsns } from './spoken-ssns.js';
import { PIECE_CHARS, PIECE_OVERLAP, textPieces } from './text-pieces.js';
import { findTownsAfterPersons } from './town-after-person.js';
import { findTownsAfterStreets } from './town-after-street.js';
import { findTownShapes } from './town-shapes.js';
import type { CustomIdentifier, Lang, PiiSpan, PiiType } from './types.js';
import { findUkAddresses } from './uk-addresses.js';
import { splitWords } from './words.js';

export interface DetectOptions {
  /** Skips language detection. */
  readonly lang?: Lang;
  /** Findings scoring below this are dropped before overlaps are resolved. Default 0.5. */
  readonly minScore?: number;
  readonly identifiers?: readonly CustomIdentifier[];
  /** Only these types are reported (all when absent). */
  readonly types?: readonly PiiType[];
  /** Words never reported as a person or place: wake words, product names. */
  readonly allow?: readonly string[];
}

export const DEFAULT_MIN_SCORE = 0.5;
const CAPITAL = /\p{Lu}/u;
export const DEFAULT_ALLOW: readonly string[] = ['Alexa', 'Siri', 'Cortana', 'Echo', 'Google'];
const DEFAULT_ALLOW_SET: ReadonlySet<string> = new Set(DEFAULT_ALLOW.map((w) => w.toLowerCase()));

/**
 * Finds personal data in one text. Pure: no I/O, same input, same output.
 *
 * Structured recognizers run on the spoken-form normalised text (identical to the input for
 * written text) and their spans are mapped back; names and places run on the input itself.
 */
export function detectPii(text: string, options: DetectOptions = {}): PiiSpan[] {
  if (text.length <= PIECE_CHARS) return detectPiece(text, options);
  // A long text in pieces (text-pieces.ts), all read in the language of the whole.
  const lang = options.lang ?? detectLanguage(text, splitWords(text, gazetteer().flags));
  const found: PiiSpan[] = [];
  let reach = 0;
  for (const [start, end] of textPieces(text)) {
    // Each piece is read with PIECE_OVERLAP characters either side, so that a value cut in two
    // (an IBAN, a phone number, a name) is found whole; a finding belongs to the piece it starts
    // in, and one that starts where an earlier piece's finding still runs lost to it there (a
    // guard: only a finding longer than the overlap could reach into the next piece's own part).
    const from = Math.max(0, start - PIECE_OVERLAP);
    const to = Math.min(text.length, end + PIECE_OVERLAP);
    for (const s of detectPiece(text.slice(from, to), { ...options, lang })) {
      const a = s.start + from;
      if (a < start || a >= end || a < reach) continue;
      found.push(from === 0 ? s : { ...s, start: a, end: s.end + from });
      reach = Math.max(reach, s.end + from);
    }
  }
  return found;
}

/** `detectPii` on one piece of a text (all of it when it is short). */
function detectPiece(text: string, options: DetectOptions): PiiSpan[] {
  // One word-splitting pass, shared by language detection, the spoken-form pre-check and the
  // name rules' tokens (spelt from the gazetteer's table, which theirs is).
  const words = splitWords(text, gazetteer().flags);
  const lang = options.lang ?? detectLanguage(text, words);
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const types = options.types ? new Set(options.types) : undefined;
  const allow = options.allow
    ? new Set(options.allow.map((w) => w.toLowerCase()))
    : DEFAULT_ALLOW_SET;
  const found: PiiSpan[] = [];
  const emit = collector(text, minScore, types, allow, found);
  const spoken = normaliseSpoken(text, words);
  const scan = spoken?.text ?? text;
  const mapped = spoken ? mappedBack(spoken, emit) : emit;
  findNumbers(scan, lang, mapped);
  if (spoken && lang === 'en') findSpokenSsns(scan, mapped);
  findPatterns(scan, mapped, isPlace, isCommonWord);
  findUkAddresses(text, emit);
  if (lang === 'en' && !spoken) findHouseAddresses(text, emit);
  if (!spoken) joinGermanAddresses(text, found, emit);
  if (options.identifiers?.length) findCustom(scan, options.identifiers, mapped);
  findSpokenForms(text, emit, words);
  findNames(text, lang, emit, words);
  findTownsAfterStreets(text, found, emit);
  findLabelledPlaces(text, words, emit);
  findLetterPlaces(text, emit);
  const lowercase = !CAPITAL.test(text);
  findLabelledPersons(text, lowercase, emit);
  if (!lowercase) findChatNames(text, emit);
  joinNameParts(text, lang, words, found, emit, lowercase);
  findListedNames(text, found, emit);
  if (lowercase) growSpokenNames(text, words, found, emit);
  findSpeakers(text, words, found, emit);
  fixPersonEdges(text, lang, words, found, emit, lowercase);
  findPersonShapes(text, lang, words, found, emit, lowercase);
  if (lowercase && lang === 'de') findGermanTownShapes(text, emit);
  growPlaceTails(text, found, emit, lowercase);
  if (lowercase && lang === 'en') findTownsAfterPersons(text, found, emit);
  if (lowercase && lang === 'en') findTownShapes(text, emit);
  splitPersons(found);
  const named = dropNonNames(text, lang, found);
  dropOrdinaryPersons(text, named, lowercase);
  findOtherMentions(text, words, named, collector(text, minScore, types, allow, named));
  return resolveOverlaps(dropNonPlaces(text, lang, named));
}

// Factories of the Emit callbacks rather than closures named in detectPii: esbuild's name
// keeping (which tsx, and so the bench, uses) wraps every named closure each time it is made.

/** Keeps the findings that pass the options, with their text. */
function collector(
  text: string,
  minScore: number,
  types: ReadonlySet<PiiType> | undefined,
  allow: ReadonlySet<string>,
  found: PiiSpan[],
): Emit {
  return (start, end, type, score) => {
    if (score < minScore || end <= start || (types && !types.has(type))) return;
    const value = text.slice(start, end);
    if ((type === 'PERSON' || type === 'LOCATION') && allow.has(value.toLowerCase())) return;
    found.push({ start, end, type, score: Math.min(1, score), text: value });
  };
}

/** Maps spans of the normalised text back to the original before emitting them. */
function mappedBack(spoken: Normalised, emit: Emit): Emit {
  return (start, end, type, score) => {
    const [s, e] = spoken.toOriginal(start, end);
    emit(s, e, type, score);
  };
}
