// The tagger's per-spelling memo and its pool of tag-feature weights by word class (tagger.ts)
// must give the tags and margins of the model's features summed afresh for every token: the
// same sums in the same order, whichever texts (written or transcripts, a word at a sentence's
// start or inside) filled the memo first and however often the pool grew.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/pii-eval/corpus.js';
import { gazetteer } from '../../src/pii/gazetteer.js';
import { allowed, decode, scoreTags, type TaggerModel } from '../../src/pii/tagger.js';
import {
  contextFeatures,
  START_CLASSES,
  shapeOf,
  startIndex,
  TAG_COUNT,
  tagFeatures,
  wordFeatures,
} from '../../src/pii/tagger-features.js';
import { taggerModel } from '../../src/pii/tagger-model.js';
import { tokenize } from '../../src/pii/tokens.js';

/** Greedy decoding with every sum made from the feature strings, nothing kept between tokens. */
function decodeAfresh(model: TaggerModel, text: string, lowercase: boolean) {
  const tokens = tokenize(text, gazetteer().flags);
  const tags: number[] = [];
  const margins: number[] = [];
  const classes = new Set<string>();
  const sum = new Float64Array(TAG_COUNT);
  const context = new Float64Array(TAG_COUNT);
  const extra = new Float64Array(TAG_COUNT);
  let prev = 0;
  let prev2 = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const start = START_CLASSES[startIndex(tokens, i)]!;
    const own = wordFeatures(t, lowercase, model.vocab, shapeOf(text, t, lowercase), start);
    classes.add(`${own[1]}\t${own[2]}`);
    scoreTags(model.weights, own, sum);
    scoreTags(
      model.weights,
      contextFeatures(text, tokens, i, lowercase, model.vocab, start),
      context,
    );
    scoreTags(model.weights, tagFeatures(own, prev, prev2), extra);
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    let second = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < TAG_COUNT; k++) {
      if (!allowed(prev, k)) continue;
      const v = context[k]! + extra[k]! + sum[k]!;
      if (v > bestScore) {
        second = bestScore;
        bestScore = v;
        best = k;
      } else if (v > second) second = v;
    }
    tags.push(best);
    margins.push(bestScore - second);
    prev2 = prev;
    prev = best;
  }
  return { tokens, tags, margins, classes };
}

const TEXTS = generateCorpus(6, 31).map((x) => x.text);

describe('tagger memo', () => {
  it('decodes as the features summed afresh, in any order of texts and cases (property)', () => {
    const model = taggerModel();
    const classes = new Set<string>();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: TEXTS.length - 1 }), fc.boolean()), {
          minLength: 1,
          maxLength: 8,
        }),
        (picks) => {
          for (const [k, lower] of picks) {
            // The same words as a transcript: their spellings' memos fill other slots.
            const text = lower ? TEXTS[k]!.toLowerCase() : TEXTS[k]!;
            const lowercase = !/\p{Lu}/u.test(text);
            const want = decodeAfresh(model, text, lowercase);
            for (const c of want.classes) classes.add(c);
            const got = decode(model, text, want.tokens, lowercase);
            expect(got.tags).toEqual(want.tags);
            expect(got.margins).toEqual(want.margins);
          }
        },
      ),
      { numRuns: 60 },
    );
    // More classes than the pool starts with (64): it grew while the memo was in use.
    expect(classes.size).toBeGreaterThan(64);
  });
});
