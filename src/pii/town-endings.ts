// Endings of towns' names, and the head words before them, for the rules that read a word's
// shape as a town's. One list a kind, the rules' sets and regexes made from them, so that a
// rule's list is not a copy to keep in step. A regex of endings anchored at the word's end finds
// the same ending in any order of the list.

/** English head words that make the next word a town's: "Little Snoring", "Upper Tidford". */
export const ENGLISH_TOWN_HEADS: readonly string[] = 'little great higher lower upper nether'.split(
  ' ',
);

/**
 * Second words of English towns' names, none a given name or an everyday word of the lists
 * ("Crowthorne Abbas", "Pollington Magna", "Budgeley Marsh"). Hand-written (ours).
 */
export const ENGLISH_TOWN_QUALIFIERS: readonly string[] =
  'magna parva regis episcopi abbas abbots bassett marsh fen heath wold moor'.split(' ');

/** German towns' endings: "…dorf", "…hausen", "…ingen", "…brück". */
export const GERMAN_TOWN_ENDINGS: readonly string[] =
  'dorf feld hausen heim ingen stadt stedt hagen furt kirchen rode itz berg burg bach beck brück brunn tal thal weiler wald au'.split(
    ' ',
  );

/**
 * English towns' endings rare at the end of everyday words ("…combe", "…ford", "…bury"; not
 * "…ing", "…ley", "…by", "…land": "meeting", "valley", "baby").
 */
export const RARE_ENGLISH_TOWN_ENDINGS: readonly string[] =
  'combe coombe ford bury borough brough ham wick wich mere holt leigh worth stead thorpe cester chester caster minster bourne bridge brook ington cote cott'.split(
    ' ',
  );

/** A regex of a word that ends in one of `endings` (`text` is the word alone). */
export function endingRegex(endings: readonly string[]): RegExp {
  return new RegExp(`(?:${endings.join('|')})$`, 'u');
}
