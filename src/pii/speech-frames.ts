import { EVERYDAY, FIRST, FUNCTION, gazetteer, PLACE_START, STOP, SUR } from './gazetteer.js';
import { nameLikeness, SURNAME_LIKENESS } from './name-likeness.js';
import type { Emit } from './numbers.js';
import { SpellingSet } from './spelling-sets.js';
import { digitsOf } from './spoken-numbers.js';
import type { Token } from './tokens.js';
import type { Lang } from './types.js';

/**
 * Names by the frames of talk, which no list needs: the speaker at the start of a call ("tenzin
 * here can you …", "eero hier kannst du …"), a person beside the speaker ("grace and i went",
 * "me and lhamo are", "zsófia und ich"), and a town before its high street ("ledbury high
 * street"). Run by `findFramedNames` on the same tokens.
 */

// Words that may open a call before the speaker's name: "yeah tenzin here", "hallo eero hier".
const OPENERS = new Set(
  'yeah yes yep hi hello hey oh so ok okay right ja hallo also ähm äh'.split(' '),
);
const HERE = new Set(['here', 'hier']);
// The words after a frame's first word (see findSpeechFrames).
const TRIGGERS = new Set(['here', 'hier', 'and', 'und', 'hat', 'hatte', 'has', 'had', 'high']);
const AND = new Set(['and', 'und']);
const SELF = new Set(['i', 'ich']);
const ME = new Set(['me', 'ich']);
// TRIGGERS and ME asked once per spelling: the frames' loop asks them of every token.
const TRIGGER_WORD = new SpellingSet(TRIGGERS);
const ME_WORD = new SpellingSet(ME);
/** Words whose name before "and i" is no person: "you and i", "both … and i". */
const NOT_BEFORE_AND = new Set('you both between du sowohl zwischen'.split(' '));

/**
 * A word that may be a name in a frame of talk: a listed given name or surname (also when it is
 * an everyday word: "grace", "will", "hope"), or an unlisted word whose letters look like a
 * name. Never a number word or a word that is only a function word.
 */
function nameWord(
  text: string,
  t: Token | undefined,
  lowercase: boolean,
  lang: Lang,
  isVerb: (lower: string) => boolean,
): t is Token {
  if (t === undefined || t.lower.length < 2 || digitsOf(t.lower) !== undefined) return false;
  if (!lowercase && !t.cap) return false;
  // A written word in capitals only ("OK", "IBAN") is no name.
  if (!lowercase && text.slice(t.start, t.end) === text.slice(t.start, t.end).toUpperCase())
    return false;
  if ((t.f & (FIRST | SUR)) !== 0) return true;
  // Any other list (everyday words, function words, places) says "no name".
  if (t.f !== 0 || t.lower.length < 3) return false;
  // "Sales and I", "running": the plural of an everyday word or a verb's form is none.
  if (pluralOfEveryday(t.lower) || isVerb(t.lower)) return false;
  // Written English mid-sentence, the capital says "name" already; in a transcript, at a
  // sentence's start ("Sales and I") and in German, which capitalises every noun ("hat
  // Geburtstag und ich"), the letters must.
  const capitalSays = !lowercase && !t.sentenceStart && lang === 'en';
  return capitalSays || nameLikeness(t.lower) > SURNAME_LIKENESS;
}

const HAS = new Set(['hat', 'hatte', 'has', 'had']);
// Participles of saying and calling after "hat": the subject before them is a person.
const SAID = new Set(
  'gesagt gemeint geschrieben erzählt gefragt angerufen zugesagt abgesagt versprochen said told called rung phoned asked'.split(
    ' ',
  ),
);
// Words after which a clause starts: "ja und heide engel hat gesagt", "also frank hat angerufen".
const CLAUSE_OPENERS = new Set(
  'und and aber but also so ja yeah dass that weil because oh'.split(' '),
);

/**
 * "frank fröhlich": a word of the lists of everyday words after a listed given name, as its
 * surname (the everyday word "fröhlich" is a surname too).
 */
function surnameWord(first: Token, sur: Token): boolean {
  return (
    (first.f & FIRST) !== 0 &&
    (first.f & (STOP | FUNCTION)) === 0 &&
    (sur.f & (STOP | FUNCTION)) === 0 &&
    digitsOf(sur.lower) === undefined
  );
}

/** A word that may be (part of) a town's name before "high street": on no list but the places'. */
function townWord(text: string, t: Token, lowercase: boolean): boolean {
  if (t.lower.length < 3 || digitsOf(t.lower) !== undefined || (t.f & ~PLACE_START) !== 0)
    return false;
  return lowercase || (t.cap && text.slice(t.start, t.end) !== t.lower.toUpperCase());
}

const POSSESSIVE = /^(\p{L}{3,})['’]s$/u;
/** "tahmina's": a name's possessive, the name listed or shaped like one. */
function possessiveName(t: Token): boolean {
  const m = POSSESSIVE.exec(t.lower);
  if (m === null) return false;
  const f = gazetteer().flags.get(m[1]!) ?? 0;
  return (f & (FIRST | SUR)) !== 0 || (f === 0 && nameLikeness(m[1]!) > SURNAME_LIKENESS);
}

/** "sales", "kids": an everyday word and an s. */
function pluralOfEveryday(lower: string): boolean {
  if (!lower.endsWith('s')) return false;
  const f = gazetteer().flags.get(lower.slice(0, -1)) ?? 0;
  return (f & EVERYDAY) !== 0 && (f & (FIRST | SUR)) === 0;
}

/** Whether tokens[i] opens the text or follows only call openers ("yeah", "hallo"). */
function opensCall(tokens: readonly Token[], i: number): boolean {
  for (let k = 0; k < i; k++) if (!OPENERS.has(tokens[k]!.lower)) return false;
  return i <= 2;
}

/**
 * Whether a token may be (part of) a name in these frames. A factory whose arrow has no name:
 * the bench's tsx wraps every named closure it makes (esbuild's name keeping, a
 * `defineProperty` per closure), which cost more than the frames' loop.
 */
function nameTest(
  text: string,
  lowercase: boolean,
  lang: Lang,
  isCue: (lower: string) => boolean,
  isVerb: (lower: string) => boolean,
): (t: Token | undefined) => boolean {
  return (t) =>
    t !== undefined &&
    !isCue(t.lower) &&
    !OPENERS.has(t.lower) &&
    nameWord(text, t, lowercase, lang, isVerb);
}

/**
 * Persons and towns by the frames of talk (see the top of this file). `isCue` and `isVerb` are
 * frames.ts's tests for cue words and verb-shaped words, passed in so that the two modules do
 * not import each other.
 */
export function findSpeechFrames(
  text: string,
  tokens: readonly Token[],
  lang: Lang,
  lowercase: boolean,
  isCue: (lower: string) => boolean,
  isVerb: (lower: string) => boolean,
  emit: Emit,
): void {
  const ok = nameTest(text, lowercase, lang, isCue, isVerb);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const n = i + 1 < tokens.length ? tokens[i + 1] : undefined;
    // Every frame here has one of a few words right after its first word: most tokens are
    // done with one bit test.
    if (!(n?.joined && TRIGGER_WORD.has(n)) && !ME_WORD.has(t)) continue;
    const nn = tokens[i + 2];
    // The speaker: "tenzin here", "tenzin marsh here", "eero hier".
    if (n?.joined && HERE.has(n.lower) && ok(t)) {
      const p = tokens[i - 1];
      const two = p !== undefined && t.joined && opensCall(tokens, i - 1) && ok(p);
      if (two || opensCall(tokens, i)) {
        emit(two ? p!.start : t.start, t.end, 'PERSON', 0.85);
        continue;
      }
    }
    // "grace and i", "hodan und ich": a name (one or two words) before "and i".
    if (ok(t) && n?.joined && AND.has(n.lower) && nn?.joined === true && SELF.has(nn.lower)) {
      const p = tokens[i - 1];
      // Two words are one person only when the second is a listed surname ("hope dlamini and
      // i"); two unknown words are as often two people ("mikaai mhambi und ich").
      const pairStart = p !== undefined && t.joined && ok(p) && (t.f & SUR) !== 0 && !p.joined;
      if (p === undefined || !t.joined || !NOT_BEFORE_AND.has(p.lower)) {
        emit(pairStart ? p!.start : t.start, t.end, 'PERSON', 0.85);
        continue;
      }
    }
    // "at thandiwe and tahmina's place": a name joined to a possessive name is a person too.
    if (ok(t) && n?.joined && AND.has(n.lower) && nn?.joined === true && possessiveName(nn)) {
      emit(t.start, t.end, 'PERSON', 0.85);
      continue;
    }
    // "heide engel hat gesagt", "frank fröhlich hat angerufen": a name before "hat" and a verb
    // of saying or calling, at the start of the text or of a clause.
    if (n?.joined && HAS.has(n.lower) && nn?.joined && SAID.has(nn.lower)) {
      const p = tokens[i - 1];
      // A given name and its surname; the surname may be listed only as an everyday word
      // ("frank fröhlich") and the given name unlisted before a listed surname ("heide engel").
      const two =
        p !== undefined &&
        t.joined &&
        (ok(p) || surnameWord(p, t) || ((t.f & SUR) !== 0 && p.f === 0 && p.lower.length >= 3));
      const start = two ? i - 1 : i;
      const opens =
        start === 0 || !tokens[start]!.joined || CLAUSE_OPENERS.has(tokens[start - 1]!.lower);
      if (opens && (ok(t) || (two && (ok(p) || surnameWord(p!, t))))) {
        emit(tokens[start]!.start, t.end, 'PERSON', 0.85);
        continue;
      }
    }
    // "me and lhamo are", "ich und zsófia": a name after "me and".
    if (
      ME.has(t.lower) &&
      n?.joined &&
      AND.has(n.lower) &&
      nn?.joined === true &&
      ok(nn) &&
      (i === 0 || !tokens[i]!.joined || !AND.has(tokens[i - 1]!.lower))
    ) {
      const after = tokens[i + 3];
      const two = after?.joined === true && ok(after) && (after.f & (FIRST | SUR)) !== 0;
      emit(nn.start, two ? after!.end : nn.end, 'PERSON', 0.8);
      i += 2;
      continue;
    }
    // "on ledbury high street", "The bakery on Harlech High Street": the town before it.
    if (n?.joined && n.lower === 'high' && nn?.joined === true && nn.lower === 'street') {
      if (townWord(text, t, lowercase)) {
        const p = tokens[i - 1];
        const two = p !== undefined && t.joined && townWord(text, p, lowercase);
        emit(two ? p!.start : t.start, t.end, 'LOCATION', 0.93);
      }
    }
  }
}
