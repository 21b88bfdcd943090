import { CUE_WORDS, verbShaped } from './frames.js';
import {
  EVERYDAY,
  FIRST,
  FUNCTION,
  gazetteer,
  isPlace,
  listedName,
  STOP,
  SUR,
} from './gazetteer.js';
import { NAME_PARTICLES } from './name-particles.js';
import type { Emit } from './numbers.js';
import { digitsOf } from './spoken-numbers.js';

/**
 * People in forms, headers and minutes: the value after a field label that asks for a person
 * (issue 17, session 11). No list knows an unseen name, and a surname that is also a word
 * ("Fink", "Quast") or a lone given name after a colon looks like anything else; the label says
 * what it is.
 *
 * - Written: a label at a line's start, or after a sentence's end or a colon, then its colon,
 *   then the name ("Nachname: Pruss", "Caller: Ewa Lind from …", "Name, Vorname: Ode,
 *   Malin"). Labels of many people take the whole list ("Attendees: A B, C D and E F",
 *   "… 3 May: present A B; apologies C D", these two without a colon). E-mail headers ("From:",
 *   "An:") only before an address in angle brackets.
 * - Transcripts: a name label, an optional "bitte" / "please" / "ist" / "is", then one word
 *   ("nachname bitte ode vorname malin", "surname lind first name ewa").
 */

/** Above the shape rules' guesses and the place labels (0.82), like a cue of a person. */
export const LABELLED_PERSON_SCORE = 0.85;

// Labels of one person; "name, vorname" and the like take two members (surname, given name).
const NAME_LABELS =
  'name|full name|vollständiger name|vorname|vornamen|rufname|nachname|familienname|zuname|surname|last name|family name|first name|first names|given name|given names|forename|forenames|forename\\(s\\)';
// Labels of a role: the value may be an organisation or a remark ("Kunde: Stammkunde").
const ROLE_LABELS =
  'anrufer|anruferin|caller|antragsteller|antragstellerin|applicant|nutzer|nutzerin|benutzer|benutzerin|kunde|kundin|customer|patient|patientin|mitarbeiter|mitarbeiterin|employee|gast|guest|kontaktperson|contact person|ansprechpartner|ansprechpartnerin|mieter|mieterin|tenant|eigentümer|eigentümerin|owner|verfasser|verfasserin|author';
const TWO =
  '(?:name|nachname|familienname|surname|last name|family name)\\s*,\\s*(?:vorname|vornamen|first names?|forenames?|forename\\(s\\)|given names?)';
// Labels of many people; the colon may be missing after a colon or a semicolon.
const MANY =
  'teilnehmende|teilnehmer|teilnehmerinnen|anwesend|abwesend|entschuldigt|gäste|attendees|participants|present|apologies|absent|guests|invitees|eingeladen';
const HEADER = 'von|from|an|to|cc';
// The label before a colon, after a line's start, a sentence's end, a colon or a wide gap. Read
// at each colon of the text only (few), not tried at every character.
const LABEL_BEFORE = new RegExp(
  String.raw`(?:[\n\r|·•]|[.!?:;]\s|\s{2})\s*(?:(${TWO})|(${NAME_LABELS})|(${ROLE_LABELS})|(${MANY})|(${HEADER}))\s*$`,
  'iu',
);
// A label of many people without its colon, after a colon or a semicolon ("14 Nov: present …").
const MANY_AFTER = new RegExp(String.raw`^\s*(?:${MANY})\s+(?=\p{Lu})`, 'iu');
// An e-mail header's name before the address in angle brackets.
const HEADER_VALUE = /^[ \t]*[^\n<]{2,60}</;
const BLANKS = /^[ \t]*/;
const LABEL_REACH = 48;
const CLOSE_PAREN = 0x29;
const LETTER_AT = /\p{L}/u;
// The first letters of the labels of many people, after the colon and a space.
const MANY_FIRST = /^\s?[aegiptAEGIPT]/u;
// A name's word, or a particle inside it ("van der", "de la", "bin").
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’-]*$/u;
const PARTICLES: ReadonlySet<string> = new Set([
  ...NAME_PARTICLES,
  ...'el ben dos das y af av'.split(' '),
]);
const MEMBER_GAP = /^(?:\s*[,;&]\s*|\s+(?:und|and|sowie)\s+)/u;
const WORD_AT = /^[\p{L}\p{M}'’-]+/u;
const MAX_WORDS = 4;
const ANSWER_END =
  /^(?:$| (?:und|and|vorname|nachname|familienname|surname|first|last|family|forename|geburtsdatum|date)\b)/u;

// Transcripts: the label, an optional filler, and the word after it.
const SPOKEN_LABEL =
  /(?<![\p{L}\p{M}])(?:vorname|nachname|familienname|surname|last name|family name|first name|forename)(?: (?:bitte|please|ist|is|lautet))? ([\p{L}\p{M}'’-]+)/gu;

export function findLabelledPersons(text: string, lowercase: boolean, emit: Emit): void {
  if (lowercase) {
    if (text.includes('name')) findSpokenLabels(text, emit);
    return;
  }
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
    // A label ends in a letter or ")" before its colon, and a list's label after a colon opens
    // with one of few letters: most colons, of times and addresses, are done with at once.
    const before = text.charCodeAt(i - 1);
    const labelBefore = before === CLOSE_PAREN || LETTER_AT.test(text[i - 1] ?? '');
    if (!labelBefore && !MANY_FIRST.test(text.slice(i + 1, i + 3))) continue;
    const from = Math.max(0, i - LABEL_REACH);
    const m = labelBefore
      ? LABEL_BEFORE.exec((from === 0 ? '\n' : '') + text.slice(from, i))
      : null;
    const after = text.slice(i + 1, i + 1 + LABEL_REACH);
    if (m && (m[5] === undefined || HEADER_VALUE.test(after))) {
      const max = m[1] ? 2 : m[4] ? 20 : 1;
      // After a label of a name, a word is a name ("Nachname: Fink"); elsewhere a lone
      // everyday word or a town is no person ("Kunde: Stammkunde", "Gäste: A B, Hamburg").
      const named = m[1] !== undefined || m[2] !== undefined;
      readMembers(text, i + 1 + BLANKS.exec(after)![0].length, max, named, emit);
      continue;
    }
    const many = MANY_AFTER.exec(after);
    if (many) readMembers(text, i + 1 + many[0].length, 20, false, emit);
  }
}

/**
 * Up to `max` names from `at`, joined by commas, semicolons, "&" or "und" / "and"; a list goes
 * on over a further label of many people after a semicolon ("…; apologies C D").
 */
function readMembers(text: string, start: number, max: number, named: boolean, emit: Emit): void {
  let at = start;
  for (let n = 0; n < max; n++) {
    let end = memberEnd(text, at);
    if (end === at && max > 1) {
      const many = MANY_AFTER.exec(text.slice(at, at + LABEL_REACH));
      if (many) {
        at += many[0].length;
        end = memberEnd(text, at);
      }
    }
    if (end === at) break;
    const member = text.slice(at, end);
    if (named || !(isPlace(member) || everydayWord(member)))
      emit(at, end, 'PERSON', LABELLED_PERSON_SCORE);
    const gap = MEMBER_GAP.exec(text.slice(end, end + 8));
    if (!gap) break;
    at = end + gap[0].length;
  }
}

/** The end of the name that starts at `at`: one to four name words, particles inside. */
function memberEnd(text: string, at: number): number {
  let end = at;
  let pos = at;
  let names = 0;
  while (names < MAX_WORDS) {
    const w = WORD_AT.exec(text.slice(pos, pos + 40));
    if (!w) break;
    const word = w[0];
    if (NAME_WORD.test(word) && !notName(word.toLowerCase())) {
      names++;
      end = pos + word.length;
    } else if (names === 0 || !PARTICLES.has(word)) break;
    pos += word.length;
    if (text[pos] !== ' ') break;
    pos++;
  }
  return end;
}

/** A function, stop, cue or number word no list gives as a first name. */
function notName(lower: string): boolean {
  const f = gazetteer().flags.get(lower) ?? 0;
  if ((f & FUNCTION) !== 0 || ((f & STOP) !== 0 && (f & FIRST) === 0)) return true;
  return CUE_WORDS.has(lower) || digitsOf(lower) !== undefined;
}

/** One word that the lexicons hold and the name lists do not. */
function everydayWord(member: string): boolean {
  if (member.includes(' ')) return false;
  const f = gazetteer().flags.get(member.toLowerCase()) ?? 0;
  return (f & EVERYDAY) !== 0 && (f & (FIRST | SUR)) === 0;
}

function findSpokenLabels(text: string, emit: Emit): void {
  for (const m of text.matchAll(SPOKEN_LABEL)) {
    const word = m[1]!;
    if (notName(word) || isLabelWord(word) || verbShaped(word)) continue;
    const end = m.index + m[0].length;
    // The answer ends where the next label, "und" / "and" or the text's end comes ("surname
    // fink first name …"); otherwise only a listed name ("first name basis with …", "my surname
    // is spelt k o …").
    if (!ANSWER_END.test(text.slice(end, end + 12)) && !listedName(word)) continue;
    emit(end - word.length, end, 'PERSON', LABELLED_PERSON_SCORE);
  }
}

/** The first word of another label ("nachname vorname …" with the value left out). */
function isLabelWord(word: string): boolean {
  return /^(?:vorname|nachname|familienname|surname|last|family|first|forename|name)$/.test(word);
}
