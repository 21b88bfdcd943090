import type { Spelling } from './spellings.js';
import { takeHintBit } from './word-hints.js';

/**
 * Whether a token's lower case is one of a fixed set of words, kept per spelling as a bit of
 * `Spelling.hints` (as the word hints keep theirs): the frame rules ask this of every token for
 * several sets (the last words of cue phrases, fillers, verbs after a name), and a bit test on
 * the spelling costs less than a string-keyed probe of a `Set` or `Map` per token and set.
 * The set must not change once words are asked about: a spelling keeps its first answer.
 */
export class SpellingSet {
  private readonly bit = takeHintBit();

  constructor(private readonly words: { has(word: string): boolean }) {}

  /** `words.has(t.spelling.lower)`, the set's answer for the token's lower case. */
  has(t: { readonly spelling: Spelling }): boolean {
    const sp = t.spelling;
    const bit = this.bit;
    if ((sp.hintsKnown & bit) === 0) {
      if (this.words.has(sp.lower)) sp.hints |= bit;
      sp.hintsKnown |= bit;
    }
    return (sp.hints & bit) !== 0;
  }
}
