// Fresh generated sentences for measuring the tagger: from its training origins (another seed
// than training), from the origins held out of training (names.ts DEV_LOCALES and syllables.ts
// DEV_ORIGINS, no gazetteer names), and those held-out origins in frames held out of training
// too (dev-frames.ts). Used by bench/pii-train/dev.ts and `npm run eval:pii`.
import type { Labelled } from '../pii-eval/markup.js';
import { DE_DEV_FRAMES, EN_DEV_FRAMES } from './dev-frames.js';
import { generateTraining } from './generate.js';
import { namePools } from './names.js';
import { DEV_ORIGINS, TRAIN_ORIGINS } from './syllables.js';

export const DEV_SEED = 4242;

export function devSets(sentences = 1000): {
  trainOrigins: Labelled[];
  heldOutOrigins: Labelled[];
  heldOutFrames: Labelled[];
} {
  const pools = namePools();
  return {
    trainOrigins: generateTraining({
      sentences,
      seed: DEV_SEED,
      pool: pools.train,
      syllables: TRAIN_ORIGINS,
    }),
    heldOutOrigins: generateTraining({
      sentences,
      seed: DEV_SEED,
      pool: pools.dev,
      gazetteerShare: 0,
      syllables: DEV_ORIGINS,
    }),
    heldOutFrames: generateTraining({
      sentences,
      seed: DEV_SEED + 1,
      pool: pools.dev,
      gazetteerShare: 0,
      syllables: DEV_ORIGINS,
      syllableShare: 0.5,
      saladShare: 0,
      frames: { de: DE_DEV_FRAMES, en: EN_DEV_FRAMES },
    }),
  };
}
