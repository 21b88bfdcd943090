import { charClass, LETTER, MARK } from './chars.js';
import { type Spelling, spellingTable } from './spellings.js';
import type { Word } from './words.js';

/** A word of a text as the name and place rules see it. */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly lower: string;
  readonly cap: boolean;
  /** First word of the text or after . ! ? : ; a quote, a bullet or a line break. */
  readonly sentenceStart: boolean;
  /** Only spaces (at most one comma) between this token and the previous one. */
  readonly joined: boolean;
  readonly comma: boolean;
  /** Only white space (line breaks too), commas and colons since the previous token. */
  readonly near: boolean;
  /** The gazetteer bits of `lower`. */
  readonly f: number;
  /** What the token's spelling says wherever it stands (shared by every token spelt alike). */
  readonly spelling: Spelling;
}

const SENTENCE_END = '.!?:;"„“”«»•\n*(';
// The characters of SENTENCE_END by code unit (each is one), a table instead of a string set.
const SENTENCE_END_CODES = new Uint8Array(0x10000);
for (let k = 0; k < SENTENCE_END.length; k++) SENTENCE_END_CODES[SENTENCE_END.charCodeAt(k)] = 1;

function endsSentence(code: number): boolean {
  return SENTENCE_END_CODES[code] === 1;
}
// Abbreviated titles whose full stop ends no sentence: "Dr. Pham", "Mrs. Doherty".
const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'dr',
  'prof',
  'mr',
  'mrs',
  'ms',
  'hr',
  'fr',
  'dipl',
  'ing',
  'mag',
]);

// Character classes of the gap between two tokens, by char code.
const SPACE = 32;
const TAB = 9;
const COMMA = 44;
const COLON = 58;
const LF = 10;
const CR = 13;
const FULL_STOP = 46;

const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;
const HYPHEN = 45;

/**
 * The words of a text as the name and place rules see them: the matches of
 * `/[\p{L}](?:[\p{L}\p{M}'’-]*[\p{L}\p{M}])?/gu` (a letter, then letters, combining marks,
 * apostrophes and hyphens, ending in a letter or mark; combining marks belong to the word:
 * Turkish "İzzet" lower-cases to "i̇zzet", i + U+0307), found by a loop over the characters.
 */
export function tokenize(
  text: string,
  flags: ReadonlyMap<string, number>,
  words: readonly Word[] = [],
): Token[] {
  const spellings = spellingTable(flags);
  // The text's words (`splitWords`), walked beside the tokens: a token over the same characters
  // as a word takes the word's spelling if it came from this list map's table.
  let w = 0;
  const tokens: Token[] = [];
  let prevEnd = -1;
  let prev: Token | undefined;
  const n = text.length;
  let at = 0;
  while (at < n) {
    const start = nextToken(text, at);
    if (start < 0) break;
    const end = tokenEnd;
    at = end;
    let k = start - 1;
    let c = k >= 0 ? text.charCodeAt(k) : 0;
    while (k >= 0 && (c === SPACE || c === TAB)) c = --k >= 0 ? text.charCodeAt(k) : 0;
    const afterTitle =
      prev !== undefined &&
      k === prev.end &&
      c === FULL_STOP &&
      TITLE_ABBREVIATIONS.has(prev.lower);
    const sentenceStart = !afterTitle && (k < 0 || endsSentence(c));
    // Joined: only spaces or tabs, and at most one comma, since the previous token.
    let commas = 0;
    let other = false;
    let far = false;
    if (prevEnd >= 0) {
      for (let i = prevEnd; i < start; i++) {
        const ch = text.charCodeAt(i);
        if (ch === COMMA) commas++;
        else if (ch !== SPACE && ch !== TAB && !(afterTitle && i === prevEnd)) {
          other = true;
          if (ch !== COLON && ch !== LF && ch !== CR) far = true;
        }
      }
    }
    while (w < words.length && words[w]!.start < start) w++;
    const word = words[w];
    const spelling =
      word !== undefined &&
      word.start === start &&
      word.end === end &&
      word.spelling.flags === flags
        ? word.spelling
        : spellings.get(text, start, end);
    const token: Token = {
      start,
      end,
      lower: spelling.lower,
      f: spelling.f,
      cap: spelling.cap,
      spelling,
      sentenceStart,
      joined: prevEnd >= 0 && !other && commas <= 1,
      comma: commas > 0,
      near: prevEnd >= 0 && !far && commas <= 1,
    };
    tokens.push(token);
    prev = token;
    prevEnd = token.end;
  }
  return tokens;
}

// The end of the token `nextToken` found last (a second return value without an array).
let tokenEnd = 0;

/** Start of the next token at or after `from` (its end in `tokenEnd`), or -1. */
function nextToken(text: string, from: number): number {
  const n = text.length;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cp = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? text.codePointAt(i)! : c;
    const width = cp > 0xffff ? 2 : 1;
    if (classOf(c, cp) & LETTER) {
      let end = i + width;
      let j = end;
      while (j < n) {
        const d = text.charCodeAt(j);
        const dp = d >= 0xd800 && d <= 0xdbff && j + 1 < n ? text.codePointAt(j)! : d;
        const w = dp > 0xffff ? 2 : 1;
        if (classOf(d, dp) & (LETTER | MARK)) {
          j += w;
          end = j;
        } else if (d === APOSTROPHE || d === RIGHT_QUOTE || d === HYPHEN) j += w;
        else break;
      }
      tokenEnd = end;
      return i;
    }
    i += width;
  }
  return -1;
}

function classOf(c: number, cp: number): number {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? LETTER : 0;
  return charClass(cp);
}
