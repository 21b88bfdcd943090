// When a date is a date of birth beyond the context words of `context.ts`:
// - an entry of a birthday list: "Geburtstagsliste Kita: Anna Ott – 4. März 2019", "Birthday
//   list, Year 2: Tom Hale – 12/05/2017" (the header may stand far before the entry);
// - never a piece of a longer run of digits said one by one ("versicherungsnummer ist sieben
//   fünf neun null sechs fünf drei null sieben sechs": no date starts after a digit's word);
// - never the bound of a span of time: "geboren am 1. 2. 1980, war vom 1. März 2019 bis …",
//   "employed from 3 May 2019 to …", where the birth cue belongs to another date.
const BIRTHDAY_LIST = /geburtstagsliste|geburtstage|birthday list|birthdays|list of birthdays/iu;
/** An entry's date follows its name after a dash or a colon. */
const ENTRY_BEFORE = /\p{L}[ \t]*(?:[–—-]|:)[ \t]*$/u;
const RANGE_BEFORE = /(?:^|[^\p{L}])(?:vom|von|ab|seit|zwischen|from|since|between)\s+$/iu;
const RANGE_AFTER = /^\s*(?:bis|to|until|till|–|—)\s+\d/iu;

/** Whether the date at start..end is an entry of a birthday list named earlier in the text. */
export function birthdayListEntry(text: string, start: number): boolean {
  if (!ENTRY_BEFORE.test(text.slice(Math.max(0, start - 6), start))) return false;
  return BIRTHDAY_LIST.test(text.slice(0, start));
}

/** Whether the date at start..end opens or closes a span of time ("vom … bis …"). */
export function dateRangeBound(text: string, start: number, end: number): boolean {
  return (
    RANGE_BEFORE.test(text.slice(Math.max(0, start - 10), start)) ||
    RANGE_AFTER.test(text.slice(end, end + 8))
  );
}

const DIGIT_WORD_BEFORE =
  /(?:^|\s)(?:null|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zero|oh|one|two|three|four|five|six|seven|eight|nine)\s+$/iu;

/** Whether a spoken date starts right after a digit's word: it is a piece of a longer number. */
export function insideDigitRun(text: string, start: number): boolean {
  return DIGIT_WORD_BEFORE.test(text.slice(Math.max(0, start - 8), start));
}
