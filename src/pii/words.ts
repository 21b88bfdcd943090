import { charClass, LETTER, NUMBER } from './chars.js';
import { FNV_START, fnvStep, type Spelling, spellingTable } from './spellings.js';

/** A word of a text, lower-cased; the one word-splitting pass shared by the detector's stages. */
export interface Word {
  readonly start: number;
  readonly end: number;
  readonly lower: string;
  /**
   * The word's entry in the spelling table of the list map given to `splitWords`: `tokenize`
   * takes it for a token spelt over the same characters instead of probing the table again.
   */
  readonly spelling: Spelling;
}

// The words' lower case by spelling, seen before or made once: no slice and no lower-casing
// for a word met before. Without a list map, an empty one (only `lower` is read then).
const NO_LISTS: ReadonlyMap<string, number> = new Map();

/**
 * Splits a text into runs of letters and digits: the matches of `/[\p{L}\p{N}]+/gu`, found by a
 * loop over the characters (a table lookup each) instead of the regex, which cost more per word.
 * Each word's spelling comes from the table of `flags` (the detector passes the gazetteer's, the
 * one `tokenize` uses); the hash that finds it is taken in the same loop.
 */
export function splitWords(text: string, flags: ReadonlyMap<string, number> = NO_LISTS): Word[] {
  const spellings = spellingTable(flags);
  const words: Word[] = [];
  const n = text.length;
  let start = -1;
  let h = FNV_START;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let cp = c;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      cp = text.codePointAt(i)!;
      if (cp > 0xffff) width = 2;
    }
    const word = c < 128 ? isAsciiWord(c) : (charClass(cp) & (LETTER | NUMBER)) !== 0;
    if (word) {
      if (start < 0) {
        start = i;
        h = FNV_START;
      }
      h = fnvStep(h, c);
      if (width === 2) h = fnvStep(h, text.charCodeAt(i + 1));
    } else if (start >= 0) {
      words.push(wordOf(spellings.getHashed(text, start, i, h), start, i));
      start = -1;
    }
    i += width;
  }
  if (start >= 0) words.push(wordOf(spellings.getHashed(text, start, n, h), start, n));
  return words;
}

function wordOf(spelling: Spelling, start: number, end: number): Word {
  return { start, end, lower: spelling.lower, spelling };
}

function isAsciiWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** Whether word `b` follows word `a` after exactly one space. */
export function oneSpace(text: string, a: Word, b: Word): boolean {
  return b.start === a.end + 1 && text.charCodeAt(a.end) === 32;
}

/** Index of the word whose `key` offset is `at` (words are in text order), or -1. */
export function wordIndexAt(
  words: readonly Word[],
  at: number,
  key: 'start' | 'end' = 'start',
): number {
  let lo = 0;
  let hi = words.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = words[mid]![key];
    if (v === at) return mid;
    if (v < at) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
