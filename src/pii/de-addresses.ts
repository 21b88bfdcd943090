// A German address written on one line: street and number, a separator, postcode and town
// ("Hinter der Walkmühle 25, D-61260 Krummhollen", "Untere Au 7 · 36064 Lindenfeld"). The
// patterns find the postcode and town, and the street only when it ends in a street word or
// starts with "Am", "Im" …; a postcode and town right after a name and a house number say that
// the name is a street, and that street, postcode and town are one address; so are a postcode
// and town with a street found right after them.
import type { Emit } from './numbers.js';
import type { PiiSpan } from './types.js';

const POSTCODE_TOWN = /^(?:D-)?\d{5} \p{Lu}/u;
// Up to four words of a street's name (capitalised, or the small words inside one: "Hinter der
// Walkmühle", "Platz der Einheit"), a house number ("25", "7a", "3-5", "50–52"), then the
// separator, which may be the word "in" ("Am Anger 4 in 12345 Lindenfeld").
const STREET_BEFORE =
  /(?<![\p{L}\p{N}])\p{Lu}[\p{L}ß'’.-]*(?:[ \t](?:(?:der|dem|den|des|zum|zur|am|im|an|auf|in|unter|vor|bei|ob)[ \t])?\p{Lu}[\p{L}ß'’.-]*){0,3}[ \t]\d{1,4}(?:[ \t]?[a-zA-Z](?![\p{L}]))?(?:[-–—]\d{1,4})?(?:,[ \t]*|[ \t]*[·|/][ \t]*|[ \t]+in[ \t]+|[ \t]*\r?\n[ \t]*)$/u;
// Words that end a sentence's subject, not a street: "Lieferadresse Böttcherzeile 5" is still a
// street, but a label word before the street is no part of it.
const LABEL_WORDS = new Set(
  'adresse anschrift lieferadresse rechnungsadresse wohnort neu neue straße hausnummer'.split(' '),
);
const PREPOSITION_BEFORE = /[ \t](?:an|in|nach|bei|von|zu|für|auf)[ \t]$/u;
/** Above the street (0.85) and postcode-town patterns, whose spans it takes in. */
const DE_ADDRESS_SCORE = 0.9;

/** Emits street, postcode and town as one address where a postcode and town follow a street. */
export function joinGermanAddresses(text: string, found: readonly PiiSpan[], emit: Emit): void {
  for (const s of found.slice()) {
    if (s.type !== 'ADDRESS' || !POSTCODE_TOWN.test(s.text)) continue;
    const street = streetAfter(text, found, s.end);
    if (street !== undefined) {
      emit(s.start, street.end, 'ADDRESS', DE_ADDRESS_SCORE);
      continue;
    }
    const from = Math.max(0, s.start - 80);
    const m = STREET_BEFORE.exec(text.slice(from, s.start));
    if (!m) continue;
    let start = from + m.index;
    // A label word before the street ("Adresse Hauptstraße 5, …") stays outside.
    const first = /^\S+/.exec(m[0])![0];
    if (LABEL_WORDS.has(first.toLowerCase())) start += first.length + 1;
    // "Lieferung an Am Bleichplatz 7 in …": a street found inside, after a preposition, starts it.
    const inside = found.find(
      (o) =>
        o.type === 'ADDRESS' &&
        o.start > start &&
        o.end <= s.start &&
        PREPOSITION_BEFORE.test(text.slice(start, o.start)),
    );
    if (inside !== undefined) start = inside.start;
    emit(start, s.end, 'ADDRESS', DE_ADDRESS_SCORE);
  }
}

// Town first, then the street: "56540 Lindenfeld, Am Anger 4", as a sender's line or a form
// may write it.
const TOWN_STREET_GAP = /^,[ \t]*$/;

/** A street found right after a comma after `end`. */
function streetAfter(text: string, found: readonly PiiSpan[], end: number): PiiSpan | undefined {
  return found.find(
    (o) =>
      o.type === 'ADDRESS' &&
      o.start > end &&
      o.start - end <= 3 &&
      !POSTCODE_TOWN.test(o.text) &&
      TOWN_STREET_GAP.test(text.slice(end, o.start)),
  );
}
