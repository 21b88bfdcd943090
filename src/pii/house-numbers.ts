// English addresses whose street type no list holds: "the cellar at 95c Quarry Hollow", "ring
// Trout, back door, 146 Beacon Garth.", "the keys at 206 Farriers Ride". After "at", "of", "to"
// or a comma, a house number and two or three capitalised words that end the clause are an
// address in written English, whatever the last word ("Garth", "Loke", "Bank", "Ride").
import type { Emit } from './numbers.js';

const HOUSE_ADDRESS =
  /(?:(?:^|[^\p{L}])(?:at|of|to|from|outside|near|opposite):?|,|^|\n)[ \t]+((?:Flat \d{1,3}[a-z]?, )?\d{1,4}[a-z]? (?:\p{Lu}\p{Ll}+(?:'s)? ){1,2}\p{Lu}\p{Ll}+)(?=[.,;:!?)\n]| (?:from|since|is|was|in|on|at|and|for|until|by)\b|$)/gu;
/** Months, days and units that a number with capitals before them makes no address of. */
const NOT_A_STREET =
  /(?:^|\s)(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Years?|Days?|Weeks?|Months?|Hours?|Minutes?|Pounds?|Euros?|Dollars?|Percent|Items?|Pages?|Points?|Members?|People|Guests?|Pieces?)(?:\s|$)/u;
const HINT = /\d[a-z]? \p{Lu}\p{Ll}+ \p{Lu}/u;
/** Below the street patterns (0.85); above a person guess on the same words only by holding it. */
const HOUSE_ADDRESS_SCORE = 0.8;

/** Emits each house-number address of written English text. */
export function findHouseAddresses(text: string, emit: Emit): void {
  if (!HINT.test(text)) return;
  for (const m of text.matchAll(HOUSE_ADDRESS)) {
    const value = m[1]!;
    if (NOT_A_STREET.test(value)) continue;
    const start = m.index + m[0].length - value.length;
    emit(start, start + value.length, 'ADDRESS', HOUSE_ADDRESS_SCORE);
  }
}
