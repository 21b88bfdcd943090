// The tagger's context lookups (tagger-context.ts) must add the same weights in the same order
// as scoring the feature strings of tagger-features.ts, so that decoding is unchanged to the bit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gazetteer } from '../../src/pii/gazetteer.js';
import { scoreTags } from '../../src/pii/tagger.js';
import { contextEntries, indexContext, scoreContext } from '../../src/pii/tagger-context.js';
import { contextFeatures, startClass, TAG_COUNT } from '../../src/pii/tagger-features.js';
import { taggerModel } from '../../src/pii/tagger-model.js';
import { tokenize } from '../../src/pii/tokens.js';

const WORDS = [
  'ich',
  'heiße',
  'Anna',
  'anna',
  'Nguyen',
  'aus',
  'Husum',
  'call',
  'me',
  'on',
  'Dr.',
  'Frau',
  'the',
  'mayor',
  'of',
  'Tralee',
  'says',
  'sagt',
  '12',
  'Uhr',
  'und',
  'mit',
  'Yui',
  'am',
  'Bahnhof',
  'zzqx',
  'Qorvath',
  '.',
  ',',
  ':',
  '\n',
  'double',
  'vier',
  'morgen',
  'Weber',
];

describe('tagger context index', () => {
  it('sums exactly what the context feature strings sum (property)', () => {
    const model = taggerModel();
    const index = indexContext(model.weights);
    const flags = gazetteer().flags;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 14 }),
        fc.boolean(),
        (parts, lower) => {
          const raw = parts.join(' ');
          const text = lower ? raw.toLowerCase() : raw;
          const lowercase = !/\p{Lu}/u.test(text);
          const tokens = tokenize(text, flags);
          const entries = contextEntries(index, tokens, model.vocab);
          const fast = new Float64Array(TAG_COUNT);
          const slow = new Float64Array(TAG_COUNT);
          for (let i = 0; i < tokens.length; i++) {
            const start = startClass(tokens, i);
            scoreContext(index, text, tokens, entries, i, lowercase, start, fast);
            const features = contextFeatures(text, tokens, i, lowercase, model.vocab, start);
            scoreTags(model.weights, features, slow);
            expect(Array.from(fast)).toEqual(Array.from(slow));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
