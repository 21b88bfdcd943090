const WORD = /[\p{L}\p{N}]+/gu;

/** A word of a text, lower-cased; the one word-splitting pass shared by the detector's stages. */
export interface Word {
  readonly start: number;
  readonly end: number;
  readonly lower: string;
}

/** Splits a text into runs of letters and digits. */
export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(WORD))
    words.push({ start: m.index, end: m.index + m[0].length, lower: m[0].toLowerCase() });
  return words;
}
