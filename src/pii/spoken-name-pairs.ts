import { CUE_WORDS, verbShaped } from './frames.js';
import { FUNCTION, gazetteer, STOP } from './gazetteer.js';
import type { Emit } from './numbers.js';
import { sortSmall } from './small-sort.js';
import { digitsOf } from './spoken-numbers.js';
import type { PiiSpan } from './types.js';
import { oneSpace, type Word, wordIndexAt } from './words.js';

/**
 * Transcripts: where a person found by the other finders stops short of the whole name, and
 * only the words around it tell. Run after them.
 *
 * - A particle and a word after a person are its surname: "garazi te rangi", "zawadi mac
 *   cárthaigh", "meseret ó murchú" (without capitals nothing else marks them).
 * - Two people joined by "und"/"and" are named alike: when one was found with its surname and
 *   the other alone, the other's surname is the word beside it ("baraka zeisig und zhiwei
 *   karamanli", "aroha berisha and tamuna sparrow are …"), even an everyday word, since the
 *   other name shows how this one is said.
 */

// Lower-case particles that open a surname. Not the German "von" ("yulia von nebenan"), nor
// "da", "la", "le" or "ten" ("what's ten times seven"), which are words of their own as often.
const PARTICLES = new Set(
  'te mac mc ó ní nic ua al el bin ibn van ter de dela del della di du dos'.split(' '),
);
const AND = new Set(['und', 'and']);
// After a pair of people: the verb in the plural, or the next pair ("… kommen auch").
const PLURAL_AFTER = new Set(
  'are were have had will can sind waren haben hatten kommen kamen werden können wollen und and'.split(
    ' ',
  ),
);
/** Below the frame cues; above the single word the pair grows from. */
const PAIR_SCORE = 0.8;

/** Whether a transcript's word may be part of a surname here. */
function surnameWord(w: Word | undefined, flags: ReadonlyMap<string, number>): w is Word {
  if (w === undefined || w.lower.length < 2) return false;
  const f = flags.get(w.lower) ?? 0;
  return (
    (f & (FUNCTION | STOP)) === 0 &&
    !CUE_WORDS.has(w.lower) &&
    !PARTICLES.has(w.lower) &&
    digitsOf(w.lower) === undefined &&
    !verbShaped(w.lower)
  );
}

// Module functions rather than closures made per call: the bench's tsx wraps every named closure.

/** Whether a person found spans one word. */
function one(x: { from: number; to: number }): boolean {
  return x.from === x.to;
}

export function growSpokenNames(
  text: string,
  words: readonly Word[],
  found: readonly PiiSpan[],
  emit: Emit,
): void {
  const flags = gazetteer().flags;
  const persons = sortSmall(
    found.filter((s) => s.type === 'PERSON'),
    (a, b) => a.start - b.start,
  );
  if (persons.length === 0) return;
  const spans = persons.map((s) => {
    const from = wordIndexAt(words, s.start, 'start');
    const to = wordIndexAt(words, s.end, 'end');
    return from < 0 || to < 0 ? undefined : { s, from, to };
  });
  for (const p of spans) {
    if (!p) continue;
    // A person ending in a particle ("garazi te" before "rangi"): the word after it.
    const end = words[p.to]!;
    const next = words[p.to + 1];
    if (
      p.to > p.from &&
      PARTICLES.has(end.lower) &&
      surnameWord(next, flags) &&
      oneSpace(text, end, next)
    ) {
      emit(p.s.start, next.end, 'PERSON', Math.max(p.s.score, PAIR_SCORE));
      p.to += 1;
      continue;
    }
    // A particle and one word after the person.
    const particle = words[p.to + 1];
    const after = words[p.to + 2];
    if (
      particle &&
      PARTICLES.has(particle.lower) &&
      oneSpace(text, words[p.to]!, particle) &&
      surnameWord(after, flags) &&
      oneSpace(text, particle, after)
    ) {
      emit(p.s.start, after.end, 'PERSON', Math.max(p.s.score, PAIR_SCORE));
      p.to += 2;
    }
  }
  for (let k = 0; k + 1 < spans.length; k++) {
    const a = spans[k];
    const b = spans[k + 1];
    if (!a || !b) continue;
    if (one(a) === one(b)) continue;
    if (one(a)) {
      const w = words[a.to + 1];
      if (w && AND.has(w.lower) && b.from === a.to + 2) {
        // "conceição tesfaye und xiaoling srisuwan": the word before the lone name.
        const v = words[a.from - 1];
        if (surnameWord(v, flags) && oneSpace(text, v, words[a.from]!))
          emit(v.start, a.s.end, 'PERSON', Math.max(a.s.score, PAIR_SCORE));
      } else if (AND.has(words[a.to + 2]?.lower ?? '') && b.from === a.to + 3) {
        // "baraka zeisig und zhiwei karamanli": the word between the lone name and "und".
        if (surnameWord(w, flags) && oneSpace(text, words[a.to]!, w))
          emit(a.s.start, w.end, 'PERSON', Math.max(a.s.score, PAIR_SCORE));
      }
    } else {
      // "aroha berisha and tamuna sparrow are …": the word after the lone name.
      const and = words[a.to + 1];
      if (!and || !AND.has(and.lower) || b.from !== a.to + 2) continue;
      const w = words[b.to + 1];
      const next = words[b.to + 2];
      if (
        surnameWord(w, flags) &&
        oneSpace(text, words[b.to]!, w) &&
        (next === undefined || PLURAL_AFTER.has(next.lower))
      )
        emit(b.s.start, w.end, 'PERSON', Math.max(b.s.score, PAIR_SCORE));
    }
  }
}
