import { CONTEXT, hasContext } from './context.js';
import type { Emit } from './numbers.js';

/**
 * Dates of birth and licence plates as a speech recogniser writes them: "am dritten mai
 * neunzehnhundertachtzig", "the third of may nineteen eighty", "kennzeichen m a b vier fünf
 * sechs". Found on the text as it is (their words are not turned into digits), and only beside
 * a context word, since a spoken date or a run of letters alone says nothing.
 */

const DE_UNIT = 'eins|ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun';
const DE_TEEN = 'zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn';
const DE_TENS = 'zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig';
const DE_ORDINAL = `(?:erste|zweite|dritte|vierte|fünfte|sechste|siebte|siebente|achte|neunte|zehnte|elfte|zwölfte|(?:drei|vier|fünf|sech|sieb|acht|neun)zehnte|zwanzigste|(?:(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und)?(?:zwanzig|dreißig|dreissig)ste)[nrs]?`;
const DE_MONTH =
  'januar|jänner|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember';
const DE_YEAR = `(?:neunzehnhundert|zweitausend)(?:(?:${DE_UNIT})und(?:${DE_TENS})|${DE_TENS}|${DE_TEEN}|${DE_UNIT})?|(?:19|20)\\d{2}`;

const EN_UNIT = 'one|two|three|four|five|six|seven|eight|nine';
const EN_TEEN = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const EN_TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const EN_ORDINAL_UNIT = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth';
const EN_ORDINAL = `(?:(?:twenty|thirty)[ -](?:${EN_ORDINAL_UNIT})|${EN_ORDINAL_UNIT}|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth|thirtieth|\\d{1,2}(?:st|nd|rd|th))`;
const EN_MONTH =
  'january|february|march|april|may|june|july|august|september|october|november|december';
const EN_YEAR = `nineteen\\s(?:oh\\s(?:${EN_UNIT})|(?:${EN_TENS})(?:\\s(?:${EN_UNIT}))?|${EN_TEEN}|hundred)|two\\sthousand(?:\\s(?:and\\s)?(?:(?:${EN_TENS})(?:\\s(?:${EN_UNIT}))?|${EN_TEEN}|${EN_UNIT}))?|(?:19|20)\\d{2}`;

const SPOKEN_DATE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:${DE_ORDINAL}|\\d{1,2}\\.?)\\s+(?:${DE_MONTH}|${DE_ORDINAL})\\s+(?:${DE_YEAR})|(?:${EN_ORDINAL})\\s+of\\s+(?:${EN_MONTH})\\s+(?:${EN_YEAR})|(?:${EN_MONTH})\\s+(?:the\\s+)?(?:${EN_ORDINAL})\\s+(?:${EN_YEAR}))(?![\\p{L}\\p{N}])`,
  'giu',
);
const DATE_HINT = /neunzehnhundert|zweitausend|nineteen|two thousand/i;
const MONTH_HINT = new RegExp(`${DE_MONTH}|${EN_MONTH}`, 'i');
const YEAR_HINT = /(?:19|20)\d\d/;

const NUMBER_WORD = `(?:null|eins|ein|zwei|zwo|drei|vier|fünf|sechs|sieben|acht|neun|${DE_TEEN}|${DE_TENS}|(?:${DE_UNIT})und(?:${DE_TENS})|zero|oh|${EN_UNIT}|${EN_TEEN}|${EN_TENS}|doppel|double)`;
// Up to five spelt letters (district and letters), then up to four digits, as digits or words.
// Some recognisers write spelt letters as capitals ("B M W"), hence case-insensitive.
// The hyphen after the district may be said ("b minus m w …", "h h strich a b …", "dash").
const PLATE_SEPARATOR = '(?:minus|strich|bindestrich|dash|hyphen|-)';
const SPOKEN_PLATE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:[a-zäöü]\\s+){1,3}${PLATE_SEPARATOR}\\s+(?:[a-zäöü]\\s+){1,2}|(?:[a-zäöü]\\s+){2,5})(?:[1-9]\\d{0,3}|${NUMBER_WORD}(?:\\s+${NUMBER_WORD}){0,4})(?![\\p{L}\\p{N}])`,
  'giu',
);
// The cue words of CONTEXT.VEHICLE_PLATE, as a cheap first test.
const PLATE_HINT = /kennzeichen|nummernschild|plate|registration|kfz|auto|wagen|fahrzeug|car/i;
// "… acht neun, das ist mein kennzeichen": a cue right after the plate counts too.
const PLATE_CUE_AFTER = 40;

export function findSpokenForms(text: string, emit: Emit): void {
  if (DATE_HINT.test(text) || (YEAR_HINT.test(text) && MONTH_HINT.test(text))) {
    for (const m of text.matchAll(SPOKEN_DATE)) {
      const end = m.index + m[0].length;
      if (hasContext(text, m.index, end, CONTEXT.DATE_OF_BIRTH!, 24))
        emit(m.index, end, 'DATE_OF_BIRTH', 0.9);
    }
  }
  if (PLATE_HINT.test(text)) {
    for (const m of text.matchAll(SPOKEN_PLATE)) {
      const end = m.index + m[0].length;
      if (hasContext(text, m.index, end, CONTEXT.VEHICLE_PLATE!, PLATE_CUE_AFTER))
        emit(m.index, end, 'VEHICLE_PLATE', 0.85);
    }
  }
}
