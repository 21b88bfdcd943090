import { dateRangeBound, insideDigitRun } from './birth-dates.js';
import { bornAfter, CONTEXT, hasContext } from './context.js';
import { DE_MONTHS, EN_MONTHS } from './months.js';
import type { Emit } from './numbers.js';
import { findSpokenAddresses } from './spoken-addresses.js';
import { findSpokenPlates } from './spoken-plates.js';
import { WordHint } from './word-hints.js';
import type { Word } from './words.js';

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
const DE_MONTH = DE_MONTHS.join('|');
const DE_TWO_DIGITS = `(?:${DE_UNIT})und(?:${DE_TENS})|${DE_TENS}|${DE_TEEN}`;
// "neunzehnhundertachtzig", "neunzehn hundert achtzig", "neunzehn achtzig", "zweitausendeins",
// "zweitausend und drei", and two-digit years after a month ("zweiundachtzig", "null drei").
const DE_YEAR = `(?:neunzehn\\s?hundert|zweitausend)(?:\\s?(?:und\\s?)?(?:${DE_TWO_DIGITS}|${DE_UNIT}))?|neunzehn\\s(?:(?:${DE_UNIT})und(?:${DE_TENS})|${DE_TENS})|${DE_TWO_DIGITS}|null\\s(?:${DE_UNIT})|(?:19|20)?\\d{2}`;

const EN_UNIT = 'one|two|three|four|five|six|seven|eight|nine';
const EN_TEEN = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const EN_TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const EN_ORDINAL_UNIT = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth';
const EN_ORDINAL = `(?:(?:twenty|thirty)[ -](?:${EN_ORDINAL_UNIT})|${EN_ORDINAL_UNIT}|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth|thirtieth|\\d{1,2}(?:st|nd|rd|th))`;
const EN_MONTH = EN_MONTHS.join('|');
// A day said as a cardinal after the month ("march twelve nineteen ninety").
const EN_DAY = `(?:twenty|thirty)\\s(?:${EN_UNIT})|twenty|thirty|${EN_TEEN}|${EN_UNIT}`;
// "the fourth of the seventh eighty two".
const EN_ORDINAL_MONTH = `${EN_ORDINAL_UNIT}|tenth|eleventh|twelfth`;
const EN_TWO_DIGITS = `oh\\s(?:${EN_UNIT})|(?:${EN_TENS})(?:\\s(?:${EN_UNIT}))?|${EN_TEEN}`;
// "nineteen eighty two", "two thousand and one", "twenty oh three", and two-digit years after a
// day and month ("eighty two", "oh seven").
const EN_YEAR = `nineteen\\s(?:${EN_TWO_DIGITS}|hundred)|two\\sthousand(?:\\s(?:and\\s)?(?:(?:${EN_TENS})(?:\\s(?:${EN_UNIT}))?|${EN_TEEN}|${EN_UNIT}))?|twenty\\s(?:oh\\s(?:${EN_UNIT})|${EN_TEEN}|twenty(?:\\s(?:${EN_UNIT}))?)|${EN_TWO_DIGITS}|(?:19|20)?\\d{2}`;

// Day and month said as numbers ("null drei null fünf neunzehnhundertachtzig", "dritten
// fünften", "oh four oh seven eighty two"); only beside a birth cue, like every form here.
// A day or month said digit by digit ("zwei sieben", "eins null") comes first: the pattern
// takes the first alternative that lets the whole date match, and "zwei sieben null neun …"
// would otherwise end at "null neun" read as the year.
const DE_DIGIT = `null|${DE_UNIT}`;
const DE_DAY_NUMBER = `(?:eins|zwei)\\s(?:${DE_DIGIT})|drei\\s(?:null|eins)|(?:null\\s)?(?:${DE_UNIT})|zehn|elf|zwölf|(?:drei|vier|fünf|sech|sieb|acht|neun)zehn|(?:(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und)?zwanzig|dreißig|einunddreißig`;
const DE_MONTH_NUMBER = `eins\\s(?:null|eins|zwei)|(?:null\\s)?(?:${DE_UNIT})|zehn|elf|zwölf`;
const EN_DAY_NUMBER = `(?:oh\\s|zero\\s)?(?:${EN_UNIT})|${EN_TEEN}|twenty(?:\\s(?:${EN_UNIT}))?|thirty(?:\\sone)?`;
const EN_MONTH_NUMBER = `(?:oh\\s|zero\\s)?(?:${EN_UNIT})|ten|eleven|twelve`;
// Month and year without the day, either way round: "ich bin im mai neunzehnhundertachtzig
// geboren", "geboren neunzehn achtzig im mai". Patterns of their own, tried only where a German
// month is said (SPOKEN_DATE is tried at every word of a text with a birth cue).
const DE_MONTH_WORD = new RegExp(`(?<![\\p{L}])(?:${DE_MONTH})(?![\\p{L}])`, 'iu');
const MONTH_THEN_YEAR = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${DE_MONTH})\\s+(?:${DE_YEAR})(?![\\p{L}\\p{N}])`,
  'giu',
);
const IM_MONTH = new RegExp(`(?<![\\p{L}])im\\s+(?:${DE_MONTH})(?![\\p{L}])`, 'giu');
const YEAR_AT_END = new RegExp(`(?<![\\p{L}\\p{N}])(?:${DE_YEAR})\\s+$`, 'iu');

/** Month-and-year dates ("mai achtzig", "achtzig im mai") that overlap none of `dates`. */
function monthYearDates(text: string, dates: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(MONTH_THEN_YEAR)) out.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(IM_MONTH)) {
    const before = text.slice(Math.max(0, m.index - 48), m.index);
    const y = YEAR_AT_END.exec(before);
    if (y) out.push([m.index - before.length + y.index, m.index + m[0].length]);
  }
  return out.filter(([a, b]) => !dates.some(([c, d]) => a < d && c < b));
}
/** Sticky (`y`): tried at word starts only (`spokenDates`). */
export const SPOKEN_DATE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:${DE_ORDINAL}|\\d{1,2}\\.?)\\s+(?:${DE_MONTH}|${DE_ORDINAL})\\s+(?:${DE_YEAR})|(?:${EN_ORDINAL}|${EN_DAY})\\s+(?:of\\s+)?(?:the\\s+)?(?:${EN_MONTH}|${EN_ORDINAL_MONTH}),?\\s+(?:${EN_YEAR})|(?:${EN_MONTH})\\s+(?:the\\s+)?(?:${EN_ORDINAL}|${EN_DAY})\\s+(?:${EN_YEAR})|(?:${DE_DAY_NUMBER})\\s+(?:${DE_MONTH_NUMBER})\\s+(?:${DE_YEAR})|(?:${EN_DAY_NUMBER})\\s+(?:${EN_MONTH_NUMBER})\\s+(?:${EN_YEAR}))(?![\\p{L}\\p{N}])`,
  'iuy',
);
// A date of birth is said with a cue: before it ("geboren am", "born on", "date of birth") or,
// in German, after it ("ich bin am … geboren").
const HAS_DIGIT = /\d/;
const MONTH_WORD = new RegExp(`${DE_MONTH}|${EN_MONTH}`, 'i');
export const BIRTH_HINT = /geboren|geburt|\bgeb\b|jahrgang|born|birth|dob|d\.o\.b|d o b/i;
// Before it, by word (as PLATE_WORD_HINT below): "geboren", "geburt" and "geb" hold "geb";
// "d.o.b" and "d o b" the word "o" alone.
export const BIRTH_WORD_HINT = new WordHint(/geb|jahrgang|born|birth|dob|^o$/i);

// The cue words of CONTEXT.VEHICLE_PLATE, as a cheap first test.
export const PLATE_HINT =
  /kennzeichen|schild|plate|registration|\breg\b|kfz|pkw|lkw|auto|wagen|fahrzeug|transporter|motorrad|car|van|vehicle|lorry|truck|motor|parkt|parked|scooter|taxi|cab|dvla|bike|suv|minibus|trailer|caravan|camper|tractor|pickup|roller|anhänger|wohnmobil|traktor|moped|mofa|driv|hatchback|saloon|sedan|convertible|coupe|fahrer|kombi|limousine|cabrio/i;
// Before it, by word: every match of PLATE_HINT lies inside one word (its letters are letters,
// and no other character matches them under /i), so some word holds one of its alternatives
// ("reg" without the word boundaries).
export const PLATE_WORD_HINT = new WordHint(
  /kennzeichen|schild|plate|registration|reg|kfz|pkw|lkw|auto|wagen|fahrzeug|transporter|motorrad|car|van|vehicle|lorry|truck|motor|parkt|parked|scooter|taxi|cab|dvla|bike|suv|minibus|trailer|caravan|camper|tractor|pickup|roller|anhänger|wohnmobil|traktor|moped|mofa|driv|hatchback|saloon|sedan|convertible|coupe|fahrer|kombi|limousine|cabrio/i,
);

/**
 * The matches of the spoken date pattern, as `text.matchAll` with the `g` flag would find them,
 * but tried sticky at each word's start instead of at every position: a match starts with a
 * letter or digit (every alternative does; under /iu no other character folds to one of the
 * pattern's letters) after none (the look-behind), which is where a run of `splitWords`
 * starts; and it ends before no letter or digit, so the next match starts at a later word.
 */
export function spokenDates(text: string, words: readonly Word[]): [number, number][] {
  const found: [number, number][] = [];
  let from = 0;
  for (const w of words) {
    if (w.start < from) continue;
    SPOKEN_DATE.lastIndex = w.start;
    const m = SPOKEN_DATE.exec(text);
    if (m === null) continue;
    from = m.index + m[0].length;
    found.push([m.index, from]);
  }
  return found;
}

export function findSpokenForms(text: string, emit: Emit, words: readonly Word[]): void {
  // A written date ("geboren am 03.04.1985") is patterns.ts's: with digits in the text, only a
  // month name makes the spoken pattern worth its cost.
  if (
    BIRTH_WORD_HINT.mayHold(words) &&
    BIRTH_HINT.test(text) &&
    (!HAS_DIGIT.test(text) || MONTH_WORD.test(text))
  ) {
    const dates = spokenDates(text, words);
    if (DE_MONTH_WORD.test(text)) dates.push(...monthYearDates(text, dates));
    for (const [start, end] of dates) {
      if (dateRangeBound(text, start, end) || insideDigitRun(text, start)) continue;
      if (hasContext(text, start, end, CONTEXT.DATE_OF_BIRTH!, 24) || bornAfter(text, end))
        emit(start, end, 'DATE_OF_BIRTH', 0.9);
    }
  }
  if (PLATE_WORD_HINT.mayHold(words) && PLATE_HINT.test(text)) findSpokenPlates(text, words, emit);
  findSpokenAddresses(text, words, emit);
}
