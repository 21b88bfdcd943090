import { CUE_WORDS } from './frames.js';
import { EVERYDAY, FIRST, FUNCTION, gazetteer, STOP, SUR } from './gazetteer.js';
import type { Emit } from './numbers.js';
import type { PiiSpan } from './types.js';

/**
 * Written lists of people: "Joaquim, Wanjiru und Drilona", "Iñaki, Natela and Tamuna",
 * "Drilona Ó Murchú und Murugesan Sturm". Run after the other name finders. A list is one
 * thing said of each member, so once one member is a person, the others, written as names are,
 * are persons too (when at least half of them were found), and a person found inside a member
 * grows to the whole member. A finder
 * that took two members as one name ("Joaquim, Wanjiru") is split at the comma.
 *
 * Only written text: a transcript has no commas and no capitals to tell the members apart
 * ("eingeladen sind nizar aroha und tewodros" is two people or three).
 */

// A member: one to three capitalised words ("Seo-yeon Te Rangi", "Ó Murchú").
const MEMBER = String.raw`\p{Lu}[\p{L}\p{M}'’-]*(?: \p{Lu}[\p{L}\p{M}'’-]*){0,2}`;
// Two or more members, joined by commas and a last "und", "and", "oder", "or", "sowie", "&".
const LIST = new RegExp(
  String.raw`(?<![\p{L}\p{M}'’-])${MEMBER}(?:, ${MEMBER})*,? (?:und|and|oder|or|sowie|&) ${MEMBER}(?![\p{L}\p{M}'’-])`,
  'gu',
);
const MEMBER_IN_LIST = new RegExp(MEMBER, 'gu');
// A conjunction before a capitalised word, and how far around it a list may reach.
const CONJUNCTION = / (?:und|and|oder|or|sowie|&) (?=\p{Lu})/gu;
const CONJUNCTION_ANY = / (?:und|and|oder|or|sowie|&) \p{Lu}/u;
const LIST_BEFORE = 160;
const LIST_AFTER = 80;
const CAPITAL = /\p{Lu}/u;
const COMMA_SPACE = /, +/;
// After a merged name: the list goes on.
const LIST_GOES_ON = /^(?:,| (?:und|and|oder|or|sowie|&) )/;
/** A list member's score: below the frame cues, above the tagger. */
const LIST_SCORE = 0.8;

export function findListedNames(text: string, found: PiiSpan[], emit: Emit): void {
  // Nothing to split or grow without a person (most texts): skip the list pattern.
  if (!CAPITAL.test(text) || !found.some((s) => s.type === 'PERSON')) return;
  splitAtCommas(text, found);
  // (matchAll copies its regex: test first, as most texts hold no list.)
  if (!CONJUNCTION_ANY.test(text)) return;
  // The list pattern only in a window around each conjunction before a capital: run over the
  // whole of a long German text, it tries every capitalised noun as a list's start.
  // Windows that overlap are merged, so that a list is read in one piece.
  let from = -1;
  let to = -1;
  for (const c of text.matchAll(CONJUNCTION)) {
    const a = Math.max(0, c.index - LIST_BEFORE);
    const b = Math.min(text.length, c.index + c[0].length + LIST_AFTER);
    if (a > to) {
      if (to > from) growList(text, from, text.slice(from, to), found, emit);
      from = a;
    }
    to = b;
  }
  if (to > from && from >= 0) growList(text, from, text.slice(from, to), found, emit);
}

/** The lists in `window` (which starts at `offset` in the text). */
function growList(
  text: string,
  offset: number,
  window: string,
  found: PiiSpan[],
  emit: Emit,
): void {
  for (const w of window.matchAll(LIST)) {
    const m = { index: offset + w.index, 0: w[0] };
    const members: [number, number][] = [];
    for (const x of m[0].matchAll(MEMBER_IN_LIST))
      members.push([m.index + x.index, m.index + x.index + x[0].length]);
    // At least half the members hold a person ("Äpfel, Birnen und Anna" is shopping), and no
    // member holds a finding of another type.
    let persons = 0;
    let other = false;
    for (const [a, b] of members) {
      let person = false;
      for (const s of found) {
        if (s.end <= a || s.start >= b) continue;
        if (s.type === 'PERSON') person = true;
        else other = true;
      }
      if (person) persons++;
    }
    if (other || 2 * persons < members.length) continue;
    for (const [a, b] of members) {
      // A member made of a sentence's first word and a name ("Gestern Anna") is not one.
      if (!nameWords(text.slice(a, b))) continue;
      emit(a, b, 'PERSON', LIST_SCORE);
    }
  }
}

/** Every word capitalised and none an everyday, function or cue word, unless a listed name. */
function nameWords(member: string): boolean {
  const flags = gazetteer().flags;
  for (const w of member.split(' ')) {
    const lower = w.toLowerCase();
    const f = flags.get(lower) ?? 0;
    if (CUE_WORDS.has(lower) || (f & (FUNCTION | STOP)) !== 0) return false;
    if ((f & EVERYDAY) !== 0 && (f & (FIRST | SUR)) === 0) return false;
  }
  return true;
}

/** "Joaquim, Wanjiru und Drilona": a person holding a comma, with the list going on after it. */
function splitAtCommas(text: string, found: PiiSpan[]): void {
  for (let k = found.length - 1; k >= 0; k--) {
    const s = found[k]!;
    if (s.type !== 'PERSON' || !s.text.includes(',')) continue;
    if (!LIST_GOES_ON.test(text.slice(s.end, s.end + 8))) continue;
    const parts: PiiSpan[] = [];
    let at = s.start;
    for (const part of s.text.split(COMMA_SPACE)) {
      const start = text.indexOf(part, at);
      parts.push({ ...s, start, end: start + part.length, text: part });
      at = start + part.length;
    }
    found.splice(k, 1, ...parts);
  }
}
