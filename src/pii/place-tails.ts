// English town names with a small-word tail: "Kirkby on the Hill", "Walton upon Trent", "Barton
// under Needwood". The rules find the head ("Kirkby"), and the tail's last word, capitalised and
// on no list, is taken for a person. Written text only: a transcript has no capital to say
// where the name ends ("in leeds on the weekend").
import { FUNCTION, gazetteer } from './gazetteer.js';
import type { Emit } from './numbers.js';
import type { PiiSpan } from './types.js';

const TAIL = /^ (?:on the|on|upon|under|by the|next the|cum) (\p{Lu}\p{Ll}+)(?![\p{L}'’-])/u;
/** Above the person guesses (≤ 0.9) that the tail's last word draws. */
const PLACE_TAIL_SCORE = 0.92;

/** Emits each found place grown over its tail. */
export function growPlaceTails(text: string, found: readonly PiiSpan[], emit: Emit): void {
  const flags = gazetteer().flags;
  for (const s of found.slice()) {
    if (s.type !== 'LOCATION' || text.charCodeAt(s.end) !== 32) continue;
    const m = TAIL.exec(text.slice(s.end, s.end + 40));
    // A weekday, month or holiday ("in Leeds on Monday", "on Easter") is no part of a name.
    if (!m || ((flags.get(m[1]!.toLowerCase()) ?? 0) & FUNCTION) !== 0) continue;
    emit(s.start, s.end + m[0].length, 'LOCATION', Math.max(s.score, PLACE_TAIL_SCORE));
  }
}
