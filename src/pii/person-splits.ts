import { CUE_WORDS } from './frames.js';
import { EVERYDAY, FIRST, FUNCTION, gazetteer, isPlace, STOP, SUR } from './gazetteer.js';
import type { PiiSpan } from './types.js';

/**
 * Persons that start with a letter's possessive lose it ("Deine Swantje" is Swantje). Persons
 * that hold a separator are two people or a person and a remark (issue 17, session 11);
 * run last, after every finder that grows or joins names. A name never holds a comma, a
 * bracket or a lone "&": "Quast, Ilka" under "Name, Vorname", "Ping Birte, Ilvy joins at
 * noon", "anwesend Jan Ode, Lia Berg", "Frau Wolf (Einkauf)". (A line break, colon or
 * semicolon ends a person where the findings are cut, non-places.ts: the part before it stays.)
 *
 * Each piece becomes a person of its own; a later piece made only of everyday, function or cue
 * words is a remark and is dropped ("Einkauf"), and one that is a listed town or holds another
 * finding is that finding ("Ana Berg, Kiel"). One word after a full name is where the person
 * lives ("Absender: Ana Berg, Kleinwelka"), not a second person, unless it is a listed given
 * name; after one word, it is the given name after the surname ("Quast, Ilka").
 */

// A separator with the spaces around it.
const SEPARATOR = /\s*(?:[,()[\]{}]|\s&\s)\s*/u;
const SEPARATOR_G = new RegExp(SEPARATOR.source, 'gu');
// The same without the spaces around: the test most persons fail, made cheap.
const HAS_SEPARATOR = /[,()[\]{}]| & /u;
const LETTER = /\p{L}/u;
// A letter's possessive before the signature's name ("Deine Swantje"): not part of it.
const SIGN_OFF = /^(?:Deine|Dein|Eure|Euer|Yours|Your)[,]? (?=\p{Lu})/u;
const SIGN_OFF_FIRST = new Set(['D', 'E', 'Y']);
const WORD_GAP = /\s+/u;

export function splitPersons(found: PiiSpan[]): void {
  for (let k = found.length - 1; k >= 0; k--) {
    let s = found[k]!;
    if (s.type !== 'PERSON') continue;
    const sign = SIGN_OFF_FIRST.has(s.text[0]!) ? SIGN_OFF.exec(s.text) : null;
    if (sign) {
      const cut = sign[0].length;
      s = { ...s, start: s.start + cut, text: s.text.slice(cut) };
      found[k] = s;
    }
    if (!HAS_SEPARATOR.test(s.text)) continue;
    const pieces: PiiSpan[] = [];
    let at = 0;
    const push = (a: number, b: number) => {
      const piece = s.text.slice(a, b);
      if (!LETTER.test(piece)) return;
      const start = s.start + a;
      const end = s.start + b;
      if (
        pieces.length > 0 &&
        (remark(piece) ||
          isPlace(piece) ||
          holdsOther(found, start, end) ||
          townAfterFullName(pieces[0]!.text, piece))
      )
        return;
      pieces.push({ ...s, start, end, text: piece });
    };
    for (const m of s.text.matchAll(SEPARATOR_G)) {
      push(at, m.index);
      at = m.index + m[0].length;
    }
    push(at, s.text.length);
    found.splice(k, 1, ...pieces);
  }
}

/** A one-word piece no list gives as a first name, after a first piece of two words or more. */
function townAfterFullName(first: string, piece: string): boolean {
  if (!WORD_GAP.test(first) || WORD_GAP.test(piece)) return false;
  return ((gazetteer().flags.get(piece.toLowerCase()) ?? 0) & FIRST) === 0;
}

/** Whether a finding of another type overlaps start..end. */
function holdsOther(found: readonly PiiSpan[], start: number, end: number): boolean {
  return found.some((f) => f.type !== 'PERSON' && f.start < end && start < f.end);
}

/** Every word an everyday, function or cue word and no listed name. */
function remark(piece: string): boolean {
  const flags = gazetteer().flags;
  for (const w of piece.split(WORD_GAP)) {
    const lower = w.toLowerCase();
    const f = flags.get(lower) ?? 0;
    if (CUE_WORDS.has(lower) || (f & (FUNCTION | STOP)) !== 0) continue;
    if ((f & EVERYDAY) === 0 || (f & (FIRST | SUR)) !== 0) return false;
  }
  return true;
}
