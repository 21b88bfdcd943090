// Town names with small words in them. The rules find the head ("Kirkby", "Neustadt") or a
// part ("St Anne"), and the rest, capitalised and on no list, is taken for a person or lost:
// - a tail of small words: "Kirkby on the Hill", "Walton upon Trent", "Barton under Needwood",
//   "Neustadt an der Weinstraße", "Frankfurt am Main", "Rothenburg ob der Tauber";
// - a saint's name: "Fennick St Giles", "Ottery St Mary";
// - a head word that says "town": "Little Snoring", "Higher Bockhampton", "Bad Tölz", "Alt
//   Ruppin", "Ober Olm", "Sankt Peter".
// In a transcript there is no capital to say where a name ends ("in leeds on the weekend"), so
// there a tail word must be on no list at all: not an everyday word, not a name.
import {
  AMBIGUOUS_WORD,
  DE_NOUN,
  EVERYDAY,
  FIRST,
  FUNCTION,
  gazetteer,
  isPlaceLower,
  STOP,
  SUR,
} from './gazetteer.js';
import type { Emit } from './numbers.js';
import { ENGLISH_TOWN_HEADS } from './town-endings.js';
import type { PiiSpan } from './types.js';

const TAIL = /^ (?:on the|on|upon|under|by the|next the|cum) (\p{Lu}\p{Ll}+)(?![\p{L}'’-])/u;
const TAIL_LOWER = /^ (?:on the|upon|under|by the|next the|cum) (\p{Ll}+)(?![\p{L}'’-])/u;
const TAIL_DE = /^ (?:an der|am|ob der) (\p{Lu}\p{Ll}+)(?![\p{L}'’-])/u;
const TAIL_DE_LOWER = /^ (?:an der|ob der) (\p{Ll}+)(?![\p{L}'’-])/u;
/** A saint's name closes the town: "Ottery St Mary" (a given name is welcome there). */
const SAINT = /^ (?:St\.?|Saint) (\p{Lu}\p{Ll}+)(?![\p{L}'’-])/u;
const SAINT_LOWER = /^ (?:st|saint) (\p{Ll}+)(?![\p{L}'’-])/u;
/** A town's word before the span, or before "St" and the span: "Wrenfold St " + "Anne". */
const TOWN_BEFORE = /(?:^|[^\p{L}'’-])(\p{Lu}\p{Ll}+) $/u;
const TOWN_SAINT = /(?:^|[^\p{L}'’-])(\p{Lu}\p{Ll}+) (?:St\.?|Saint) $/u;
const TOWN_SAINT_LOWER = /(?:^|[^\p{L}'’-])(\p{Ll}+) (?:st|saint) $/u;
const SAINT_FIRST = /^(?:St\.?|Saint) \p{Lu}/u;
const ENDS_CAPITALISED = /\p{Lu}\p{Ll}+$/u;
const SAINT_START = /^ (?:st|saint)\b/iu;
const SAINT_INSIDE = /\p{L} (?:St\.?|Saint) \p{Lu}/u;
/** Head words that make the next word a town's: "Little Snoring", "Bad Tölz". */
const HEAD_WORDS: ReadonlySet<string> = new Set([
  ...ENGLISH_TOWN_HEADS,
  ...'bad alt ober nieder unter sankt groß klein'.split(' '),
]);
const CAPITAL_FIRST = /^\p{Lu}/u;
const HEAD_BEFORE = /(?:^|[^\p{L}'’-])(\p{L}+) $/u;
/** Words before a place that a head word may follow: "wohne in alt mürbelsdorf". */
const PLACE_PREPOSITION = /(?:^|[^\p{L}])(?:in|aus|nach|bei|from|to|near|at) $/u;
/** Above the person guesses (≤ 0.9) that the tail's last word draws. */
const PLACE_TAIL_SCORE = 0.92;
/** Written English: a capitalised tail word is the town's unless it is a day or month ("on Friday"). */
const NOT_A_TAIL = FUNCTION;
const NOT_A_GERMAN_TAIL = FUNCTION | DE_NOUN | AMBIGUOUS_WORD | STOP;
/** After a postcode and town, "im" and "in der" also go on the name: "Sankt Peter im Moos". */
const TAIL_DE_ADDRESS = /^ (?:an der|am|ob der|in der|im) (\p{Lu}\p{Ll}+)(?![\p{L}'’-])/u;
const TAIL_DE_START = /^ (?:an der|am|ob der) /u;
const NOT_A_LOWER_TAIL = FUNCTION | EVERYDAY | FIRST | SUR;

/** Emits each found place grown over its tail, its saint or its head word. */
export function growPlaceTails(
  text: string,
  found: readonly PiiSpan[],
  emit: Emit,
  lowercase: boolean,
): void {
  const flags = gazetteer().flags;
  const flag = (w: string) => flags.get(w.toLowerCase()) ?? 0;
  // The spans found before this rule: `emit` appends to `found`, and a grown span is not grown
  // again (an index bound instead of a copy of the list).
  const count = found.length;
  for (let k = 0; k < count; k++) {
    const s = found[k]!;
    if (s.type === 'ADDRESS') {
      growAddress(text, s, emit, lowercase);
      continue;
    }
    if (s.type !== 'LOCATION' && s.type !== 'PERSON') continue;
    const place = s.type === 'LOCATION';
    let start = s.start;
    let end = s.end;
    // Most spans have none of the words below beside them: one look at each neighbour first.
    const prev = text.charCodeAt(s.start - 1) === 32 ? wordBefore(text, s.start - 1) : '';
    const saintFirst = !lowercase && s.text.charCodeAt(0) === 83 && SAINT_FIRST.test(s.text);
    const next = text.charCodeAt(s.end) === 32 ? wordAfter(text, s.end + 1) : '';
    const personTown =
      !place && !lowercase && mayBeTown(s.text) && (SAINT_INSIDE.test(s.text) || headFirst(s.text));
    if (!HEAD_WORDS.has(prev) && !SAINT_WORDS.has(prev) && !saintFirst && !TAIL_STARTS.has(next))
      if (!personTown) continue;
    // The head word before: "Little " + "Snoddington"; a person's word only after a preposition.
    const h = HEAD_BEFORE.exec(text.slice(Math.max(0, s.start - 24), s.start));
    if (h && HEAD_WORDS.has(h[1]!.toLowerCase()) && (lowercase || CAPITAL_FIRST.test(h[1]!))) {
      const at = s.start - h[0].length + h[0].indexOf(h[1]!);
      if (place || PLACE_PREPOSITION.test(text.slice(Math.max(0, at - 8), at))) start = at;
    }
    // A saint's name with its town before it: "Wrenfold " + "St Anne", "wrenfold st " + "anne".
    const before = text.slice(Math.max(0, start - 40), start);
    const t = (saintFirst ? TOWN_BEFORE : lowercase ? TOWN_SAINT_LOWER : TOWN_SAINT).exec(before);
    if (t && start === s.start && !(flag(t[1]!) & (lowercase ? NOT_A_LOWER_TAIL : NOT_A_TAIL)))
      start -= t[0].length - t[0].indexOf(t[1]!);
    if (text.charCodeAt(s.end) === 32) {
      const after = text.slice(s.end, s.end + 40);
      const m = lowercase
        ? (SAINT_LOWER.exec(after) ?? TAIL_LOWER.exec(after) ?? TAIL_DE_LOWER.exec(after))
        : (SAINT.exec(after) ?? TAIL.exec(after) ?? TAIL_DE.exec(after));
      if (m) {
        const saint = SAINT_START.test(m[0]);
        const f = flag(m[1]!);
        const german = !saint && !lowercase && TAIL_DE_START.test(m[0]);
        // Capitalised after "an der", a word is a name even when an adjective is spelt so ("an
        // der Lauter"); a noun is not ("am Bahnhof").
        const bad = f & (lowercase ? NOT_A_LOWER_TAIL : german ? NOT_A_GERMAN_TAIL : NOT_A_TAIL);
        // A person grows only over a saint ("Wrenfold St Anne" is no one's name); in a
        // transcript a listed town has its own tail listed ("in leipzig an der kasse").
        const listedHead = lowercase && !saint && isPlaceLower(s.text.toLowerCase());
        if (!bad && !listedHead && (place || saint)) end = s.end + m[0].length;
      }
    }
    // A person's span that holds a saint or opens with a head word is a town (personTown).
    if (start === s.start && end === s.end && !personTown) continue;
    // A town inside an address grows the address: "77099 Bad Lenzen an der Ilm, Hauptstraße 4".
    let score = 0;
    for (const a of found) {
      if (a.type !== 'ADDRESS' || a.start >= s.end || s.start >= a.end) continue;
      start = Math.min(start, a.start);
      end = Math.max(end, a.end);
      score = Math.max(score, a.score);
    }
    if (score > 0) emit(start, end, 'ADDRESS', score);
    else emit(start, end, 'LOCATION', Math.max(s.score, PLACE_TAIL_SCORE));
  }
}

const HEAD_FIRST = /^(\p{Lu}\p{Ll}+) \p{Lu}/u;
/** Whether a capitalised span opens with a head word: "Higher Crumplecote", "Bad Tölz". */
function headFirst(t: string): boolean {
  const m = HEAD_FIRST.exec(t);
  return m !== null && HEAD_WORDS.has(m[1]!.toLowerCase());
}

/** An address that ends in a town's head grows over the town's tail: "91234 Lenzen an der Ilm". */
function growAddress(text: string, s: PiiSpan, emit: Emit, lowercase: boolean): void {
  if (lowercase || text.charCodeAt(s.end) !== 32) return;
  const next = wordAfter(text, s.end + 1);
  if (!TAIL_STARTS.has(next) && next !== 'im' && next !== 'in') return;
  if (!ENDS_CAPITALISED.test(s.text)) return;
  const after = text.slice(s.end, s.end + 40);
  // A match of TAIL_DE_ADDRESS is German; only when there is none is TAIL tried.
  const de = TAIL_DE_ADDRESS.exec(after);
  const m = de ?? TAIL.exec(after);
  if (!m) return;
  const german = de !== null;
  const f = gazetteer().flags.get(m[1]!.toLowerCase()) ?? 0;
  if (f & (german ? NOT_A_GERMAN_TAIL : NOT_A_TAIL)) return;
  emit(s.start, s.end + m[0].length, 'ADDRESS', s.score);
}

const SAINT_WORDS = new Set(['st', 'st.', 'saint']);
/** First words of the tails above, in lower case. */
const TAIL_STARTS = new Set('on upon under by next cum an am ob st st. saint'.split(' '));

/** The word (letters and dots, lower case) that ends right before `end`. */
function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && end - i < 12 && wordUnit(text.charCodeAt(i - 1))) i--;
  return text.slice(i, end).toLowerCase();
}

/** The word (letters and dots, lower case) that starts at `start`. */
function wordAfter(text: string, start: number): string {
  let i = start;
  while (i < text.length && i - start < 12 && wordUnit(text.charCodeAt(i))) i++;
  return text.slice(start, i).toLowerCase();
}

/** Letters (any script beyond ASCII counted as one) and the dot of "St.". */
function wordUnit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46 || c >= 0xc0;
}

/** A span of two words or more that holds " St" / " Saint" or opens with a head word's letter. */
function mayBeTown(t: string): boolean {
  const space = t.indexOf(' ');
  if (space < 0) return false;
  return (
    t.includes(' St') || t.includes(' Saint') || HEAD_WORDS.has(t.slice(0, space).toLowerCase())
  );
}
