// A British address written out in full: house number and street, the town, then the postcode
// ("Flat 2, 14 Tanners Row, Ashby Parva SW1A 1AA", "7 Kiln Walk\nLower Brede, TN31 6QH"). The
// street patterns know only the usual street words and the town after a street is taken as a
// place on its own; a postcode with a known area closing the run says the whole run is one
// address, whatever words name the street and the town.
import type { Emit } from './numbers.js';
import { UK_POSTCODE_AREAS } from './patterns.js';

// Cheap gate: a postcode's inward code ("1AA") somewhere in the text.
const HINT = /\d[A-Z]{2}(?![\p{L}\p{N}])/u;
const POSTCODE =
  /(?<![\p{L}\p{N}])([A-PR-UWYZ][A-HK-Y]?)\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}(?![\p{L}\p{N}])/gu;
// A capitalised word of a street's or town's name ("Tanners", "St", "Ashby-de-la-Zouch").
const WORD = "\\p{Lu}[\\p{Ll}'’.-]*";
// Small words inside a town's name: "Kirkby on the Hill", "Walton upon Thames".
const JOINER = '(?:on|upon|under|in|by|the|le|la|de|cum|next|to|over)';
const TOWN = `${WORD}(?:[ \\t](?:${JOINER}[ \\t])*${WORD}){0,3}`;
const BREAK = '(?:,[ \\t]*(?:\\r?\\n[ \\t]*)?|[ \\t]*\\r?\\n[ \\t]*)';
// Ends right before a postcode: the number and street, a break, up to two town lines (town,
// county), then a comma, a space or a line break.
const BEFORE_POSTCODE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:Flat|Apartment|Apt\\.?|Unit|Suite)[ \\t]\\d{1,4}[A-Za-z]?,[ \\t]*)?\\d{1,5}[A-Za-z]?[ \\t]${WORD}(?:[ \\t]${WORD}){0,3}${BREAK}(?:${TOWN}(?:${BREAK}${TOWN})?(?:,[ \\t]*|[ \\t]+|[ \\t]*\\r?\\n[ \\t]*))?$`,
  'u',
);
/** Above the street (0.85) and postcode (0.8) patterns, whose spans it takes in. */
const UK_ADDRESS_SCORE = 0.9;
// How far back from a postcode the address may start.
const REACH = 160;

/** Emits each full British address that ends in a postcode. */
export function findUkAddresses(text: string, emit: Emit): void {
  if (!HINT.test(text)) return;
  for (const m of text.matchAll(POSTCODE)) {
    if (!UK_POSTCODE_AREAS.has(m[1]!)) continue;
    const from = Math.max(0, m.index - REACH);
    const before = BEFORE_POSTCODE.exec(text.slice(from, m.index));
    if (before) emit(from + before.index, m.index + m[0].length, 'ADDRESS', UK_ADDRESS_SCORE);
  }
}
