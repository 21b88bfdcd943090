// The place of a letter's date line: "Bad Tannried, den 3. Januar 2026", "Kirkby Underwood,
// 3 January 2026", "Ashwell, March 3rd, 2026". A line that opens with capitalised words, a
// comma and a date names where the letter was written, whatever the lists know of the town.
import type { Emit } from './numbers.js';

const MONTH =
  '(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|January|February|March|May|June|July|October|December)';
const DATE = `(?:den |the )?(?:\\d{1,2}\\.? ?${MONTH} \\d{4}|\\d{1,2}(?:st|nd|rd|th)? ${MONTH} \\d{4}|\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}|${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}|\\d{4}-\\d{2}-\\d{2})`;
// One to four capitalised words, joined by a space, a hyphen or a town's small words
// ("an der", "on the", "upon", "am", "St").
const WORD = "\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}?[\\p{Ll}'’]+)*";
const JOIN = '(?: | an der | am | ob der | on the | upon | on | under | by the )';
const HEAD = new RegExp(
  `(?:^|\\n)[ \\t]*(${WORD}(?:${JOIN}(?:St\\.? )?${WORD}){0,3}), ${DATE}(?![\\p{L}\\d])`,
  'gu',
);
/** A day of the week, a field or a greeting may head such a line too ("Montag, 3. Januar 2026"). */
const NO_PLACE =
  /^(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Datum|Date|Stand|Heute|Today|Hallo|Hello|Hi|Dear|Liebe|Lieber|Sehr|Am|On|Bis|Until|Ab|From|Seit|Since|Vom|Fällig|Due)(?![\p{L}])/u;
const HINT = /, (?:den |the )?\d|, \p{Lu}\p{Ll}+ \d/u;
/** Above the person guesses (≤ 0.9) that an unknown town's words draw. */
const LETTER_PLACE_SCORE = 0.93;

/** Emits the place of each date line. */
export function findLetterPlaces(text: string, emit: Emit): void {
  if (!HINT.test(text)) return;
  for (const m of text.matchAll(HEAD)) {
    const place = m[1]!;
    if (NO_PLACE.test(place)) continue;
    const start = m.index + m[0].indexOf(place);
    emit(start, start + place.length, 'LOCATION', LETTER_PLACE_SCORE);
  }
}
