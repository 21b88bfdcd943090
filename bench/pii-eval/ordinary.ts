// Ordinary-word retention on text with no personal data: the demo grammars' posts and voice
// commands (src/demo, written for this project), with their town rules replaced by a plain
// phrase so that nothing in them is a name or place. The share of words that no finding of
// the detector touches is what issue 17 asks to keep at ≥ 95 %.
import { Grammar, type GrammarSource } from '../../src/demo/grammar.js';
import { Rng } from '../../src/demo/random.js';
import { GERMAN } from '../../src/demo/words-de.js';
import { ENGLISH } from '../../src/demo/words-en.js';
import { ENGLISH_VOICE, GERMAN_VOICE } from '../../src/demo/words-voice.js';
import { detectPii } from '../../src/pii/index.js';

const SOURCES: readonly [string, GrammarSource, string, Record<string, string[]>][] = [
  ['de posts', GERMAN, 'sentence', { stadt: ['der Stadt'], urlaubsort: ['am Meer'] }],
  ['en posts', ENGLISH, 'sentence', { city: ['town'], holiday_place: ['by the sea'] }],
  ['de voice', GERMAN_VOICE, 'utterance', { stadt: ['der stadt'] }],
  ['en voice', ENGLISH_VOICE, 'utterance', { city: ['town'] }],
];

export interface Retention {
  readonly name: string;
  readonly words: number;
  readonly kept: number;
  /** The words most often taken, for reading. */
  readonly taken: readonly string[];
}

export function ordinaryRetention(texts = 1000, seed = 5): Retention[] {
  return SOURCES.map(([name, source, rule, neutral]) => {
    const grammar = new Grammar({ ...source, ...neutral });
    const rng = new Rng(seed);
    let words = 0;
    let touched = 0;
    const taken = new Map<string, number>();
    for (let n = 0; n < texts; n++) {
      const text = grammar.render(rng, rule);
      const found = detectPii(text).filter((p) => p.type === 'PERSON' || p.type === 'LOCATION');
      for (const w of text.matchAll(/[\p{L}\p{N}]+/gu)) {
        words++;
        const end = w.index + w[0].length;
        if (found.some((p) => p.start < end && w.index < p.end)) {
          touched++;
          taken.set(w[0], (taken.get(w[0]) ?? 0) + 1);
        }
      }
    }
    const top = [...taken].sort((a, b) => b[1] - a[1]).slice(0, 8);
    return { name, words, kept: 1 - touched / words, taken: top.map(([w, c]) => `${w} ${c}`) };
  });
}
