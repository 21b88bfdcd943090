// Fresh generated sentences for measuring the tagger: from its training origins (another seed
// than training) and from the origins held out of training (names.ts DEV_LOCALES, no gazetteer
// names). Used by bench/pii-train/dev.ts and `npm run eval:pii`.
import type { Labelled } from '../pii-eval/markup.js';
import { generateTraining } from './generate.js';
import { namePools } from './names.js';

export const DEV_SEED = 4242;

export function devSets(sentences = 1000): {
  trainOrigins: Labelled[];
  heldOutOrigins: Labelled[];
} {
  const pools = namePools();
  return {
    trainOrigins: generateTraining({ sentences, seed: DEV_SEED, pool: pools.train }),
    heldOutOrigins: generateTraining({
      sentences,
      seed: DEV_SEED,
      pool: pools.dev,
      gazetteerShare: 0,
    }),
  };
}
