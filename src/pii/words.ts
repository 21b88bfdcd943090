import { charClass, LETTER, NUMBER } from './chars.js';
import { spellingTable } from './spellings.js';

/** A word of a text, lower-cased; the one word-splitting pass shared by the detector's stages. */
export interface Word {
  readonly start: number;
  readonly end: number;
  readonly lower: string;
}

/**
 * Splits a text into runs of letters and digits: the matches of `/[\p{L}\p{N}]+/gu`, found by a
 * loop over the characters (a table lookup each) instead of the regex, which cost more per word.
 */
// The words' lower case by spelling, seen before or made once: no slice and no lower-casing
// for a word met before. No lists: only `lower` is read.
const spellings = spellingTable(new Map());

export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  const n = text.length;
  let start = -1;
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
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push({ start, end: i, lower: spellings.get(text, start, i).lower });
      start = -1;
    }
    i += width;
  }
  if (start >= 0) words.push({ start, end: n, lower: spellings.get(text, start, n).lower });
  return words;
}

function isAsciiWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}
