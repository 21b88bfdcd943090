/** Number words of German and English transcripts, and the digits a spoken word stands for. */
import type { Spelling } from './spellings.js';

export const UNITS_DE: Record<string, number> = {
  null: 0,
  eins: 1,
  ein: 1,
  zwei: 2,
  zwo: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  fuenf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
};
const TEENS_DE: Record<string, number> = {
  zehn: 10,
  elf: 11,
  zwölf: 12,
  dreizehn: 13,
  vierzehn: 14,
  fünfzehn: 15,
  sechzehn: 16,
  siebzehn: 17,
  achtzehn: 18,
  neunzehn: 19,
};
const TENS_DE: Record<string, number> = {
  zwanzig: 20,
  dreißig: 30,
  dreissig: 30,
  vierzig: 40,
  fünfzig: 50,
  sechzig: 60,
  siebzig: 70,
  achtzig: 80,
  neunzig: 90,
};
export const UNITS_EN: Record<string, number> = {
  zero: 0,
  nought: 0,
  oh: 0,
  o: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const TEENS_EN: Record<string, number> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
export const TENS_EN: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
export const REPEAT: Record<string, number> = { double: 2, doppel: 2, triple: 3, treble: 3 };
const COMPOUND_DE = new RegExp(
  `^(${Object.keys(UNITS_DE)
    .filter((k) => k !== 'null')
    .join('|')})und(${Object.keys(TENS_DE).join('|')})$`,
);

export const NUMBER_WORDS = new Map<string, number>(
  [UNITS_DE, TEENS_DE, TENS_DE, UNITS_EN, TEENS_EN, TENS_EN].flatMap((t) => Object.entries(t)),
);
export const ALL_DIGITS = /^\d+$/;

/** The digits a single spoken token stands for, or undefined. */
export function digitsOf(word: string): string | undefined {
  const c0 = word.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) return ALL_DIGITS.test(word) ? word : undefined;
  const w = word.toLowerCase();
  const n = NUMBER_WORDS.get(w);
  if (n !== undefined) return String(n);
  // Every compound ends in "g" ("zig", "ßig", "ssig"): one character code rules out most
  // words before three endsWith calls (this runs on most words of every text).
  if (w.charCodeAt(w.length - 1) !== 103) return undefined;
  if (!w.endsWith('zig') && !w.endsWith('ßig') && !w.endsWith('ssig')) return undefined;
  const c = COMPOUND_DE.exec(w);
  return c ? String(TENS_DE[c[2]!]! + UNITS_DE[c[1]!]!) : undefined;
}

/**
 * `digitsOf(w.lower)`, kept on the word's spelling: the number-run, address and tagger rules ask
 * it of most words of a text, and a spelling's answer never changes (it follows from the lower
 * case alone).
 */
export function spellingDigits(w: { readonly spelling: Spelling }): string | undefined {
  const sp = w.spelling;
  let d = sp.digits;
  if (d === undefined) {
    d = digitsOf(sp.lower) ?? null;
    sp.digits = d;
  }
  return d ?? undefined;
}

export const NUMBER_WORD_SOURCE = `(?:${[
  ...[UNITS_DE, TEENS_DE, TENS_DE, UNITS_EN, TEENS_EN, TENS_EN].flatMap((t) => Object.keys(t)),
]
  .filter((w) => w.length > 1)
  .join('|')}|\\p{L}+und\\p{L}+(?:zig|ßig|ssig))`;
