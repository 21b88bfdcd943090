import { SpellingSet } from './spelling-sets.js';
import type { Spelling } from './spellings.js';
import type { Lang } from './types.js';

// Regexes made once, not on every call.
const UMLAUT = /[äöüßÄÖÜ]/;

// Frequent function words that are rare in the other language.
const DE = new Set(
  'der die das und ist nicht ich du er sie wir ihr es ein eine einen einem mit auf für von zu den dem des bitte meine mein ist sind bin hab habe auch noch nur wie was wer wo aus bei nach heute morgen ja nein danke hallo kannst können schon oder aber wenn dann mir mich dich dir uns euch im am vom zum zur über unter heiße wohne ruf rufe anrufen straße'.split(
    ' ',
  ),
);
const EN = new Set(
  'the and is not you he she we they it a an with on for of to my me your please are am was were have has had also only how what who where from at after today tomorrow yes no thanks hello can could would should if then us our this that there here i call live street'.split(
    ' ',
  ),
);
const WORD = /\p{L}+/gu;
// Only when the function words tie ("Herr Rabe kommt am Nachmittag": "am" is both languages'):
// words that are German and no English word, so a short German sentence around unseen names is
// not read as English (where its nouns would pass for surnames).
const DE_TIE = new Set(
  'herr herrn frau hat kommt geht erst sagt sagte gestern leider weiter doch mal sehr gerne grüß viele liebe dass haben wird werden wurde jetzt hier gibt bis zum meinte übernimmt ab'.split(
    ' ',
  ),
);

// DE and EN asked once per spelling, the answer kept as a bit on it: a text's first 200 words
// cost two bit tests each instead of two string-keyed probes.
const IN_DE = new SpellingSet(DE);
const IN_EN = new SpellingSet(EN);

/** English function words: evidence that a text is English, not merely not German. */
export const EN_STOPWORDS: ReadonlySet<string> = EN;

/** Function words of both languages; never a name on their own. */
export const STOPWORDS: ReadonlySet<string> = new Set([...DE, ...EN]);

/**
 * Guesses German or English from function words, then from umlauts and ß. Good enough to
 * choose phone regions and context rules; texts that mix both get both rule sets anyway.
 */
export function detectLanguage(
  text: string,
  words?: readonly { readonly lower: string; readonly spelling: Spelling }[],
): Lang {
  let de = 0;
  let en = 0;
  // A plain loop: this runs once per text, and a generator per word cost more than the lookups.
  if (words) {
    const n = Math.min(words.length, 200);
    for (let k = 0; k < n; k++) {
      const w = words[k]!;
      if (IN_DE.has(w)) de++;
      if (IN_EN.has(w)) en++;
    }
  } else {
    let seen = 0;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m !== null && seen < 200; m = WORD.exec(text), seen++) {
      const w = m[0].toLowerCase();
      if (DE.has(w)) de++;
      if (EN.has(w)) en++;
    }
  }
  if (de !== en) return de > en ? 'de' : 'en';
  if (UMLAUT.test(text)) return 'de';
  return tieBreak(text, words) ? 'de' : 'en';
}

/** Whether a German-only word (DE_TIE) occurs among the first 200 words. */
function tieBreak(text: string, words?: readonly { readonly lower: string }[]): boolean {
  if (words) {
    const n = Math.min(words.length, 200);
    for (let k = 0; k < n; k++) if (DE_TIE.has(words[k]!.lower)) return true;
    return false;
  }
  let seen = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null && seen < 200; m = WORD.exec(text), seen++)
    if (DE_TIE.has(m[0].toLowerCase())) return true;
  return false;
}
