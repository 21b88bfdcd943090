import {
  afterAdjective,
  afterDeterminer,
  afterZu,
  COMPASS,
  CUE_WORDS,
  isEnglishDeterminer,
  nounByWordBefore,
  PLACE_NOUNS,
  verbAfterKin,
  verbShaped,
} from './frames.js';
import { EVERYDAY, FUNCTION, gazetteer, STOP } from './gazetteer.js';
import type { Emit } from './numbers.js';
import { spellingDigits } from './spoken-numbers.js';
import { decode, type TaggerModel, tagSpans } from './tagger.js';
import type { Token } from './tokens.js';

// Regexes made once, not on every call.
const NOT_CONTRACTION = /n['’]t$/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ANY_DIGIT = /\p{N}/u;

/**
 * Smallest margin of the tagger's choice over its runner-up for a span to count. Set on the
 * tagger's own held-out origins (bench/pii-train) and the ordinary-word measure of
 * bench/pii-eval/ordinary.ts, never on an evaluation set's names.
 */
export const TAGGER_MIN_MARGIN = 7;
/** Below the frame rules' strong cues (0.85–0.95): where both find a name, the rules' span wins. */
export const TAGGER_SCORE = 0.7;

// A code of letters and digits right after a word: "A4", "B12", "2BX".
const CODE_AFTER = /^ +(?=\S*\p{L})(?=\S*\p{N})\S/u;

const CONTRACTION = /^(.*)['’](?:m|s|t|re|ve|ll|d)$/;

// Names of identifiers as a transcript writes them: the cue of a number, never a person.
const IDENTIFIER_WORDS = new Set('ssn iban bic pin plz dob kfz imei vin'.split(' '));

/** "don't", "isn't"; "I'm", "what's", "they're": a function word before the apostrophe. */
function isContraction(lower: string, flags: ReadonlyMap<string, number>): boolean {
  const m = CONTRACTION.exec(lower);
  if (!m) return false;
  if (NOT_CONTRACTION.test(lower)) return true;
  return ((flags.get(m[1]!) ?? 0) & (FUNCTION | STOP)) !== 0;
}

// Characters that glue a word into a code, a path or an address: "2BX", "docs/install", "a.b".
const GLUE_BEFORE = /[\p{N}/@._:#=&?+\\-]/u;
const GLUE_AFTER = /[\p{N}/@_#=&?+\\-]/u;

/** Whether the token is part of a longer string of letters, digits and symbols. */
function embedded(text: string, t: Token): boolean {
  const before = text[t.start - 1];
  const after = text[t.end];
  if (before !== undefined && GLUE_BEFORE.test(before)) return true;
  if (after === undefined) return false;
  if (GLUE_AFTER.test(after)) return true;
  // "example.com": a full stop with a letter or digit right after it is no sentence end.
  return after === '.' && LETTER_OR_DIGIT.test(text[t.end + 1] ?? '');
}

/**
 * Names and places the learned tagger finds where the rules stop: names with no list and no
 * cue, the surname beside a known given name, lower-case transcripts. A span made only of
 * function words or stop words is never taken.
 */
// English endings of verb forms and derived nouns and adjectives, rare in names: with at least
// three letters before them.
const ORDINARY_ENDING = /^[a-z]{3,}(?:ing|ment|tion|sion|ness|able|ible|less|ful)$/;

export function findTaggedNames(
  model: TaggerModel,
  text: string,
  tokens: readonly Token[],
  lowercase: boolean,
  emit: Emit,
): void {
  if (tokens.length === 0 || model.weights.size === 0) return;
  const { tags, margins } = decode(model, text, tokens, lowercase);
  const flags = gazetteer().flags;
  for (const span of tagSpans(tags, margins)) {
    if (span.margin < TAGGER_MIN_MARGIN) continue;
    // A cue word ("ciao", "told", "herr") names the word beside it and is never part of the
    // name, as in the frame rules: the tagger's span loses it at either end.
    let { from, to } = span;
    while (from <= to && CUE_WORDS.has(tokens[from]!.lower)) from++;
    while (to >= from && CUE_WORDS.has(tokens[to]!.lower)) to--;
    if (from > to) continue;
    const s = { ...span, from, to };
    // English contractions ("I'm", "don't", "what's") are never a name; "O'Brien" keeps its capital.
    // Nor a number word ("six", "zwanzig"): spoken numbers belong to the structured recognizers.
    let excluded = false;
    for (let i = s.from; i <= s.to; i++)
      excluded ||=
        isContraction(tokens[i]!.lower, flags) ||
        spellingDigits(tokens[i]!) !== undefined ||
        embedded(text, tokens[i]!);
    if (excluded) continue;
    const first = tokens[s.from]!;
    const last = tokens[s.to]!;
    // A name holds no digits ("DE36 …", "Model A4 2BX"): those belong to other recognizers.
    if (ANY_DIGIT.test(text.slice(first.start, last.end))) continue;
    // A single everyday word ("Green", "Bäcker") needs a rule's cue, not the tagger's guess.
    if (s.from === s.to && (first.f & EVERYDAY) !== 0) continue;
    // Nor "high" of "the high street": the street every town has names none of them.
    if (s.to <= s.from + 1 && first.lower === 'high' && tokens[s.from + 1]?.lower === 'street')
      continue;
    // Nor a direction ("from the north", "nach Süden").
    if (s.from === s.to && s.type === 'LOCATION' && COMPASS.has(first.lower)) continue;
    // Nor a word for a kind of place ("to town", "die Stadt"): the name comes after it.
    if (s.from === s.to && PLACE_NOUNS.has(first.lower)) continue;
    // Nor a word before a code of letters and digits ("Model A4 2BX", "Typ B12"): a product.
    if (s.from === s.to && CODE_AFTER.test(text.slice(last.end, last.end + 24))) continue;
    // Nor one written word after an article ("am Empfang", "die Rechnung"): a noun, not a person.
    if (s.from === s.to && !lowercase && s.type === 'PERSON' && afterDeterminer(tokens, s.from))
      continue;
    // A transcript: one word after an article or a number ("some lentils", "einen cappuccino",
    // "five miles") is a noun; a lone letter is spelt; the name of an identifier ("ssn") is none.
    if (lowercase && s.from === s.to && afterZu(tokens, s.from)) continue;
    if (
      lowercase &&
      (s.type === 'PERSON' || first.lower.length < 2) &&
      (nounByWordBefore(tokens, s.from) ||
        (s.from === s.to && (first.lower.length < 2 || IDENTIFIER_WORDS.has(first.lower))))
    )
      continue;
    // A transcript's lone unlisted word guessed a place right after an English article or a
    // number word ("set an alarm", "two kilos") or after a verb ("was charged twice"): a noun
    // or an adverb; a town follows a preposition. (German articles stay out: "nach der …".)
    if (
      lowercase &&
      s.from === s.to &&
      s.type === 'LOCATION' &&
      first.f === 0 &&
      tokens[s.from - 1] !== undefined &&
      first.joined &&
      (isEnglishDeterminer(tokens[s.from - 1]!.lower) ||
        tokens[s.from - 1]!.lower === 'an' ||
        spellingDigits(tokens[s.from - 1]!) !== undefined ||
        verbShaped(tokens[s.from - 1]!.lower))
    )
      continue;
    // Transcripts: an unlisted word with the ending of an English verb or noun ("jamming",
    // "payment") is an ordinary word the lists lack, not a name.
    if (
      s.from === s.to &&
      lowercase &&
      s.type === 'PERSON' &&
      first.f === 0 &&
      ORDINARY_ENDING.test(first.lower)
    )
      continue;
    // "my colleague takes over": after a relation word, a transcript's verb-shaped word.
    if (s.from === s.to && lowercase && s.type === 'PERSON' && verbAfterKin(tokens, s.from))
      continue;
    // "to renew the permit": after "to", a lower-case word before an article is a verb.
    const after = tokens[s.to + 1];
    if (
      s.from === s.to &&
      lowercase &&
      tokens[s.from - 1]?.lower === 'to' &&
      after?.joined === true &&
      isEnglishDeterminer(after.lower)
    )
      continue;
    // Nor a single capitalised word after an unlisted adjective ("Kleiner Tipp"), as in the rules.
    if (s.from === s.to && !lowercase && afterAdjective(tokens, s.from)) {
      if (!CUE_WORDS.has(tokens[s.from - 1]!.lower)) continue;
    }
    let content = false;
    for (let i = s.from; i <= s.to && !content; i++)
      content = (tokens[i]!.f & (FUNCTION | STOP)) === 0;
    if (!content) continue;
    emit(first.start, last.end, s.type, TAGGER_SCORE);
  }
}
