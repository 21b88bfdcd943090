/**
 * Character classes for the hand-written scanners of `words.ts` and `tokens.ts`, by code point:
 * the same answers as the regex classes `\p{L}`, `\p{M}`, `\p{N}` (with the `u` flag), read
 * from a table instead of running a regex per word. The table of the Basic Multilingual Plane
 * is filled on first sight of each character; code points beyond it (rare) ask the regexes.
 */
export const LETTER = 1;
export const MARK = 2;
export const NUMBER = 4;

const L = /\p{L}/u;
const M = /\p{M}/u;
const N = /\p{N}/u;

// 0: not yet known; otherwise the class bits + 8.
const bmp = new Uint8Array(0x10000);

function classify(ch: string): number {
  return (L.test(ch) ? LETTER : 0) | (M.test(ch) ? MARK : 0) | (N.test(ch) ? NUMBER : 0);
}

/** The class bits of a code point. */
export function charClass(cp: number): number {
  if (cp < 0x10000) {
    const known = bmp[cp]!;
    if (known !== 0) return known - 8;
    // A lone surrogate is no character of any class, as for the regexes.
    const bits = cp >= 0xd800 && cp <= 0xdfff ? 0 : classify(String.fromCharCode(cp));
    bmp[cp] = bits + 8;
    return bits;
  }
  return classify(String.fromCodePoint(cp));
}

// ASCII letters and digits answered without the table.
for (let c = 0; c < 128; c++) {
  const bits =
    (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? LETTER : c >= 48 && c <= 57 ? NUMBER : 0;
  bmp[c] = bits + 8;
}
