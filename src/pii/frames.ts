import {
  DE_NOUN,
  EN_WORD,
  EVERYDAY,
  FIRST,
  FUNCTION,
  gazetteer,
  PLACE_START,
  STOP,
  SUR,
} from './gazetteer.js';
import { EN_STOPWORDS } from './lang.js';
import {
  nameLikeness,
  NAME_PAIR_LIKENESS as PAIR_NAME_LIKENESS,
  SINGLE_NAME_LIKENESS,
  SURNAME_LIKENESS,
} from './name-likeness.js';
import { NAME_PARTICLES } from './name-particles.js';
import type { Emit } from './numbers.js';
import { findSpeechFrames } from './speech-frames.js';
import { SpellingSet } from './spelling-sets.js';
import { digitsOf } from './spoken-numbers.js';
import type { Token } from './tokens.js';
import type { Lang } from './types.js';

// Regexes made once, not on every call.
const DIGIT_BEFORE = /\d[\s.,]*$/;
const DIGIT_AFTER = /^[\s,]*\d/;
const SMALL_LETTER = /\p{Ll}/u;
const ADJECTIVE_ENDING = /(?:e|er|es|en|em)$/;

/**
 * Names found by the words around them rather than by a list: after a title or a role, after a
 * verb of calling or speaking, before "says", after a greeting or a closing formula, after
 * "my name is"; places after "in", "nach", "to". The gazetteer rules in `names.ts` run as well;
 * where both find a name, overlap resolution keeps the longer span, so a first name found by the
 * list grows into the full name found here.
 */

type Cue = 'title' | 'role' | 'kin' | 'name' | 'self' | 'call' | 'speak' | 'greet' | 'close';

// Cue phrases by their last word; each names the words after it.
const CUES: readonly [Cue, string][] = [
  // "mister", "missus": a transcript spells the titles out.
  ...words(
    'title',
    'herr herrn frau fräulein dr doktor prof professor mr mrs ms miss mx sir dame mister missus',
  ),
  ...words(
    'role',
    'kontoinhaber kontoinhaberin karteninhaber karteninhaberin inhaber inhaberin empfänger empfängerin absender absenderin ansprechpartner ansprechpartnerin patient patientin mandant mandantin kundin cardholder policyholder payee beneficiary recipient',
  ),
  // People by their relation to the speaker: "meine Kollegin Meseret", "our coach Tamati",
  // "the surgeon, Aroha Parata". Weaker than a title: these words also stand alone ("my
  // colleague takes over"). Words that are also common surnames (Koch, Fischer, Baker, Cook)
  // stay out.
  ...words(
    'kin',
    'kollege kollegin chef chefin nachbar nachbarin trainer trainerin ärztin hausarzt hausärztin zahnarzt zahnärztin lehrer lehrerin freund freundin schwester bruder tochter sohn tante onkel cousine schwager schwägerin vermieter vermieterin mitbewohner mitbewohnerin betreuer betreuerin anwalt anwältin colleague boss neighbour neighbor coach doctor surgeon nurse teacher friend sister brother daughter son aunt uncle cousin landlord landlady flatmate roommate lawyer husband wife niece nephew tutor',
  ),
  ['role', 'account holder'],
  ['role', 'card holder'],
  ['role', 'policy holder'],
  ['role', 'contact person'],
  // Owners and addressees (session 11): "the van belongs to …", "registered to …", "for the
  // attention of …", "zu Händen …".
  ['role', 'belongs to'],
  ['role', 'belonged to'],
  ['role', 'registered to'],
  ['role', 'attention of'],
  ['role', 'zu händen'],
  ['role', 'registriert auf'],
  // An account's or a booking's name: "in the name of …", "lautet auf …", "auf den Namen …".
  ['role', 'the name of'],
  ['role', 'lautet auf'],
  ['role', 'auf den namen'],
  // A child named by a parent: "my child …", "Ihr Kind …". Phrases, as "kind" is also an
  // English word and "Kind" a German noun.
  ...phrases('kin', [
    'my child',
    'our child',
    'your child',
    'mein kind',
    'unser kind',
    'ihr kind',
    'dein kind',
    'euer kind',
  ]),
  // A signature for someone else: "In Vertretung: Anna Brook", "on behalf of Anna Brook".
  ['role', 'in vertretung'],
  ['role', 'behalf of'],
  ...phrases('name', [
    'mein name ist',
    'mein name lautet',
    'ich heiße',
    'ich heisse',
    'my name is',
    "my name's",
    'name is',
    'nennt mich',
    'call me',
    'hier spricht',
  ]),
  ...phrases('self', [
    'ich bin',
    'i am',
    "i'm",
    'this is',
    'hier ist',
    'it is',
    "it's",
    'that was',
  ]),
  ...words(
    'call',
    'ruf rufe call phone ring text message schreib schreibe schick schicke sende send tell sag sage frag frage ask remind erinnere kontaktiere contact meet treffe grüß email e-mail whatsapp benachrichtige informiere notify inform invite',
  ),
  ...phrases('call', [
    'talked to',
    'spoke to',
    'spoke with',
    'talking to',
    'sprach mit',
    'bumped into',
    'ran into',
    'phone with',
    'phone to',
    'chatted with',
    'chatting with',
    // "i am seeing grace on friday" ("am" is also the German article, so the phrase).
    'am seeing',
    'are seeing',
    'be seeing',
    'was seeing',
    // Company kept and calls passed on: "out with rafiqul", "put me through to aino rahimi".
    'out with',
    'lunch with',
    'dinner with',
    'coffee with',
    'drinks with',
    'through to',
    'message on to',
    // Passed on: "i will pass that on to …", "a message for …", "Nachricht für …".
    'that on to',
    'this on to',
    'it on to',
    'message for',
    'nachricht für',
    'nachricht an',
    'message to',
    'speaking to',
    'speaking with',
    // A call put through or taken (session 12): "ich verbinde sie mit …", "sie sprechen mit
    // …", "ich gebe weiter an …", "you are speaking to …" is above.
    'verbinde sie mit',
    'verbinde dich mit',
    'sprechen mit',
    'weiter an',
    'connect you to',
    'connect you with',
    'put you through to',
  ]),
  // Who rang, and whose neighbour: "die Anruferin …", "the caller …", "neighbour of …".
  ...words('role', 'anrufer anruferin caller'),
  ...phrases('kin', ['neighbour of', 'neighbor of', 'nachbarin von', 'nachbar von']),
  ...words(
    'speak',
    'sagt sagte meint meinte fragt fragte schreibt schrieb erklärt says said asks asked writes wrote explains adds',
  ),
  ...words(
    'greet',
    'hallo hi hey hello liebe lieber dear moin servus danke thanks tschüss tschüs ciao tschau bye goodbye grüezi sorry leid',
  ),
  ...words(
    'close',
    'grüße gruß grüßen regards wishes cheers best lg vg mfg sincerely herzlich herzliche yours cc bcc',
  ),
];
// Verbs after a name: "Pham says", "Tuan Fish sagt", "mit Oisín Baker gesprochen".
const AFTER_VERBS = new Set(
  'sagt sagte meint meinte fragt fragte schreibt schrieb erzählt erzählte antwortet antwortete says said asks asked writes wrote told tells replied answered calling called phoned rang angerufen gesprochen telefoniert getroffen geredet anrufen anzurufen speaking ausrichten'.split(
    ' ',
  ),
);
// Words that end a lower-case name after a cue: the particle of "ruf X an", a following verb.
// Auxiliaries too: "ich glaube pádraig dela cruz hat den schlüssel", "orla nguyen has it".
const NAME_END = new Set([
  ...AFTER_VERBS,
  ...'an bitte please now jetzt back hat hatte ist war wird has had is was bescheid know'.split(
    ' ',
  ),
  // Interjections of speech: "yeah joy speaking" names "joy", not "yeah joy".
  ...'yeah yep nope okay ok hmm ähm äh'.split(' '),
  // Modal verbs (session 11): "frau quast möchte bitte zurückgerufen werden".
  ...'möchte möchten möchtest würde würden wollte wollten könnte would could should wants wanted'.split(
    ' ',
  ),
]);
// German participles: "gegessen", "gemacht", and with a separable prefix: "aufgewachsen",
// "umgezogen", "angerufen".
const PARTICIPLE = /^(?:auf|aus|an|ab|ein|um|zurück|weg|mit|vor|nach|zu)?ge\p{L}{2,}(?:t|en)$/u;
// English endings of verbs and adverbs, and the stems they leave: "signed" ← "sign", "arrived"
// ← "arrive", "stopped" ← "stop", "texting" ← "text", "making" ← "make", "quickly" ← "quick".
const ENGLISH_ENDINGS: readonly [string, readonly string[]][] = [
  ['ed', ['', 'e', '-']],
  ['ing', ['', 'e', '-']],
  ['ly', ['']],
];
/**
 * A word shaped as a verb or an adverb whatever the lists say ("mrs eze signed", "orla texting",
 * "mihai gegessen"): in a transcript it ends a name. English endings count only where the stem is
 * an English word, so that "khaled", "ahmed" or "donnelly" stay names.
 */
export function verbShaped(lower: string): boolean {
  if (PARTICIPLE.test(lower)) return true;
  const flags = gazetteer().flags;
  for (const [ending, stems] of ENGLISH_ENDINGS) {
    if (!lower.endsWith(ending)) continue;
    const base = lower.slice(0, -ending.length);
    for (const s of stems) {
      // "-": a doubled last consonant ("stopped").
      const stem = s === '-' ? base.slice(0, -1) : base + s;
      // A verb of calling or speaking is a verb too: "texted", "phoned", "emailed".
      if (stem.length >= 3 && (((flags.get(stem) ?? 0) & EN_WORD) !== 0 || CUE_WORDS.has(stem)))
        return true;
    }
  }
  return false;
}
// Lower-case particles inside names: "von der", "van", "de", "al", "bin".
const PARTICLES: ReadonlySet<string> = new Set([...NAME_PARTICLES, 'della', 'ibn']);
const PLACE_CUES = new Set(
  'in nach aus from to near nahe via richtung into around visiting besuche gegenüber bis at outside'.split(
    ' ',
  ),
);
// "die Stadt Haßfurt", "the town of Dunoon".
export const PLACE_NOUNS: ReadonlySet<string> = new Set(
  'stadt dorf gemeinde kreis landkreis town city village county borough'.split(' '),
);

/** Whether token i follows a place cue: "in X", "nach X", "the town of X". */
function afterPlaceCue(tokens: readonly Token[], i: number): boolean {
  const p = tokens[i - 1];
  if (!p || !tokens[i]!.joined) return false;
  if (PLACE_CUES.has(p.lower) || PLACE_NOUNS.has(p.lower)) return true;
  const pp = tokens[i - 2];
  return p.lower === 'of' && pp !== undefined && PLACE_NOUNS.has(pp.lower);
}

// Words before a common noun; a name follows them rarely ("die Rechnung", "the bill").
export const DETERMINERS: ReadonlySet<string> = new Set(
  'der die das den dem des ein eine einen einem einer eines kein keine keinen mein meine meinen meinem meiner dein deine deinen deinem sein seine seinen seinem ihr ihre ihren ihrem unser unsere unseren euer eure diese dieser diesen dieses im am zum zur beim vom ins ans the a an my your his her its our their this that these those some any no every each'.split(
    ' ',
  ),
);

// Words that follow a verb, not a place: "to eat anything", "to fix it".
export const VERB_OBJECTS: ReadonlySet<string> = new Set(
  'anything something nothing everything it them me you us him her up out down off over back'.split(
    ' ',
  ),
);

// Subject pronouns: the word after them is a verb ("ich glaube", "i reckon"), not a name.
const PRONOUNS = new Set('ich du er sie es wir ihr man i you he she we they'.split(' '));

/** A word on no list, long enough and not a number word: a name if its letters say so. */
const unlisted = (t: Token) =>
  t.f === 0 && t.lower.length >= 3 && !CUE_WORD.has(t) && !NUMBER_WORD.has(t);
// Written as a name is: one capital, then small letters ("Aroha", not "Steuer-ID").
const NAME_CASE = /^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?$/u;
/** Whether digits stand right before or after the word ("1,50 Euro", "Romberg 85"). */
function besideNumber(text: string, t: Token): boolean {
  const before = DIGIT_BEFORE.test(text.slice(Math.max(0, t.start - 4), t.start));
  return before || DIGIT_AFTER.test(text.slice(t.end, t.end + 3));
}
/** No list knows it, its letters look like a name, and nothing around says "common noun". */
function shapedLikeName(text: string, tokens: readonly Token[], i: number, min: number): boolean {
  const t = tokens[i]!;
  if (!unlisted(t) || afterDeterminer(tokens, i) || besideNumber(text, t)) return false;
  const p = tokens[i - 1];
  // "zwölf euro", "five miles": after a number word, a unit or a counted noun.
  if (p && t.joined && digitsOf(p.lower) !== undefined) return false;
  if (p && t.joined && PRONOUNS.has(p.lower)) return false;
  return nameLikeness(t.lower) > min;
}

function words(cue: Cue, list: string): [Cue, string][] {
  return list.split(' ').map((w) => [cue, w]);
}
function phrases(cue: Cue, list: readonly string[]): [Cue, string][] {
  return list.map((p) => [cue, p]);
}
/** The cue phrases and the verbs after a name, for tests that keep evaluation frames free of them. */
export const CUE_PHRASES: readonly string[] = CUES.map(([, p]) => p);
export const NAME_AFTER_VERBS: ReadonlySet<string> = AFTER_VERBS;
const CUES_BY_LAST = new Map<string, [Cue, string[]][]>();
for (const [cue, phrase] of CUES) {
  const ws = phrase.split(' ');
  const last = ws[ws.length - 1]!;
  CUES_BY_LAST.set(last, [...(CUES_BY_LAST.get(last) ?? []), [cue, ws]]);
}
// The per-token questions of `findFramedNames`, answered once per spelling (spelling-sets.ts).
const CUE_LAST = new SpellingSet(CUES_BY_LAST);
const AFTER_VERB = new SpellingSet(AFTER_VERBS);

const CUE_SCORE: Record<Cue, number> = {
  title: 0.95,
  role: 0.95,
  kin: 0.85,
  name: 0.95,
  self: 0.85,
  call: 0.85,
  speak: 0.85,
  greet: 0.85,
  close: 0.85,
};

// Letters and endings that German and English words do not have but names of other origins do.
const FOREIGN_SHAPE =
  /[łńśźżćęąğşıăâơưđřčěůőűșțñãõøå]|(?:ski|ska|sky|wicz|czyk|oğlu|ović|ovic|evic|ić|escu|enko|yan|ian|ahi)$|^(?:o['’]|mc|mac|al-|el-|ní|nic|ó)/u;

/** Cue that ends at token i - 1 (the phrase's words joined by spaces, or a line for closings). */
function cueBefore(tokens: readonly Token[], i: number): Cue | undefined {
  const prev = tokens[i - 1];
  if (prev === undefined) return undefined;
  const candidates = CUE_LAST.has(prev) ? CUES_BY_LAST.get(prev.lower) : undefined;
  if (!candidates) return undefined;
  const t = tokens[i]!;
  let best: Cue | undefined;
  for (const [cue, ws] of candidates) {
    const linked =
      cue === 'close' || cue === 'role' || cue === 'kin' || cue === 'name' ? t.near : t.joined;
    if (!linked || i < ws.length) continue;
    let ok = true;
    for (let k = 0; k < ws.length && ok; k++) {
      const w = tokens[i - ws.length + k]!;
      ok = w.lower === ws[k] && (k === 0 || w.joined);
    }
    // "my phone keeps …", "the text says": a verb of calling after a determiner is a noun.
    if (ok && cue === 'call' && ws.length === 1 && isDeterminerBefore(tokens, i - 1)) ok = false;
    if (ok && (best === undefined || CUE_SCORE[cue] > CUE_SCORE[best])) best = cue;
  }
  return best;
}

// Fillers between a verb of calling and the name: "ruf mal X an", "frag doch mal X".
const CALL_FILLERS = new Set('mal doch bitte kurz schnell eben einfach nochmal gleich'.split(' '));
const CALL_FILLER = new SpellingSet(CALL_FILLERS);

// Objects after an imperative: "sag mal weck mich", "sag mal stell einen timer" name nobody.
const OBJECT_AFTER = new Set('mich mir dich dir uns euch ihn ihm es me us it'.split(' '));

/**
 * A verb of calling before one or two fillers that end at token i - 1, unless the word after
 * token i makes it a second verb's object ("sag mal mach das licht aus").
 */
function callAfterFillers(tokens: readonly Token[], i: number): Cue | undefined {
  // Most tokens follow no filler: answer that first.
  if (i === 0 || !CALL_FILLER.has(tokens[i - 1]!)) return undefined;
  const n = tokens[i + 1];
  // ("an" is the particle of "ruf mal X an" as often as an article.)
  if (n?.joined && n.lower !== 'an' && (DETERMINERS.has(n.lower) || OBJECT_AFTER.has(n.lower)))
    return undefined;
  let k = i;
  while (k > 0 && i - k < 2 && tokens[k]!.joined && CALL_FILLERS.has(tokens[k - 1]!.lower)) k--;
  return k < i && cueBefore(tokens, k) === 'call' ? 'call' : undefined;
}

/** Whether a determiner stands right before token k. */
function isDeterminerBefore(tokens: readonly Token[], k: number): boolean {
  const p = tokens[k - 1];
  return p !== undefined && tokens[k]!.joined && DETERMINERS.has(p.lower);
}

const everyday = (t: Token) => (t.f & EVERYDAY) !== 0 && (t.f & (FIRST | SUR)) === 0;
/** Cue words name the next word; they are never part of a name themselves. */
export const CUE_WORDS: ReadonlySet<string> = new Set([
  ...CUES.flatMap(([, p]) => p.split(' ')),
  ...AFTER_VERBS,
  ...NAME_END,
]);
// A number word ("two three seven", "acht") is never a name nor a place: spoken numbers are
// the structured recognizers'.
const never = (t: Token) =>
  (t.f & FUNCTION) !== 0 ||
  ((t.f & STOP) !== 0 && (t.f & FIRST) === 0) ||
  CUE_WORD.has(t) ||
  NUMBER_WORD.has(t);
// `CUE_WORDS.has(lower)` and `digitsOf(lower) !== undefined` once per spelling: `never` and
// `unlisted` ask them of most tokens.
export const CUE_WORD = new SpellingSet(CUE_WORDS);
const NUMBER_WORD = new SpellingSet({ has: (lower) => digitsOf(lower) !== undefined });
// "IBAN", "HH", "B-W": acronyms and plate letters, never a name in written text.
const acronym = (text: string, t: Token) =>
  t.end - t.start < 2 || !SMALL_LETTER.test(text.slice(t.start, t.end));

/** Person names and places found by their frame and shape. */
export function findFramedNames(
  text: string,
  tokens: readonly Token[],
  lang: Lang,
  lowercase: boolean,
  emit: Emit,
): void {
  // English is also the detector's guess when no function word decides; capitalisation says
  // "name" only in text that is English by evidence ("Rechnung …, Betrag … Euro" is not).
  const english = lang === 'en' && tokens.some((t) => EN_STOPWORDS.has(t.lower));
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const cue = cueBefore(tokens, i) ?? callAfterFillers(tokens, i);
    if (cue !== undefined && !never(t) && !NAME_END.has(t.lower)) {
      const strong = cue === 'title' || cue === 'role' || cue === 'name';
      // "I'm fine", "this is great": a self-introduction needs an unknown or listed word.
      const ok =
        nameLike(text, lowercase, t, strong) &&
        !(cue === 'self' && (everyday(t) || (!lowercase && !t.cap))) &&
        !(
          lang === 'de' &&
          !lowercase &&
          (cue === 'call' || cue === 'kin') &&
          (t.f & DE_NOUN) !== 0
        ) &&
        !(cue === 'kin' && lowercase && !kinNameLike(t)) &&
        // "i am seeing grace", "i am running late": a verb after "i am", not a name.
        !(cue === 'self' && (t.f & (FIRST | SUR)) === 0 && verbShaped(t.lower));
      if (ok) {
        const last = extend(text, tokens, lowercase, i, strong ? 3 : lowercase ? 2 : 3);
        emit(t.start, tokens[last]!.end, 'PERSON', CUE_SCORE[cue]);
        i = last + 1;
        continue;
      }
    }
    if (AFTER_VERB.has(t) && i > 0) {
      const from = nameBefore(text, tokens, i, lowercase);
      if (from !== undefined) emit(tokens[from]!.start, tokens[i - 1]!.end, 'PERSON', 0.8);
    }
    if (lowercase && shapedLikeName(text, tokens, i, -Infinity) && !afterPlaceCue(tokens, i)) {
      // No cue and no capital: an unlisted word whose letters look like a name, or two in a
      // row ("ist tamari heute da", "hat kalani seitkali bezahlt").
      const n = tokens[i + 1];
      const score = nameLikeness(t.lower);
      const nScore =
        n?.joined && unlisted(n) && !besideNumber(text, n) ? nameLikeness(n.lower) : Number.NaN;
      // The first word of a command is mostly a verb ("setz", "stopp", "add"): alone, no name.
      const first = t.sentenceStart || (i > 0 && COMMAND_OPENERS.has(tokens[i - 1]!.lower));
      if (
        score > SURNAME_LIKENESS &&
        nScore > SURNAME_LIKENESS &&
        score + nScore > (first ? 2 * SINGLE_NAME_LIKENESS : PAIR_NAME_LIKENESS)
      ) {
        emit(t.start, n!.end, 'PERSON', 0.7);
        i += 2;
        continue;
      }
      if (n?.joined && (n.f & SUR) !== 0 && !everyday(n) && !never(n) && score > 0 && !first) {
        emit(t.start, n.end, 'PERSON', 0.75);
        i += 2;
        continue;
      }
      if (score > SINGLE_NAME_LIKENESS && !first) {
        // Once one word is a name, an unlisted word after it is its surname on weaker evidence.
        const two = n?.joined && unlisted(n) && nameLikeness(n.lower) > SURNAME_LIKENESS;
        emit(t.start, two ? n.end : t.end, 'PERSON', 0.6);
        i += two ? 2 : 1;
        continue;
      }
    }
    if (lowercase) {
      // Lower case: only where the place ends the phrase ("navigiere nach olpe", "the bus to
      // truro tomorrow"), not "to wish bence".
      const n = tokens[i + 1];
      const pair = afterPlaceCue(tokens, i) ? spokenPlacePair(tokens, i, lang) : undefined;
      if (pair !== undefined) {
        emit(t.start, tokens[pair]!.end, 'LOCATION', 0.6);
        i = pair + 1;
        continue;
      }
      if (
        afterPlaceCue(tokens, i) &&
        !never(t) &&
        !everyday(t) &&
        !PLACE_NOUNS.has(t.lower) &&
        !COMPASS.has(t.lower) &&
        !pluralOfWord(t.lower) &&
        (t.f & (FIRST | SUR)) === 0 &&
        // ("at half six": a number word after it is no phrase end.)
        (n === undefined || !n.joined || (never(n) && digitsOf(n.lower) === undefined)) &&
        // "to water the plants": after "to", a word before an article is a verb.
        !(
          tokens[i - 1]!.lower === 'to' &&
          n?.joined === true &&
          (DETERMINERS.has(n.lower) || VERB_OBJECTS.has(n.lower))
        )
      )
        emit(t.start, t.end, 'LOCATION', 0.6);
      i++;
      continue;
    }
    // "aus Bad Tannried", "near Port Quarnby": a word that opens listed places, then an unlisted
    // capitalised word, after a place cue: a town the list lacks.
    const next = tokens[i + 1];
    if (
      t.cap &&
      (t.f & PLACE_START) !== 0 &&
      afterPlaceCue(tokens, i) &&
      next?.joined === true &&
      !next.comma &&
      next.cap &&
      next.f === 0 &&
      !acronym(text, next)
    ) {
      emit(t.start, next.end, 'LOCATION', lang === 'en' ? 0.75 : 0.65);
      i += 2;
      continue;
    }
    if (
      t.cap &&
      !never(t) &&
      !t.sentenceStart &&
      (t.f & (FIRST | SUR | PLACE_START)) === 0 &&
      !acronym(text, t)
    ) {
      const run = capitalRun(text, tokens, i);
      const placeEnd = english ? placeShaped(text, tokens, i, run) : undefined;
      if (placeEnd !== undefined) {
        emit(t.start, tokens[placeEnd]!.end, 'LOCATION', PLACE_SHAPE_SCORE);
        i = placeEnd + 1;
        continue;
      }
      // "lived in Crowthorne Abbas", "branch in Penmore St Just": in English, two or three
      // capitalised words no list knows, right after "in", are a town more often than a person
      // (a person is met "with" or "from", rarely "in"); they may end in a listed surname. So
      // after "from" where a greeting, a call or a person comes from somewhere ("Greetings
      // from …", "calling from …", "Tom Reed from …"), and after ", of" ("Application from Tom
      // Reed, of …").
      if (english && run > i && t.joined && !everyday(t) && townFrame(tokens, i)) {
        emit(t.start, tokens[run]!.end, 'LOCATION', PLACE_SHAPE_SCORE);
        i = run + 1;
        continue;
      }
      if (afterPlaceCue(tokens, i) && !everyday(t) && run === i) {
        emit(t.start, t.end, 'LOCATION', lang === 'en' ? 0.75 : 0.65);
        i++;
        continue;
      }
      // Shape: unknown capitalised words mid-sentence. English capitalises names, German every
      // noun, so German needs two in a row or a foreign shape.
      const unknown = !everyday(t);
      if (unknown && run > i) {
        emit(t.start, tokens[run]!.end, 'PERSON', 0.8);
        i = run + 1;
        continue;
      }
      if (unknown && (english || FOREIGN_SHAPE.test(t.lower)) && (t.f & EN_WORD) === 0) {
        emit(t.start, t.end, 'PERSON', english ? 0.6 : 0.7);
      } else if (
        NAME_CASE.test(text.slice(t.start, t.end)) &&
        !afterAdjective(tokens, i) &&
        shapedLikeName(text, tokens, i, SINGLE_NAME_LIKENESS)
      ) {
        // German capitalises nouns too; an unlisted word whose letters look like a name and
        // that no article introduces is taken ("Treffen wir uns mit Yui", "habe Aroha …").
        emit(t.start, t.end, 'PERSON', 0.6);
      }
    } else if (
      english &&
      t.sentenceStart &&
      NAME_CASE.test(text.slice(t.start, t.end)) &&
      shapedLikeName(text, tokens, i, SINGLE_NAME_LIKENESS)
    ) {
      // The first word of an English sentence says nothing by its capital; its letters may. (In
      // German it is as often an adjective or a noun: "Kleiner Tipp", "Ganz ehrlich".)
      const run = capitalRun(text, tokens, i);
      emit(t.start, tokens[run]!.end, 'PERSON', 0.6);
      i = run + 1;
      continue;
    }
    i++;
  }
  findSpeechFrames(text, tokens, lang, lowercase, isCueWord, verbShaped, emit);
}

function isCueWord(lower: string): boolean {
  return CUE_WORDS.has(lower);
}

// Module-level helpers of findFramedNames rather than closures made on every call (esbuild's
// name keeping, which tsx and so the bench use, wraps every named closure it makes).

/**
 * A transcript's word after "my colleague", "meine nachbarin": a listed name, or an unlisted
 * word whose letters look like one and that is not shaped as a verb ("my colleague takes
 * over", "mein bruder wohnt").
 */
function kinNameLike(t: Token): boolean {
  if ((t.f & (FIRST | SUR)) !== 0) return true;
  return unlisted(t) && nameLikeness(t.lower) > SURNAME_LIKENESS && !verbShaped(t.lower);
}

/** A transcript's word after a relation word ("my colleague takes") that is no name by kinNameLike. */
export function verbAfterKin(tokens: readonly Token[], i: number): boolean {
  const p = tokens[i - 1];
  if (p === undefined || !tokens[i]!.joined) return false;
  return (CUES_BY_LAST.get(p.lower) ?? []).some(([c]) => c === 'kin') && !kinNameLike(tokens[i]!);
}

function nameLike(text: string, lowercase: boolean, t: Token, strong: boolean): boolean {
  return (
    !never(t) &&
    (lowercase ? strong || !everyday(t) : t.cap && !acronym(text, t) && (strong || !everyday(t)))
  );
}

/** Extends a name starting at token i over its further parts; returns the last index. */
function extend(
  text: string,
  tokens: readonly Token[],
  lowercase: boolean,
  i: number,
  max: number,
): number {
  let last = i;
  while (last - i < max - 1) {
    const n = tokens[last + 1];
    if (!lowercase && n?.joined && !n.comma && !n.cap && PARTICLES.has(n.lower)) {
      // "Aleida van der Poel", "Karim bin Said": particles inside a written name.
      let k = last + 1;
      while (tokens[k] && PARTICLES.has(tokens[k]!.lower) && k - last < 3) k++;
      const after = tokens[k];
      if (!after?.joined || !after.cap || never(after) || everyday(after)) break;
      if (acronym(text, after)) break;
      last = k;
      continue;
    }
    if (!n?.joined || n.comma || n.sentenceStart || never(n) || NAME_END.has(n.lower)) break;
    if (lowercase) {
      // The surname may be an everyday word ("tuan fish"), a third word may not.
      if (last > i && everyday(n)) break;
      if ((n.f & (FIRST | SUR)) === 0 && verbShaped(n.lower)) break;
    } else if (!n.cap || acronym(text, n)) break;
    last++;
  }
  return last;
}

// Wake words and hesitations before a spoken command: the word after them opens the command.
const COMMAND_OPENERS = new Set(
  'alexa siri google computer cortana echo hey ok okay ähm äh also um uh'.split(' '),
);

/** "Kleiner Tipp", "neue Mitbewohnerin": an unlisted word with an adjective's ending before. */
export function afterAdjective(tokens: readonly Token[], i: number): boolean {
  const p = tokens[i - 1];
  return p !== undefined && tokens[i]!.joined && p.f === 0 && ADJECTIVE_ENDING.test(p.lower);
}

// English articles, possessives and demonstratives: in a transcript a common noun follows them.
// German ones are left out on purpose: spoken German puts an article before a given name ("hat
// die anna angerufen"), and "an" is also the German "to".
const EN_DETERMINERS = new Set(
  'the a my your his her its our their this that these those some any every each'.split(' '),
);
// In a transcript, words after which a common noun follows, not a name: the English
// determiners, German indefinite articles, possessives and the contracted "im", "am", "zum" …
// (the German definite articles stay out: "hat die anna angerufen").
const NOUN_INTRODUCERS = new Set([
  ...EN_DETERMINERS,
  ...'ein eine einen einem einer eines kein keine keinen keinem keiner mein meine meinen meinem meiner dein deine deinen deinem seine seinen seinem unser unsere unseren unserem im am zum zur vom beim ins ans'.split(
    ' ',
  ),
]);
/**
 * Whether token i of a transcript is a common noun by what stands before it: one of
 * NOUN_INTRODUCERS ("im keller", "kein mehl", "that ginger") or a number word ("zwölf euro",
 * "five miles").
 */
export function nounByWordBefore(tokens: readonly Token[], i: number): boolean {
  const p = tokens[i - 1];
  if (p === undefined || !tokens[i]!.joined) return false;
  return NOUN_INTRODUCERS.has(p.lower) || digitsOf(p.lower) !== undefined;
}

/** A transcript's "zu" and a word in -en ("die blumen zu gießen"): an infinitive, not a place. */
export function afterZu(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  return t.joined && tokens[i - 1]?.lower === 'zu' && t.lower.endsWith('en');
}

/** Whether a lower-case word is an English determiner (a noun follows, not a name). */
export function isEnglishDeterminer(lower: string): boolean {
  return EN_DETERMINERS.has(lower);
}

export function afterDeterminer(tokens: readonly Token[], i: number): boolean {
  const p = tokens[i - 1];
  return p !== undefined && tokens[i]!.joined && DETERMINERS.has(p.lower);
}

// Words before "from" that make it "from a place": a greeting, a call, being or coming.
const FROM_PLACE = new Set(
  'greetings greeting hello hi love postcard calling ringing phoning writing travelling traveling driving flying am are is was were come comes came coming moved'.split(
    ' ',
  ),
);

/** Whether token i (English, written) opens a town by the words before it (see the caller). */
function townFrame(tokens: readonly Token[], i: number): boolean {
  const p = tokens[i - 1];
  const pp = tokens[i - 2];
  if (p === undefined) return false;
  if (p.lower === 'in') return true;
  if (p.lower === 'of') return pp !== undefined && p.comma;
  if (p.lower !== 'from' || pp === undefined || !p.joined) return false;
  // "Tom Reed from …": a capitalised name right before; "a message from …" stays a person.
  return FROM_PLACE.has(pp.lower) || (pp.cap && !pp.sentenceStart && !CUE_WORDS.has(pp.lower));
}

/** Last index of a run of capitalised, not-function words starting at i (at most three). */
function capitalRun(text: string, tokens: readonly Token[], i: number): number {
  let last = i;
  while (last - i < 2) {
    const n = tokens[last + 1];
    if (!n?.joined || n.comma || !n.cap || never(n) || n.sentenceStart || acronym(text, n)) break;
    // "Harlech High Street": the town ends before its high street (speech-frames.ts).
    if (n.lower === 'high' && tokens[last + 2]?.lower === 'street') break;
    last++;
  }
  return last;
}

/** First index of the name that ends at token i - 1, before a verb such as "says". */
function nameBefore(
  text: string,
  tokens: readonly Token[],
  i: number,
  lowercase: boolean,
): number | undefined {
  const v = tokens[i]!;
  let from = i;
  while (i - from < 3) {
    const p = tokens[from - 1];
    const next = tokens[from]!;
    if (!p || !next.joined || next.comma || never(p) || NAME_END.has(p.lower)) break;
    if (!lowercase && (!p.cap || acronym(text, p))) break;
    if (lowercase && i - from >= 2) break;
    from--;
  }
  if (from === i || v.comma) return undefined;
  // "in Brig getroffen": a place, not a person.
  const before = tokens[from - 1];
  if (before && PLACE_CUES.has(before.lower) && tokens[from]!.joined) return undefined;
  // "the recipe says": after an article, a lower-case word is a noun.
  if (lowercase && before && tokens[from]!.joined && EN_DETERMINERS.has(before.lower))
    return undefined;
  const nearest = tokens[i - 1]!;
  // An everyday word before the verb is a name only beside a second, unknown word.
  if (everyday(nearest) && (from === i - 1 || everyday(tokens[from]!))) return undefined;
  if (!lowercase && everyday(tokens[from]!) && from === i - 1) return undefined;
  return from;
}

// Words that open or close an English place name ("Little Brackton", "Ashby Green"), and the
// words after a place that name a part of an organisation there ("the Thornbury Vale branch").
const PLACE_OPENERS = new Set(
  "little great upper lower nether east west north south st saint old new long high king's kings market".split(
    ' ',
  ),
);
const PLACE_CLOSERS = new Set(
  'green vale heath end hill cross common magna parva bridge wells marsh moor fen bay on-sea regis'.split(
    ' ',
  ),
);
const PLACE_AFTER = new Set('branch office depot store site campus'.split(' '));
// Words that open a town's name in a transcript: "bad kötzting", "sankt goar", "upper wychley".
// Not the adjectives among them ("in great shape", "to little effect", "in bad weather").
const SPOKEN_PLACE_OPENERS: Record<Lang, ReadonlySet<string>> = {
  de: new Set('bad sankt st ober nieder hohen königs'.split(' ')),
  en: new Set('upper lower nether east west north south st saint kings market'.split(' ')),
};
/** Directions: "nach süden", "from the north" name no place. */
export const COMPASS: ReadonlySet<string> = new Set(
  'norden süden osten westen nordosten nordwesten südosten südwesten north south east west northeast northwest southeast southwest'.split(
    ' ',
  ),
);
/** "from accounts", "to meetings": the plural of an everyday word, no place. */
function pluralOfWord(lower: string): boolean {
  if (!lower.endsWith('s') || lower.length < 4) return false;
  const f = gazetteer().flags.get(lower.slice(0, -1)) ?? 0;
  return (f & EVERYDAY) !== 0 && (f & (FIRST | SUR)) === 0;
}
/** A word of a transcript that may be part of a place's name: on no everyday list. */
const placeWord = (t: Token | undefined): t is Token =>
  t !== undefined && !never(t) && !everyday(t) && (t.f & (FIRST | SUR)) === 0 && t.lower.length > 2;

/**
 * A transcript's two-word place after a place cue, ending the phrase: an opener before an
 * unlisted word ("in bad kötzting", "to upper wychley") or an unlisted word before a closer
 * ("from llandrindod wells"). The index of its last token, or undefined.
 */
function spokenPlacePair(tokens: readonly Token[], i: number, lang: Lang): number | undefined {
  const t = tokens[i]!;
  const n = tokens[i + 1];
  const after = tokens[i + 2];
  if (!n?.joined) return undefined;
  // The phrase ends after it: nothing, a pause, a function word that is no number, or a German
  // participle ("nach bad doberan gezogen").
  if (
    after?.joined &&
    !(never(after) && digitsOf(after.lower) === undefined) &&
    !(lang === 'de' && PARTICIPLE.test(after.lower))
  )
    return undefined;
  const opener = SPOKEN_PLACE_OPENERS[lang].has(t.lower) && placeWord(n);
  const closer = PLACE_CLOSERS.has(n.lower) && placeWord(t);
  return opener || closer ? i + 1 : undefined;
}
/** Above the person shape (0.8) and the gazetteer's surname extension (0.9): the shape decides. */
const PLACE_SHAPE_SCORE = 0.92;
const ON_SEA = /-(?:on|upon|under|by)-\p{Lu}/u;

/**
 * Last index of an English place name written by its shape, starting at token i with the
 * capitalised run i..run: an opener before an unlisted capitalised word, a closer after one,
 * "X upon Y", "X-on-Sea", or a run before "branch". Undefined when the run is not shaped so.
 */
function placeShaped(
  text: string,
  tokens: readonly Token[],
  i: number,
  run: number,
): number | undefined {
  const t = tokens[i]!;
  if (ON_SEA.test(text.slice(t.start, t.end))) return i;
  const n = tokens[run + 1];
  // "Stratton upon Avenmere": two capitalised words joined by "upon".
  if (run === i && n?.joined && !n.comma && n.lower === 'upon') {
    const m = tokens[run + 2];
    if (m?.joined && m.cap && !never(m) && !acronym(text, m)) return run + 2;
  }
  if (run === i) return undefined;
  const last = tokens[run]!;
  const opener = PLACE_OPENERS.has(t.lower) && !everyday(tokens[i + 1]!);
  const closer = PLACE_CLOSERS.has(last.lower) && !everyday(tokens[run - 1]!);
  const before = n?.joined === true && !n.comma && PLACE_AFTER.has(n.lower);
  return opener || closer || before ? run : undefined;
}
