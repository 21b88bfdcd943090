// `node --import tsx bench/pii-train/dev-spoken-run.ts [--verbose]`: detectPii on our own
// spoken development set (dev-spoken.ts), per language.
import { report } from '../pii-eval/evaluate.js';
import { devSpoken } from './dev-spoken.js';

const verbose = process.argv.includes('--verbose');
const items = devSpoken();
for (const lang of ['de', 'en'] as const)
  report(
    `Own spoken set (dev-spoken.ts), ${lang}`,
    items.filter((x) => x.lang === lang),
    verbose,
  );
