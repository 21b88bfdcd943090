// Towns of a German transcript after a head word that says "town": "wohne in klein
// quendelstedt", "aus ober tröpfelbach", "nach bad grollenstein". The word after the head is on
// no list and ends as German towns end ("…stedt", "…bach", "…rode"); the head word is the
// evidence a lone unknown word lacks (the tagger reads those). Lower case only: written text
// has capitals, which the place rules read already. Hand-written (ours, Apache-2.0).
import { gazetteer } from './gazetteer.js';
import type { Emit } from './numbers.js';
import { endingRegex, GERMAN_TOWN_ENDINGS } from './town-endings.js';

const HEADS = 'klein groß gross alt neu ober nieder unter bad sankt hohen'.split(' ');
const AFTER_PREPOSITION = new RegExp(
  `(?:^|\\s)(?:in|aus|nach|bei|von|zu|richtung) ((?:${HEADS.join('|')}) \\p{Ll}{4,})(?![\\p{L}'’-])`,
  'gu',
);
// "…au" is left out: too many everyday words end so ("genau", "frau").
const TOWN_END = endingRegex(GERMAN_TOWN_ENDINGS.filter((e) => e !== 'au'));
/** Above the person guesses (≤ 0.8), as the English town shapes; below the lists' towns. */
const TOWN_SHAPE_SCORE = 0.82;
/**
 * A head word between spaces: most texts have none and are passed over (after a literal space,
 * so that the scan tries only at spaces).
 */
const HINT = new RegExp(` (?:${HEADS.join('|')}) `, 'u');

/** Emits each head word and town-shaped word after a place preposition of a German transcript. */
export function findGermanTownShapes(text: string, emit: Emit): void {
  if (!HINT.test(text)) return;
  const flags = gazetteer().flags;
  for (const m of text.matchAll(AFTER_PREPOSITION)) {
    const value = m[1]!;
    const word = value.slice(value.indexOf(' ') + 1);
    if (flags.has(word) || !TOWN_END.test(word)) continue;
    const start = m.index + m[0].length - value.length;
    emit(start, start + value.length, 'LOCATION', TOWN_SHAPE_SCORE);
  }
}
