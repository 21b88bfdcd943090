// The shapes around a one-word place guess (a frame's or the tagger's, no list knowing it) that
// show it to be something else, in written text:
// - a compound whose last part is small ("sign-in", "check-in", "drop-off"): a town's parts
//   are capitalised ("Stratford-upon-Avon" ends in one);
// - a facility's name with its letter ("from Warehouse B", "at Gate C", "in Halle D");
// - one of two joined by "&" ("Love from Tirso & Uduak"): a person, as a firm's partners are;
// - a name called out ("ready, Muthoni!") or given with an age ("Walburga (34) aus …"): a person;
// - the value of a form's field that names no place ("Priority: High", "Status: Open").

const CAPITAL = /\p{Lu}/u;
const SMALL_LAST_PART = /-\p{Ll}[\p{L}]*$/u;
// Not "O" nor "I": a particle ("Tai O") or a numeral ("George I").
const LETTER_AFTER = /^ [A-HJ-NP-Z](?![\p{L}\p{N}&.'’])/u;
const AMPERSAND_BEFORE = /& $/u;
const AMPERSAND_AFTER = /^ & \p{Lu}/u;
const CALLED_BEFORE = /, $/u;
const CALLED_AFTER = /^!/u;
const AGE_AFTER = /^ ?\(\d{1,2}\)/u;
const FIELD_BEFORE =
  /(?:^|[\n|;])[ \t]*(?:priority|status|severity|urgency|category|type|level|mode|result|outcome|rating|grade|stage|tier|plan|role|gender|colou?r|size|reason|channel|method|dringlichkeit|priorität|kategorie|stufe|ergebnis|farbe|größe|grund|geschlecht)[ \t]*:[ \t]*$/iu;

/**
 * What the words around the one-word place guess at start..end show it to be instead: 'person'
 * (a name joined by "&" or called out), 'other' (no personal data), or undefined (a place still).
 */
export function notPlaceShape(
  text: string,
  start: number,
  end: number,
  value: string,
): 'person' | 'other' | undefined {
  // In a transcript every part is small.
  if (SMALL_LAST_PART.test(value) && CAPITAL.test(text)) return 'other';
  const after = text.slice(end, end + 6);
  const before = text.slice(Math.max(0, start - 24), start);
  if (LETTER_AFTER.test(after)) return 'other';
  if (AMPERSAND_BEFORE.test(before) || AMPERSAND_AFTER.test(after)) return 'person';
  if (CALLED_BEFORE.test(before) && CALLED_AFTER.test(after)) return 'person';
  if (AGE_AFTER.test(after)) return 'person';
  return FIELD_BEFORE.test(before) ? 'other' : undefined;
}
