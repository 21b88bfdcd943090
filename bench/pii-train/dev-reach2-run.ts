// `node --import tsx bench/pii-train/dev-reach2-run.ts [--verbose]`: detectPii on our own
// second reach set (dev-reach2.ts: unseen names, places and speech frames, German spoken dates
// of birth, English spoken phone numbers), per language and kind.
import { report } from '../pii-eval/evaluate.js';
import { devReach2 } from './dev-reach2.js';

const verbose = process.argv.includes('--verbose');
const items = devReach2();
for (const lang of ['de', 'en'] as const)
  for (const kind of ['written', 'spoken', 'spoken dob', 'spoken phone'])
    if (items.some((x) => x.lang === lang && x.kind === kind))
      report(
        `Own reach set 2 (dev-reach2.ts), ${lang} ${kind}`,
        items.filter((x) => x.lang === lang && x.kind === kind),
        verbose,
      );
