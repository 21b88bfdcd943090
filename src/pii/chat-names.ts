import { CUE_WORDS } from './frames.js';
import { EVERYDAY, FIRST, FUNCTION, gazetteer, STOP, SUR } from './gazetteer.js';
import type { Emit } from './numbers.js';

/**
 * People named by the conventions of chats and letters rather than by the words around them
 * (issue 17, session 11); written text only.
 *
 * - A mention: "@Jorinde kannst du …", "@Hauke Wendt can you …". A handle shaped as a name (a
 *   capital, then small letters of any script) is the person's name; the handle rule's ASCII
 *   pattern cut "@Ólöf" at its first accent. A second capitalised word no list calls a
 *   function or cue word is the surname.
 * - A chat log's speaker: "[09:41] Swantje: …", "[Mo 08:12] Hauke Wendt: …".
 * - A letter's signature on its own line after a possessive: "Deine Swantje", "Euer Hauke",
 *   "Yours, Marit".
 */

/** Like a cue of a person: above the shape rules, the tagger and the handle rule (0.8). */
const SCORE = 0.85;

const NAME = String.raw`\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}'’]+)?`;
// After the "@": a name, the end of the handle, then perhaps a surname.
const MENTION = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.@/])@(${NAME})(?![\p{L}\p{N}_@]|\.[\p{L}\p{N}])(?: (${NAME})(?![\p{L}\p{N}_@]))?`,
  'gu',
);
// A time stamp in brackets at a line's start, then one to three name words and a colon.
const SPEAKER = new RegExp(
  String.raw`(?:^|\n)[ \t]*\[[^\]\n]{0,12}\d{1,2}[:.]\d{2}[^\]\n]{0,6}\][ \t]*(${NAME}(?: ${NAME}){0,2}):`,
  'gu',
);
// A possessive opening a line, then one or two names ending it.
const SIGNATURE = new RegExp(
  String.raw`(?:^|\n)[ \t]*(?:Deine|Dein|Eure|Euer|Yours|Love)[,!]?[ \t]+(${NAME}(?: ${NAME})?)[ \t]*[.!]?[ \t]*(?=\n|$)`,
  'gu',
);

const SIGN_OFF = /Dein|Eure?r? |Yours|Love/;
const SIGN_OFF_FIRST = new Set(['D', 'E', 'Y', 'L']);
const CAPITAL = /\p{Lu}/u;

/** Whether some "@" has a capital right after it. */
function mentionAhead(text: string): boolean {
  for (let i = text.indexOf('@'); i >= 0; i = text.indexOf('@', i + 1))
    if (CAPITAL.test(text[i + 1] ?? '')) return true;
  return false;
}

export function findChatNames(text: string, emit: Emit): void {
  // Most "@" are e-mail addresses': the mention pattern only where a capital follows one.
  if (mentionAhead(text))
    for (const m of text.matchAll(MENTION)) {
      if (notName(m[1]!)) continue;
      // One word: the whole "@Name", over the handle rule's same span. With a surname, the name
      // without its "@": the handle rule's "@Name" loses to it and keeps nothing.
      if (m[2] && !notName(m[2])) emit(m.index + 1, m.index + m[0].length, 'PERSON', SCORE);
      else emit(m.index, m.index + 1 + m[1]!.length, 'PERSON', SCORE);
    }
  if (text.includes(']'))
    for (const m of text.matchAll(SPEAKER)) {
      // "[10:00] Status: ok": a log's field, not a speaker.
      if (!m[1]!.includes(' ') && everyday(m[1]!)) continue;
      const end = m.index + m[0].length - 1;
      emit(end - m[1]!.length, end, 'PERSON', SCORE);
    }
  // A signature stands on a line of its own: nothing to read in a one-line text that does not
  // open with it.
  if ((text.includes('\n') || SIGN_OFF_FIRST.has(text[0]!)) && SIGN_OFF.test(text))
    for (const m of text.matchAll(SIGNATURE)) {
      const start = m.index + m[0].lastIndexOf(m[1]!);
      if (!m[1]!.split(' ').some(notName)) emit(start, start + m[1]!.length, 'PERSON', SCORE);
    }
}

/** A function, stop or cue word no list gives as a first name ("@Team Bitte …"). */
function notName(word: string): boolean {
  const lower = word.toLowerCase();
  const f = gazetteer().flags.get(lower) ?? 0;
  return CUE_WORDS.has(lower) || (f & FUNCTION) !== 0 || ((f & STOP) !== 0 && (f & FIRST) === 0);
}

/** A word the lexicons hold and the name lists do not. */
function everyday(word: string): boolean {
  const f = gazetteer().flags.get(word.toLowerCase()) ?? 0;
  return (f & EVERYDAY) !== 0 && (f & (FIRST | SUR)) === 0;
}
