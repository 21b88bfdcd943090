import type { Spelling } from './spellings.js';
import type { Word } from './words.js';

/**
 * A test of single words that every text matching a gate's regex passes: a cheaper first gate
 * than running that regex over the whole text. The verdict per spelling is kept on the
 * spelling (bits of `Spelling.hints`), so a word seen before costs a bit test, where the
 * regex, a case-insensitive alternation of fifty words, tries every position of every text.
 *
 * The caller's gate stays the regex itself, run only when some word passes: `mayHold(words)
 * && GATE.test(text)` is `GATE.test(text)` whenever every match of GATE holds a word that the
 * hint's pattern matches (each gate says why next to its hint; tests check it).
 */
export class WordHint {
  private readonly bit: number;

  constructor(private readonly pattern: RegExp) {
    this.bit = takeHintBit();
  }

  /** Whether some word of the text matches the hint's pattern. */
  mayHold(words: readonly Word[]): boolean {
    const bit = this.bit;
    for (let k = 0; k < words.length; k++) {
      const sp = words[k]!.spelling;
      if ((sp.hintsKnown & bit) === 0) this.learn(sp);
      if ((sp.hints & bit) !== 0) return true;
    }
    return false;
  }

  private learn(sp: Spelling): void {
    if (this.pattern.test(sp.text)) sp.hints |= this.bit;
    sp.hintsKnown |= this.bit;
  }
}

let nextBit = 1;

/** A bit of `Spelling.hints` of its own, for one hint or one word set (`SpellingSet`). */
export function takeHintBit(): number {
  // Bits of a 32-bit integer: after 1 << 31 the shift gives 0, a hint no word could pass.
  if (nextBit === 0) throw new RangeError('word-hints: no bit left for another hint');
  const bit = nextBit;
  nextBit <<= 1;
  return bit;
}
