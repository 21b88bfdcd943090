// Towns of an English transcript that no list holds, by their shape and where they stand: after
// "in", "to", "from", "near" (perhaps with a head word: "little", "great", "higher"), a word on
// no list that ends as English towns' names end ("…combe", "…ford", "…bury", "…ham"), and
// perhaps a second such word ("upper tidford ashcombe"). Lower case only: written text has
// capitals, which the place rules read already. The endings are the ones rare at the end of
// everyday words ("…ing", "…ley", "…by", "…land" are left out: "meeting", "valley", "baby").
import { EVERYDAY, FIRST, FUNCTION, gazetteer, SUR } from './gazetteer.js';
import type { Emit } from './numbers.js';
import {
  ENGLISH_TOWN_HEADS,
  ENGLISH_TOWN_QUALIFIERS,
  endingRegex,
  RARE_ENGLISH_TOWN_ENDINGS,
} from './town-endings.js';

/** Head words before a town: "little", "upper", "long" ("long ashton"). */
const HEAD_WORDS: readonly string[] = [...ENGLISH_TOWN_HEADS, 'long'];
const HEAD: ReadonlySet<string> = new Set(HEAD_WORDS);
// The second word is only looked at, not taken: taken, a preposition there ("to oxford from
// ashcombe") hid the town after it from the next match.
// Up to three words after are looked at: a second town word or a qualifier, and a tail
// ("under edge").
const AFTER_PREPOSITION = new RegExp(
  `(?:^|\\s)(?:in|to|from|near|towards|via) ((?:(?:${HEAD_WORDS.join('|')}) )?[a-z]{4,})(?![\\p{L}'’-])(?=((?: [a-z]{2,}(?![\\p{L}'’-])){0,3}))`,
  'gu',
);
const TOWN_END = endingRegex(RARE_ENGLISH_TOWN_ENDINGS);
/**
 * After a head word ("great", "little") a town's name may end as everyday words also end
 * ("great swaffield", "little oakley", "upper dunton"): the head word is the evidence.
 */
const HEADED_TOWN_END = endingRegex([...RARE_ENGLISH_TOWN_ENDINGS, 'field', 'ley', 'ton', 'by']);
/** After an unknown word, a qualifier makes a town whatever its ending ("budgeley marsh"). */
const QUALIFIERS: ReadonlySet<string> = new Set(ENGLISH_TOWN_QUALIFIERS);
/** "mossbury under edge", "kirkby upon wold": the tail takes one word after it. */
const TAIL_WORDS: ReadonlySet<string> = new Set(['under', 'upon', 'cum']);
/** Everyday words with such an ending. */
const NOT_TOWNS = new Set('afford oxford graham bridge brook tomorrow'.split(' '));
const NOT_A_TOWN_WORD = EVERYDAY | FUNCTION | FIRST | SUR;
/** Above a person guess (≤ 0.8) that an unknown word draws; below the lists' and rules' towns. */
const TOWN_SHAPE_SCORE = 0.82;
// Any word of the text with such an ending: most texts have none and are passed over. Without
// "coombe", as the hint was written before the list was shared: a text whose only town-shaped
// word ends so is passed over still (kept so that no output changes with this clean-up).
const HINT = new RegExp(
  `(?:${RARE_ENGLISH_TOWN_ENDINGS.filter((e) => e !== 'coombe').join('|')})(?![a-z])`,
  'u',
);
/**
 * A head word or a qualifier after a space: the other texts worth a look. One alternation
 * after a literal space, so that the scan tries only at spaces.
 */
const HEAD_OR_QUALIFIER_HINT = new RegExp(
  ` (?:${[...ENGLISH_TOWN_HEADS, ...QUALIFIERS].join('|')})(?![a-z])`,
  'u',
);

/** Emits each town-shaped word after a place preposition of a lower-case English text. */
export function findTownShapes(text: string, emit: Emit): void {
  if (!HINT.test(text) && !HEAD_OR_QUALIFIER_HINT.test(text)) return;
  const flags = gazetteer().flags;
  const townWord = (w: string | undefined): boolean =>
    w !== undefined &&
    ((flags.get(w) ?? 0) & NOT_A_TOWN_WORD) === 0 &&
    TOWN_END.test(w) &&
    !NOT_TOWNS.has(w);
  const unknown = (w: string | undefined): boolean => w !== undefined && !flags.has(w);
  for (const m of text.matchAll(AFTER_PREPOSITION)) {
    const words = `${m[1]!}${m[2]!}`.split(' ');
    const head = HEAD.has(words[0]!) ? 1 : 0;
    const first = words[head];
    const qualified = unknown(first) && QUALIFIERS.has(words[head + 1]!);
    const headed = head === 1 && unknown(first) && HEADED_TOWN_END.test(first!);
    if (!townWord(first) && !qualified && !headed) continue;
    let n = head + 1 + (townWord(words[head + 1]) || qualified ? 1 : 0);
    const last = words[n + 1];
    if (TAIL_WORDS.has(words[n]!) && last !== undefined && !((flags.get(last) ?? 0) & FUNCTION))
      n += 2;
    const value = words.slice(0, n).join(' ');
    const start = m.index + m[0].length - m[1]!.length;
    emit(start, start + value.length, 'LOCATION', TOWN_SHAPE_SCORE);
  }
}
