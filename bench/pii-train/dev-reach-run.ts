// `node --import tsx bench/pii-train/dev-reach-run.ts [--verbose]`: detectPii on our own
// reach set (dev-reach.ts: unseen names, places, German spoken dates of birth, English spoken
// phone numbers), per language and kind.
import { report } from '../pii-eval/evaluate.js';
import { devReach } from './dev-reach.js';

const verbose = process.argv.includes('--verbose');
const items = devReach();
for (const lang of ['de', 'en'] as const)
  for (const kind of ['written', 'spoken', 'spoken dob', 'spoken phone'])
    if (items.some((x) => x.lang === lang && x.kind === kind))
      report(
        `Own reach set (dev-reach.ts), ${lang} ${kind}`,
        items.filter((x) => x.lang === lang && x.kind === kind),
        verbose,
      );
