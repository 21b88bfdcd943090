// `node --import tsx bench/pii-train/dev-reach3-run.ts [--verbose]`: detectPii on our own
// third reach set (dev-reach3.ts: capitalised non-places after place prepositions in written
// English and German, beside invented towns and unseen names), per language.
import { report } from '../pii-eval/evaluate.js';
import { devReach3 } from './dev-reach3.js';

const verbose = process.argv.includes('--verbose');
const items = devReach3();
for (const lang of ['en', 'de'] as const)
  report(
    `Own reach set 3 (dev-reach3.ts), ${lang} written`,
    items.filter((x) => x.lang === lang),
    verbose,
  );
