import type { Word } from './words.js';

/**
 * Letters as a speech recogniser writes them when someone spells: a lone letter ("m a b"), a
 * word of a spelling alphabet (German "martha anton berta", the 2022 German city alphabet
 * "münchen aachen berlin", NATO "mike alpha bravo"), a letter's name as some recognisers write
 * it ("ha ha", "ka", "zett"; "bee", "kay", "zed"), or "m wie martha" / "m for mike". Used by
 * the spoken plates, e-mail addresses and IBANs, always inside a run that also holds digits or
 * separators, never alone: each of these words is an ordinary word or a name elsewhere.
 */

const ALPHABETS = `
anton a ärger ä berta b bertha b cäsar c caesar c charlotte c dora d emil e friedrich f
gustav g heinrich h ida i julius j kaufmann k konrad k ludwig l martha m marta m nordpol n
otto o ökonom ö paula p quelle q richard r samuel s siegfried s theodor t ulrich u übermut ü
viktor v wilhelm w xanthippe x ypsilon y zacharias z zeppelin z
aachen a berlin b chemnitz c düsseldorf d essen e frankfurt f goslar g hamburg h ingelheim i
jena j köln k leipzig l münchen m nürnberg n offenbach o potsdam p quickborn q rostock r
salzwedel s tübingen t unna u völklingen v wuppertal w xanten x zwickau z
alpha a alfa a bravo b charlie c delta d echo e foxtrot f golf g hotel h india i juliett j
juliet j kilo k lima l mike m november n oscar o papa p quebec q romeo r sierra s tango t
uniform u victor v whiskey w whisky w xray x yankee y zulu z
be b ce c de d ef f ge g ha h ka k el l em m en n pe p qu q te t vau v ix x zett z
bee b cee c dee d gee g aitch h jay j kay k pee p cue q ar r ess s tee t vee v ex x zed z zee z
`
  .trim()
  .split(/\s+/);

/** Spelling-alphabet word → its letter (lower case). */
export const SPELLING_WORDS: ReadonlyMap<string, string> = new Map(
  Array.from({ length: ALPHABETS.length / 2 }, (_, i) => [
    ALPHABETS[2 * i]!,
    ALPHABETS[2 * i + 1]!,
  ]),
);

const LINKS = new Set(['wie', 'for', 'as']);
const UMLAUTS: Readonly<Record<string, string>> = { a: 'ä', o: 'ö', u: 'ü' };

/** One spelt letter read at word k: the letter and the index of the next word. */
export interface SpeltLetter {
  readonly letter: string;
  readonly next: number;
  /** True for a word of a spelling alphabet (not a lone letter). */
  readonly alphabet: boolean;
}

function isSingleLetter(w: string): boolean {
  return w.length === 1 && ((w >= 'a' && w <= 'z') || w === 'ä' || w === 'ö' || w === 'ü');
}

/** Whether only spaces (or a comma, a full stop of a pause) lie between words a and b. */
export function gapOk(text: string, a: Word, b: Word): boolean {
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 44 && c !== 46 && c !== 9 && c !== 45) return false;
  }
  return true;
}

/** The letter spelt at word k, if any. `alphabets` false: lone letters only. */
export function speltLetter(
  text: string,
  words: readonly Word[],
  k: number,
  alphabets = true,
): SpeltLetter | undefined {
  const w = words[k];
  if (w === undefined) return undefined;
  const lower = w.lower;
  if (isSingleLetter(lower)) {
    const a = words[k + 1];
    // "x ray" (the tokenizer splits "x-ray").
    if (alphabets && lower === 'x' && a?.lower === 'ray' && gapOk(text, w, a))
      return { letter: 'x', next: k + 2, alphabet: true };
    // "m wie martha", "m for mike", "m as in mike".
    if (alphabets && a !== undefined && LINKS.has(a.lower)) {
      let j = k + 2;
      if (a.lower === 'as' && words[j]?.lower === 'in') j++;
      const b = words[j];
      if (b !== undefined && SPELLING_WORDS.get(b.lower) === lower)
        return { letter: lower, next: j + 1, alphabet: true };
    }
    return { letter: lower, next: k + 1, alphabet: false };
  }
  if (!alphabets) return undefined;
  // DIN 5009:2022 says an umlaut as "umlaut" and its vowel's word: "umlaut offenbach" is ö.
  if (lower === 'umlaut') {
    const a = words[k + 1];
    const vowel = a && gapOk(text, w, a) ? speltLetter(text, words, k + 1) : undefined;
    const umlaut = vowel && UMLAUTS[vowel.letter];
    return umlaut ? { letter: umlaut, next: vowel.next, alphabet: true } : undefined;
  }
  const letter = SPELLING_WORDS.get(lower);
  return letter === undefined ? undefined : { letter, next: k + 1, alphabet: true };
}
